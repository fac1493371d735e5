package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.SandboxPermission;
import io.engagive.sdk.sandbox.SandboxUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.testkit.RawHttp.Answer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented auth rules, from the outside over real HTTP: each case's status and error envelope. */
class SandboxAuthTest {

    private static final String TEMPLATES = "/channels/whatsapp/accounts/1/templates";
    private static final EngagiveSandbox SANDBOX = EngagiveSandbox.start();
    private static final RawHttp HTTP = new RawHttp(SANDBOX);

    @AfterEach
    void healthy() {
        SANDBOX.assertHealthy();
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    static Stream<Arguments> refusals() {
        SandboxUser user = SANDBOX.defaultUser();
        SandboxUser viewer = SANDBOX.newUser("viewer").accounts("1").permissions(SandboxPermission.TEMPLATES_VIEW)
                .register();
        SandboxUser outsider = SANDBOX.newUser("outsider").organisation("globex").accounts("9")
                .permissions(SandboxPermission.values()).register();
        SandboxUser unregistered = SANDBOX.newUser("ghost").accounts("1").build();
        return Stream.of(
                Arguments.of("missing header", null, TEMPLATES, 401, "No Bearer token provided"),
                Arguments.of("not a bearer header", "Token " + user.token(), TEMPLATES, 401, "Malformed"),
                Arguments.of("bearer without token", "Bearer", TEMPLATES, 401, "Malformed"),
                Arguments.of("garbage token", "Bearer not-a-jwt", TEMPLATES, 401, "Invalid token"),
                Arguments.of("bad signature", "Bearer " + user.tokenWithBadSignature(), TEMPLATES, 401,
                        "Invalid token signature"),
                Arguments.of("expired token", "Bearer " + user.expiredToken(), TEMPLATES, 401, "Token expired"),
                Arguments.of("unknown user", "Bearer " + unregistered.token(), TEMPLATES, 401, "Invalid token"),
                Arguments.of("account of another organisation", "Bearer " + user.token(),
                        "/channels/whatsapp/accounts/9/templates", 403, "not allowed to use this account"),
                Arguments.of("account not granted", "Bearer " + viewer.token(),
                        "/channels/whatsapp/accounts/2/templates", 403, "not allowed to use this account"),
                Arguments.of("user of another organisation", "Bearer " + outsider.token(), TEMPLATES, 403,
                        "not allowed to use this account"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("refusals")
    void refusalsAnswerTheDocumentedStatusWithTheErrorEnvelope(String name, String authorization, String path,
            int status, String error) {
        Answer answer = HTTP.get(path, authorization);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().path("success").asBoolean(true)).isFalse();
        assertThat(answer.body().path("statusCode").asInt()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).contains(error);
    }

    @Test
    void aMissingPermissionIsForbiddenAndNamesIt() {
        SandboxUser viewer = SANDBOX.newUser("viewer-only").accounts("1").permissions(SandboxPermission.TEMPLATES_VIEW)
                .register();

        Answer answer = HTTP.post("/channels/whatsapp/accounts/1/messages/send-reaction", "Bearer " + viewer.token(),
                "{\"to\":\"923001234567\",\"whatsapp_message_id\":\"wamid.x\",\"emoji\":\"👍\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("error").asText()).isEqualTo("Missing permission: " + SandboxPermission.CHATS_ADD.portalName());
        assertThat(SANDBOX.sentMessages()).isEmpty();
    }

    @Test
    void aRemovedPermissionTakesEffectForTokensMintedBefore() {
        SandboxUser sender = SANDBOX.newUser("sender").accounts("1").permissions(SandboxPermission.values()).register();
        String token = sender.token();
        SANDBOX.register(sender.withoutPermission(SandboxPermission.TEMPLATES_VIEW));

        assertThat(HTTP.get(TEMPLATES, "Bearer " + token).status()).isEqualTo(403);
    }

    @Test
    void aValidTokenOnAnAllowedAccountIsServed() {
        Answer answer = HTTP.get(TEMPLATES, "Bearer " + SANDBOX.defaultUser().token());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("success").asBoolean()).isTrue();
        assertThat(answer.body().path("data").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR", "Bearer  "})
    void theSchemeNameIsCaseInsensitiveAsRfc7235Says(String scheme) {
        Answer answer = HTTP.get(TEMPLATES, scheme + " " + SANDBOX.defaultUser().token());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void theErrorBodyVariantAnswersAWrongAccountOnAnotherStatus() {
        try (EngagiveSandbox variant = EngagiveSandbox.builder().wrongAccountStatus(400).start()) {
            Answer answer = new RawHttp(variant).get("/channels/whatsapp/accounts/9/templates",
                    "Bearer " + variant.defaultUser().token());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("success").asBoolean(true)).isFalse();
            assertThat(answer.body().has("statusCode")).isFalse();
            assertThat(answer.body().path("error").asText()).contains("not allowed to use this account");
            variant.assertHealthy();
        }
    }
}
