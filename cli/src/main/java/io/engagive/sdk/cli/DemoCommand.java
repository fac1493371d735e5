package io.engagive.sdk.cli;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.Template;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SandboxPermission;
import io.engagive.sdk.transport.okhttp.OkHttpTransport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code engagive demo}: the whole story against an embedded sandbox, with no network and no account. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start an embedded Engagive sandbox and walk "
        + "through templates, a send, and each auth and upstream failure with the typed error the client raises.")
final class DemoCommand implements Callable<Integer> {

    private static final String RECIPIENT = "923001234567";

    @ParentCommand
    private EngagiveCli root;

    private PrintWriter out;
    private int steps;
    private int asExpected;

    @Override
    public Integer call() {
        out = root.environment().out();
        try (EngagiveSandbox sandbox = EngagiveSandbox.start()) {
            out.println("Engagive demo: an embedded sandbox at " + sandbox.baseUrl() + " (no network, no account).");
            out.println();
            EngagiveClient engagive = client(sandbox, sandbox.defaultUser().token());

            expectSuccess("List the templates of account 1", () -> engagive.templates().listTemplates("1", null),
                    response -> response.getData().size() + " templates: " + response.getData().stream()
                            .map(Template::getCode).collect(Collectors.joining(", ")));
            expectSuccess("Get template order_shipped", () -> engagive.templates().getTemplate("1", "order_shipped"),
                    response -> response.getData().getCode() + ": " + response.getData().getName() + " ("
                            + response.getData().getCategoryCode() + ", " + response.getData().getStatus() + ")");
            expectSuccess("Send template hello_world to " + RECIPIENT,
                    () -> engagive.messages().sendTemplate("1", helloWorld()),
                    response -> "sent, message id " + ((Map<?, ?>) ((List<?>) response.getMetaResponse()
                            .get("messages")).get(0)).get("id"));

            expectFailure("Call with a token that expired an hour ago", AuthenticationException.class,
                    () -> client(sandbox, sandbox.defaultUser().expiredToken()).templates()
                            .listTemplates("1", null));
            expectFailure("Call account 9, which belongs to another organisation", PermissionException.class,
                    () -> engagive.templates().listTemplates(EngagiveSandbox.FOREIGN_ACCOUNT, null));
            String viewerToken = sandbox.newUser("viewer").accounts("1").permissions(SandboxPermission.TEMPLATES_VIEW)
                    .register().token();
            expectFailure("Send as a user without \"" + SandboxPermission.CHATS_ADD.portalName() + "\"", PermissionException.class,
                    () -> client(sandbox, viewerToken).messages().sendTemplate("1", helloWorld()));
            sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());
            expectFailure("Send to a number WhatsApp (Meta) cannot deliver to", UpstreamException.class,
                    () -> engagive.messages().sendTemplate("1", helloWorld()));

            boolean conformed = sandbox.specViolations().isEmpty();
            out.println("Summary: " + asExpected + " of " + steps + " steps behaved as expected (3 calls succeeded, "
                    + "4 failed with the typed error the client promises). The sandbox received "
                    + sandbox.journal().size() + " requests and recorded " + sandbox.sentMessages().size()
                    + " sent message(s); " + (conformed ? "every response matched the OpenAPI spec."
                            : "some responses did not match the OpenAPI spec: " + sandbox.specViolations()));
            out.flush();
            return asExpected == steps && conformed ? ExitCode.OK.code() : ExitCode.UNEXPECTED.code();
        }
    }

    private <T> void expectSuccess(String title, Supplier<T> call, Function<T, String> describe) {
        announce(title);
        try {
            out.println("   ok: " + describe.apply(call.get()));
            asExpected++;
        } catch (EngagiveException e) {
            out.println("   UNEXPECTED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.println();
    }

    private void expectFailure(String title, Class<? extends EngagiveException> expected, Runnable call) {
        announce(title);
        try {
            call.run();
            out.println("   UNEXPECTED success");
        } catch (EngagiveException e) {
            boolean matches = expected.isInstance(e);
            if (matches) {
                asExpected++;
            }
            out.println("   " + (matches ? "" : "UNEXPECTED ") + e.getClass().getSimpleName() + reason(e)
                    + ", exit code " + ExitCode.of(e).code() + e.httpStatus().stream()
                            .mapToObj(status -> ", HTTP " + status).findFirst().orElse(", nothing sent"));
            out.println("   " + e.getMessage());
        }
        out.println();
    }

    private void announce(String title) {
        steps++;
        out.println(steps + ". " + title);
    }

    private static String reason(EngagiveException e) {
        if (e instanceof AuthenticationException auth) {
            return " (" + auth.reason() + ")";
        }
        if (e instanceof PermissionException denied) {
            return " (" + denied.reason() + ")";
        }
        return "";
    }

    private static EngagiveClient client(EngagiveSandbox sandbox, String token) {
        return EngagiveClient.builder().baseUrl(sandbox.baseUrl()).token(token).transport(OkHttpTransport.create())
                .build();
    }

    private static SendTemplateRequest helloWorld() {
        return new SendTemplateRequest().to(RECIPIENT).contentJson(new TemplateContentJson().templateName("hello_world")
                .langCode("en_US").addComponentsItem(Map.of("type", "BODY",
                        "parameters", List.of(Map.of("type", "text", "text", "Hello")))));
    }
}
