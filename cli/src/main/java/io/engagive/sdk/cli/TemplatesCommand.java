package io.engagive.sdk.cli;

import static io.engagive.sdk.cli.Printer.column;

import io.engagive.sdk.generated.model.Template;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.generated.model.TemplateResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code engagive templates list|get}: the account's WhatsApp templates. */
@Command(name = "templates", description = "List and get WhatsApp templates.",
        mixinStandardHelpOptions = true)
final class TemplatesCommand {

    @ParentCommand
    private EngagiveCli root;

    @Command(name = "list", description = "List the account's templates.", mixinStandardHelpOptions = true)
    int list(@Option(names = "--search", paramLabel = "TEXT", description = "Only templates whose name or code match.")
            String search) {
        TemplateListResponse response = root.client().templates().listTemplates(root.account(), search);
        print(response, response.getData());
        return ExitCode.OK.code();
    }

    @Command(name = "get", description = "Get one template by its code.", mixinStandardHelpOptions = true)
    int get(@Parameters(paramLabel = "CODE", description = "The template code, e.g. order_shipped.") String code) {
        TemplateResponse response = root.client().templates().getTemplate(root.account(), code);
        print(response, response.getData() == null ? List.of() : List.of(response.getData()));
        return ExitCode.OK.code();
    }

    private void print(Object response, List<Template> templates) {
        root.printer().print(response, templates,
                column("CODE", Template::getCode),
                column("NAME", Template::getName),
                column("CATEGORY", Template::getCategoryCode),
                column("OPTION", Template::getOptionCode),
                column("FORMAT", Template::getParameterFormatCode),
                column("STATUS", Template::getStatus));
    }
}
