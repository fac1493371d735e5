package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.error.ApiErrorException;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every documented (and several undocumented) failure becomes the typed exception for its meaning. */
class ErrorModelTest {

    private static final String WRONG_ACCOUNT = "{\"success\":false,\"statusCode\":403,\"message\":\"Forbidden\","
            + "\"error\":\"You are not allowed to use this account\"}";
    private static final String META_FAILURE = "{\"success\":false,\"statusCode\":502,\"message\":\"WhatsApp API "
            + "request failed\",\"metaResponse\":{\"error\":{\"message\":\"(#132001) Template name does not exist in "
            + "the translation\",\"type\":\"OAuthException\",\"code\":132001}}}";

    private final LoopbackServer server = LoopbackServer.start();
    private final String token = TestTokens.valid();
    private final EngagiveClient engagive = Fixtures.clientFor(server, token).retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void badRequestIsAnInvalidRequestWithTheServersWords() {
        server.enqueue(Reply.json(400, "{\"success\":false,\"statusCode\":400,\"message\":\"Validation failed\","
                + "\"error\":\"\\\"to\\\" is required\"}"));

        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class, this::sendReaction);

        assertThat(error.httpStatus()).hasValue(400);
        assertThat(error.method()).isEqualTo("POST");
        assertThat(error.path()).isEqualTo("/channels/whatsapp/accounts/1/messages/send-reaction");
        assertThat(error.envelope()).hasValueSatisfying(envelope -> {
            assertThat(envelope.success()).contains(false);
            assertThat(envelope.error()).contains("\"to\" is required");
            assertThat(envelope.message()).contains("Validation failed");
        });
        assertThat(error.getMessage()).contains("HTTP 400").contains("POST /channels/whatsapp/accounts/1/messages/"
                + "send-reaction").contains("\"to\" is required");
    }

    @Test
    void unauthorizedSayingExpiredIsAnExpiredTokenAuthenticationError() {
        server.enqueue(Reply.json(401, "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\","
                + "\"error\":\"Token expired\"}"));

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class, this::listTemplates);

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.EXPIRED_TOKEN);
        assertThat(error.expiredAt()).isEmpty();
        assertThat(error.sentToServer()).isTrue();
        assertThat(error.httpStatus()).hasValue(401);
        assertThat(error.getMessage()).contains("HTTP 401").contains("Profile → API access token");
    }

    @Test
    void invalidOrExpiredForATokenWhoseExpiryIsAheadIsAnInvalidToken() {
        server.enqueue(Reply.json(401, "{\"success\":false,\"error\":\"Invalid or expired token\"}"));

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class, this::listTemplates);

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.INVALID_TOKEN);
        assertThat(error.getMessage()).doesNotContain("expired at");
    }

    @Test
    void unauthorizedForAMissingHeaderSaysSo() {
        server.enqueue(Reply.json(401, "{\"success\":false,\"error\":\"No Bearer token provided\"}"));

        assertThat(catchThrowableOfType(AuthenticationException.class, this::listTemplates).reason())
                .isEqualTo(AuthenticationException.Reason.MISSING_TOKEN);
    }

    @Test
    void unauthorizedForABadSignatureIsAnInvalidToken() {
        server.enqueue(Reply.json(401, "{\"success\":false,\"error\":\"invalid signature\"}"));

        assertThat(catchThrowableOfType(AuthenticationException.class, this::listTemplates).reason())
                .isEqualTo(AuthenticationException.Reason.INVALID_TOKEN);
    }

    @Test
    void forbiddenForAnotherAccountIsAnAccountPermissionError() {
        server.enqueue(Reply.json(403, WRONG_ACCOUNT));

        PermissionException error = catchThrowableOfType(PermissionException.class, this::listTemplates);

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.getMessage()).contains("HTTP 403").contains("HTTP API tab");
    }

    @Test
    void forbiddenForAMissingRolePermissionNamesThePermission() {
        server.enqueue(Reply.json(403, "{\"success\":false,\"error\":\"Missing permission: WhatsApp Chats — Add\"}"));

        PermissionException error = catchThrowableOfType(PermissionException.class, this::sendReaction);

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.PERMISSION_MISSING);
        assertThat(error.requiredPermission()).isEqualTo("WhatsApp Chats — Add");
        assertThat(error.getMessage()).contains("WhatsApp Chats — Add");
    }

    @Test
    void a200WhoseEnvelopeSaysFailureWith403IsThePermissionErrorNotASuccess() {
        server.enqueue(Reply.json(200, WRONG_ACCOUNT));

        PermissionException error = catchThrowableOfType(PermissionException.class, this::listTemplates);

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.httpStatus()).hasValue(200);
        assertThat(error.getMessage()).contains("HTTP 200 with success=false, meaning 403");
    }

    @Test
    void aWrongAccountAnsweredOnAnother4xxIsStillThePermissionError() {
        server.enqueue(Reply.json(400, "{\"success\":false,\"message\":\"Forbidden\","
                + "\"error\":\"You are not allowed to use this account\"}"));

        PermissionException error = catchThrowableOfType(PermissionException.class, this::listTemplates);

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.httpStatus()).hasValue(400);
        assertThat(error.getMessage()).contains("HTTP 400, meaning 403");
    }

    @Test
    void aFailedEnvelopeWithoutStatusCodeIsClassifiedFromItsText() {
        server.enqueue(Reply.json(200, "{\"success\":false,\"message\":\"You are not allowed to use this account\"}"));

        assertThat(catchThrowableOfType(PermissionException.class, this::listTemplates).reason())
                .isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
    }

    @Test
    void anErrorFieldWithoutSuccessOrDataIsAFailure() {
        server.enqueue(Reply.json(200, "{\"error\":\"Template not found\"}"));

        assertThat(catchThrowableOfType(NotFoundException.class, this::listTemplates).httpStatus()).hasValue(200);
    }

    @Test
    void aFailedEnvelopeThatSaysNothingClassifiableIsAnApiError() {
        server.enqueue(Reply.json(200, "{\"success\":false,\"message\":\"Something odd\"}"));

        assertThat(catchThrowableOfType(ApiErrorException.class, this::listTemplates).getMessage())
                .contains("Something odd");
    }

    @Test
    void notFoundIsNotFound() {
        server.enqueue(Reply.json(404, "{\"success\":false,\"statusCode\":404,\"message\":\"Template not found\"}"));

        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> engagive.templates().getTemplate("1", "nope"));

        assertThat(error.path()).isEqualTo("/channels/whatsapp/accounts/1/templates/nope");
        assertThat(error.getMessage()).contains("Template not found");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        server.enqueue(Reply.json(429, "{\"success\":false,\"message\":\"Too many requests\"}")
                .withHeader("Retry-After", "7"));

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class, this::listTemplates);

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.isTransient()).isTrue();
    }

    @Test
    void badGatewayCarriesMetasPayload() {
        server.enqueue(Reply.json(502, META_FAILURE));

        UpstreamException error = catchThrowableOfType(UpstreamException.class, this::sendReaction);

        assertThat(error.metaResponse()).hasValueSatisfying(meta ->
                assertThat(meta.at("/error/code").asInt()).isEqualTo(132001));
        assertThat(error.getMessage()).contains("Template name does not exist");
    }

    @Test
    void anHtmlErrorPageFromAProxyIsTypedByItsStatusWithABodyPreview() {
        server.enqueue(Reply.of(503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1>"
                + "</body></html>"));

        ServerException error = catchThrowableOfType(ServerException.class, this::listTemplates);

        assertThat(error.envelope()).isEmpty();
        assertThat(error.context().bodyPreview()).contains("503 Service Temporarily Unavailable");
    }

    @Test
    void anHtmlPageWith200IsAnUnexpectedResponse() {
        server.enqueue(Reply.of(200, "text/html", "<html><body>Login required</body></html>"));

        UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class, this::listTemplates);

        assertThat(error.getMessage()).contains("not JSON").contains("Login required");
    }

    @Test
    void anEmptyBodyIsAnUnexpectedResponse() {
        server.enqueue(Reply.json(200, ""));

        assertThat(catchThrowableOfType(UnexpectedResponseException.class, this::listTemplates).getMessage())
                .contains("empty");
    }

    @Test
    void truncatedJsonIsAnUnexpectedResponse() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK.substring(0, 60)));

        assertThat(catchThrowableOfType(UnexpectedResponseException.class, this::listTemplates)).isNotNull();
    }

    @Test
    void aSuccessEnvelopeFollowedByMoreContentIsAnUnexpectedResponseNotASuccess() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK + "{\"success\":false}"));

        assertThatExceptionOfType(UnexpectedResponseException.class).isThrownBy(this::listTemplates)
                .withMessageContaining("more content after the JSON envelope");
    }

    @Test
    void aSuccessWrittenAsTextWithAnErrorAndNoDataIsTheFailureItDescribes() {
        server.enqueue(Reply.json(200, "{\"success\":\"true\",\"error\":\"Template not found\"}"));

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(this::listTemplates)
                .satisfies(error -> assertThat(error.httpStatus()).hasValue(200));
    }

    @Test
    void jsonOfTheWrongShapeIsAnUnexpectedResponse() {
        server.enqueue(Reply.json(200, "{\"success\":true,\"data\":\"not a list\"}"));

        assertThat(catchThrowableOfType(UnexpectedResponseException.class, this::listTemplates).getMessage())
                .contains("documented types");
    }

    @Test
    void aSuccessBodyOverTheLimitIsRefusedNotBuffered() {
        EngagiveClient small = Fixtures.clientFor(server, token).maxResponseBytes(4096).build();
        server.enqueue(Reply.json(200, "{\"success\":true,\"data\":[" + "{\"code\":\"x\"},".repeat(2000)
                + "{\"code\":\"y\"}]}"));

        assertThat(catchThrowableOfType(UnexpectedResponseException.class,
                () -> small.templates().listTemplates("1", "x")).getMessage()).contains("4096 bytes");
    }

    @Test
    void aHugeErrorBodyGivesABoundedPreview() {
        server.enqueue(Reply.of(500, "text/plain", "E".repeat(5_000_000)));

        ServerException error = catchThrowableOfType(ServerException.class, this::listTemplates);

        assertThat(error.context().bodyPreview()).hasSizeLessThanOrEqualTo(513);
        assertThat(error.getMessage()).hasSizeLessThan(1200);
    }

    @Test
    void theRequestIdHeaderIsKeptAndTheQueryStringIsNot() {
        server.enqueue(Reply.json(404, "{\"success\":false,\"message\":\"nope\"}").withHeader("X-Request-Id", "req-123"));

        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> engagive.templates().listTemplates("1", "secret-search-term"));

        assertThat(error.requestId()).contains("req-123");
        assertThat(error.getMessage()).contains("req-123").doesNotContain("secret-search-term");
        assertThat(error.path()).doesNotContain("?");
    }

    @Test
    void theRequestIdComesFromTheApisOwnHeaderBeforeAProxysWhateverTheirOrder() {
        server.enqueue(Reply.json(404, "{\"success\":false,\"message\":\"nope\"}")
                .withHeader("CF-Ray", "proxy-ray").withHeader("X-Correlation-Id", "corr-1")
                .withHeader("X-Request-Id", "req-123"));
        server.enqueue(Reply.json(404, "{\"success\":false,\"message\":\"nope\"}").withHeader("CF-Ray", "proxy-ray"));

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(this::listTemplates)
                .satisfies(error -> assertThat(error.requestId()).contains("req-123"));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(this::listTemplates)
                .satisfies(error -> assertThat(error.requestId()).contains("proxy-ray"));
    }

    @Test
    void anUndocumentedClientStatusIsAnApiError() {
        server.enqueue(Reply.json(418, "{\"success\":false,\"message\":\"teapot\"}"));

        assertThat(catchThrowableOfType(ApiErrorException.class, this::listTemplates).httpStatus()).hasValue(418);
    }

    @Test
    void aRefusedConnectionIsAConnectionErrorWithoutStatus() {
        EngagiveClient offline = EngagiveClient.builder().baseUrl(LoopbackServer.closedPortUrl()).token(token)
                .retryPolicy(RetryPolicy.none()).build();

        ConnectionException error = catchThrowableOfType(ConnectionException.class,
                () -> offline.templates().listTemplates("1", "x"));

        assertThat(error.httpStatus()).isEmpty();
        assertThat(error.requestMayHaveReachedServer()).isFalse();
        assertThat(error.getMessage()).contains("not sent");
    }

    @Test
    void aReadTimeoutIsAConnectionErrorThatMayHaveReachedTheServer() {
        EngagiveClient impatient = Fixtures.clientFor(server, token).readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none()).build();
        server.enqueue(Reply.json(200, Fixtures.TEMPLATE_SENT).delayedBy(1500));

        ConnectionException error = catchThrowableOfType(ConnectionException.class,
                () -> impatient.messages().sendReaction("1", reaction()));

        assertThat(error.requestMayHaveReachedServer()).isTrue();
        assertThat(error.getMessage()).contains("may or may not have been delivered");
    }

    @Test
    void aConnectionDroppedAfterAPostWasSentIsAConnectionErrorAndTheMessageIsNotResent() {
        server.enqueue(Reply.dropConnection());

        ConnectionException error = catchThrowableOfType(ConnectionException.class, this::sendReaction);

        assertThat(error.requestMayHaveReachedServer()).isTrue();
        assertThat(server.received()).hasSize(1);
    }

    private void listTemplates() {
        engagive.templates().listTemplates("1", "order");
    }

    private void sendReaction() {
        engagive.messages().sendReaction("1", reaction());
    }

    private static SendReactionRequest reaction() {
        return new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.xxxxx").emoji("👍");
    }
}
