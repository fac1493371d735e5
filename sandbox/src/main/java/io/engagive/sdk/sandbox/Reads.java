package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** The read-only routes: templates, lookups and template contents, over the seeded data. */
final class Reads {

    private final SandboxStore store;

    Reads(SandboxStore store) {
        this.store = store;
    }

    void listTemplates(RouteCall call) throws IOException {
        call.exchange().ok("Templates retrieved", store.templates(call.accountId(), call.queryParameter("search")),
                null);
    }

    void getTemplate(RouteCall call) throws IOException {
        Optional<ObjectNode> template = store.template(call.accountId(), call.pathParameter());
        if (template.isEmpty()) {
            call.exchange().error(404, "Template not found", "No template with code " + call.pathParameter());
        } else {
            call.exchange().ok("Template retrieved", template.get(), null);
        }
    }

    void listCategories(RouteCall call) throws IOException {
        call.exchange().ok("Categories retrieved", store.categories(), null);
    }

    void listCategoryOptions(RouteCall call) throws IOException {
        Optional<ArrayNode> options = store.categoryOptions(call.pathParameter());
        if (options.isEmpty()) {
            call.exchange().error(404, "Category not found", "No category with code " + call.pathParameter());
        } else {
            call.exchange().ok("Options retrieved", options.get(), null);
        }
    }

    void listContentLanguages(RouteCall call) throws IOException {
        if (templateExists(call)) {
            call.exchange().ok("Languages retrieved", store.languages(), null);
        }
    }

    void listContents(RouteCall call) throws IOException {
        if (templateExists(call)) {
            call.exchange().ok("Template contents retrieved",
                    store.contents(call.pathParameter(), call.queryParameter("search")), null);
        }
    }

    private boolean templateExists(RouteCall call) throws IOException {
        if (store.template(call.accountId(), call.pathParameter()).isPresent()) {
            return true;
        }
        call.exchange().error(404, "Template not found", "No template with code " + call.pathParameter());
        return false;
    }
}
