package io.engagive.sdk.cli;

import static io.engagive.sdk.cli.Printer.column;

import io.engagive.sdk.generated.model.TemplateContent;
import io.engagive.sdk.generated.model.TemplateContentListResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code engagive contents list}: the language versions of a template. */
@Command(name = "contents", description = "The language versions of a template.", mixinStandardHelpOptions = true)
final class ContentsCommand {

    @ParentCommand
    private EngagiveCli root;

    @Command(name = "list", description = "List a template's contents.", mixinStandardHelpOptions = true)
    int list(@Parameters(paramLabel = "TEMPLATE", description = "The template code.") String template,
            @Option(names = "--search", paramLabel = "TEXT", description = "Only contents that match.") String search) {
        TemplateContentListResponse response =
                root.client().templateContents().listTemplateContents(root.account(), template, search);
        root.printer().print(response, response.getData(),
                column("ID", TemplateContent::getId),
                column("LANGUAGE", TemplateContent::getLangCode),
                column("DRAFT", TemplateContent::getIsDraft),
                column("TEXT", TemplateContent::getText));
        return ExitCode.OK.code();
    }
}
