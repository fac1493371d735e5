package io.engagive.sdk.cli;

import static io.engagive.sdk.cli.Printer.column;

import io.engagive.sdk.generated.model.CategoryOption;
import io.engagive.sdk.generated.model.CategoryOptionListResponse;
import io.engagive.sdk.generated.model.LookupItem;
import io.engagive.sdk.generated.model.LookupListResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code engagive lookups categories|options|languages}: the codes templates are built from. */
@Command(name = "lookups", description = "Template categories, category options and content languages.",
        mixinStandardHelpOptions = true)
final class LookupsCommand {

    @ParentCommand
    private EngagiveCli root;

    @Command(name = "categories", description = "List template categories.", mixinStandardHelpOptions = true)
    int categories() {
        LookupListResponse response = root.client().templateLookups().listTemplateCategories(root.account());
        printLookups(response);
        return ExitCode.OK.code();
    }

    @Command(name = "options", description = "List the options of one category.", mixinStandardHelpOptions = true)
    int options(@Parameters(paramLabel = "CATEGORY", description = "A category code, e.g. MARKETING.") String category) {
        CategoryOptionListResponse response =
                root.client().templateLookups().listCategoryOptions(root.account(), category);
        root.printer().print(response, response.getData(),
                column("CODE", CategoryOption::getCode),
                column("LABEL", CategoryOption::getLabel),
                column("CATEGORY", CategoryOption::getCategoryCode));
        return ExitCode.OK.code();
    }

    @Command(name = "languages", description = "List the languages a template's contents can use.",
            mixinStandardHelpOptions = true)
    int languages(@Parameters(paramLabel = "TEMPLATE", description = "The template code.") String template) {
        printLookups(root.client().templateContents().listContentLanguages(root.account(), template));
        return ExitCode.OK.code();
    }

    private void printLookups(LookupListResponse response) {
        root.printer().print(response, response.getData(),
                column("CODE", LookupItem::getCode),
                column("LABEL", LookupItem::getLabel));
    }
}
