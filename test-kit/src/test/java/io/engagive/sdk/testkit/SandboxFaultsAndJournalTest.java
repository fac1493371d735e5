package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.JournalEntry;
import io.engagive.sdk.sandbox.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.testkit.RawHttp.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fault injection, the request journal, bad input to the sandbox itself and the spec check, from the outside. */
@EngagiveSandboxTest
class SandboxFaultsAndJournalTest {

    @Test
    void aMetaErrorFaultIsA502WithMetaResponse(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());

        UpstreamException error = catchThrowableOfType(UpstreamException.class,
                () -> engagive.messages().sendTemplate("1", Messages.helloWorld("923001234567")));

        assertThat(error.metaResponse()).hasValueSatisfying(meta -> assertThat(meta.at("/error/code").asInt())
                .isEqualTo(131026));
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void aRateLimitFaultSendsRetryAfter(EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.rateLimited(Duration.ofSeconds(3)));

        Answer answer = new RawHttp(sandbox).get("/channels/whatsapp/accounts/1/templates",
                "Bearer " + sandbox.defaultUser().token());

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.raw().headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void aGetSurvivesOneUnavailableThenSucceedsAndTheJournalShowsBoth(EngagiveClient engagive,
            EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.unavailable());

        assertThat(engagive.templates().listTemplates("1", "order").getData()).hasSize(1);
        assertThat(sandbox.journal()).extracting(JournalEntry::status).containsExactly(503, 200);
    }

    @Test
    void aPostAnsweredUnavailableArrivesExactlyOnce(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.unavailable(), 5);

        assertThatExceptionOfType(ServerException.class).isThrownBy(
                () -> engagive.messages().sendTemplate("1", Messages.helloWorld("923001234567")));

        assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void aDelayFaultDelaysThenAnswersNormally(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_CATEGORIES, Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();

        engagive.templateLookups().listTemplateCategories("1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sandbox.journal()).singleElement().extracting(JournalEntry::status).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionIsAConnectionErrorForTheClient(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_REACTION, Fault.dropConnection());

        ConnectionException error = catchThrowableOfType(ConnectionException.class,
                () -> engagive.messages().sendReaction("1", new io.engagive.sdk.generated.model.SendReactionRequest()
                        .to("923001234567").whatsappMessageId("wamid.x").emoji("👍")));

        assertThat(error.requestMayHaveReachedServer()).isTrue();
        assertThat(sandbox.requestsTo(Route.SEND_REACTION)).isEqualTo(1);
    }

    @Test
    void anHtmlErrorPageLooksLikeAProxyAnswer(EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.htmlErrorPage(502));

        Answer answer = new RawHttp(sandbox).get("/channels/whatsapp/accounts/1/templates",
                "Bearer " + sandbox.defaultUser().token());

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(answer.raw().body()).contains("<h1>502 Bad Gateway</h1>");
    }

    @Test
    void theJournalRedactsTheTokenAndKeepsTheRest(EngagiveClient engagive, EngagiveSandbox sandbox) {
        engagive.templates().listTemplates("1", "order");

        JournalEntry entry = sandbox.journal().get(0);
        assertThat(entry.method()).isEqualTo("GET");
        assertThat(entry.path()).isEqualTo("/api/business/public/channels/whatsapp/accounts/1/templates");
        assertThat(entry.query()).contains("search=order");
        assertThat(entry.header("Authorization")).containsExactly("Bearer [REDACTED]");
        assertThat(entry.route()).contains(Route.LIST_TEMPLATES);
        assertThat(entry.toString()).doesNotContain(sandbox.defaultUser().id());
    }

    @Test
    void badInputToTheSandboxGetsTheErrorEnvelope(EngagiveSandbox sandbox) {
        RawHttp http = new RawHttp(sandbox);
        String bearer = "Bearer " + sandbox.defaultUser().token();

        Answer unknownRoute = http.get("/channels/whatsapp/accounts/1/nothing-here", bearer);
        Answer wrongMethod = http.method("DELETE", "/channels/whatsapp/accounts/1/templates", bearer);
        Answer invalidJson = http.post("/channels/whatsapp/accounts/1/messages/send-template", bearer, "{not json");
        Answer notAnObject = http.post("/channels/whatsapp/accounts/1/messages/send-template", bearer, "[1,2]");
        Answer oversized = http.post("/channels/whatsapp/accounts/1/messages/send-single", bearer,
                "{\"to\":\"923001234567\",\"pad\":\"" + "x".repeat(EngagiveSandbox.MAX_REQUEST_BODY_BYTES) + "\"}");

        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.raw().headers().firstValue("Allow")).contains("GET");
        assertThat(invalidJson.status()).isEqualTo(400);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(oversized.status()).isEqualTo(413);
        for (Answer answer : new Answer[] {unknownRoute, wrongMethod, invalidJson, notAnObject, oversized}) {
            assertThat(answer.body().path("success").asBoolean(true)).isFalse();
            assertThat(answer.body().path("error").asText()).isNotBlank().doesNotContain("Exception");
        }
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void theSpecCheckCatchesANonConformingResponse(EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.reply(200, "{\"success\":\"yes\",\"data\":{\"id\":\"x\"}}"));

        new RawHttp(sandbox).get("/channels/whatsapp/accounts/1/templates", "Bearer " + sandbox.defaultUser().token());

        assertThat(sandbox.specViolations()).singleElement().asString()
                .contains("GET /channels/whatsapp/accounts/1/templates -> 200");
        assertThatThrownBy(sandbox::assertHealthy).isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not match").hasMessageContaining("1 problem");
        sandbox.reset();
    }

    @Test
    void aRateLimitedGetIsRetriedByTheClient(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.rateLimited(Duration.ZERO));

        assertThat(engagive.templates().listTemplates("1", "order").getData()).hasSize(1);
        assertThat(sandbox.journal()).extracting(JournalEntry::status).containsExactly(429, 200);
    }
}
