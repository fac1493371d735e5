package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.CapturedLogs;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever status, body and headers come back, the client returns a model or throws one of our
 * typed exceptions, and the token appears in no message, toString, preview or log line.
 */
class AnyResponsePropertiesTest {

    private static final String TOKEN = TestTokens.valid();
    private static LoopbackServer server;
    private static EngagiveClient engagive;

    @BeforeContainer
    static void start() {
        server = LoopbackServer.start();
        engagive = EngagiveClient.builder()
                .baseUrl(server.baseUrl())
                .token(TOKEN)
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .logLevel(HttpLogLevel.FULL)
                .build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 1000)
    void onlyTypedOutcomesAndTheTokenNeverLeaks(@ForAll("replies") Reply reply) {
        server.reset();
        CapturedLogs.clear();
        server.enqueue(reply);

        Object outcome;
        try {
            outcome = engagive.templates().listTemplates("1", "order");
        } catch (RuntimeException thrown) {
            outcome = thrown;
        }

        if (outcome instanceof RuntimeException) {
            assertThat(outcome).isInstanceOf(EngagiveException.class);
            EngagiveException error = (EngagiveException) outcome;
            assertThat(error.getMessage()).isNotBlank().doesNotContain(TOKEN);
            assertThat(error.toString()).doesNotContain(TOKEN);
            assertThat(error.context().toString()).doesNotContain(TOKEN);
            assertThat(error.context().bodyPreview()).doesNotContain(TOKEN).hasSizeLessThanOrEqualTo(513);
            if (reply.status() >= 200 && reply.status() < 300) {
                assertThat(error.httpStatus()).hasValue(reply.status());
            }
        } else {
            assertThat(outcome).isInstanceOf(TemplateListResponse.class);
            assertThat(reply.status()).isBetween(200, 299);
        }
        assertThat(CapturedLogs.text()).doesNotContain(TOKEN);
    }

    @Provide
    Arbitrary<Reply> replies() {
        Arbitrary<Integer> statuses = Arbitraries.oneOf(
                Arbitraries.of(200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504),
                Arbitraries.integers().between(200, 599).filter(status -> status != 304));
        Arbitrary<String> bodies = Arbitraries.oneOf(envelopes(), freeText(), htmlPages(),
                Arbitraries.just(""), Arbitraries.just("{"), Arbitraries.just("[]"), Arbitraries.just("null"),
                Arbitraries.just("{\"success\":true,\"data\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        Arbitrary<Map<String, String>> headers = Arbitraries.oneOf(
                Arbitraries.just(Map.of()),
                Arbitraries.of("7", "-1", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "", TOKEN)
                        .map(value -> Map.of("Retry-After", value)),
                Arbitraries.of("req-1", "Bearer " + TOKEN, TOKEN).map(value -> Map.of("X-Request-Id", value)));
        return Combinators.combine(statuses, bodies, headers).as((status, body, extra) -> {
            Reply reply = Reply.json(status, body);
            for (Map.Entry<String, String> header : extra.entrySet()) {
                reply = reply.withHeader(header.getKey(), header.getValue());
            }
            return reply;
        });
    }

    private static Arbitrary<String> envelopes() {
        Arbitrary<String> success = Arbitraries.of("true", "false", "\"false\"", "null", "1");
        Arbitrary<String> statusCode = Arbitraries.of("200", "401", "403", "404", "502", "\"403\"", "null", "99999999999");
        Arbitrary<String> text = Arbitraries.of("Invalid or expired token", "You are not allowed to use this account",
                "Missing permission", "Template not found", "boom", "token " + TOKEN, "Bearer " + TOKEN, "");
        Arbitrary<String> data = Arbitraries.of("[]", "[{\"code\":\"x\",\"surprise\":{\"a\":[1,2]}}]", "{}", "\"s\"",
                "null", "[{\"id\":\"not-a-number\"}]", "[{\"id\":1e400}]");
        Arbitrary<List<String>> fields = Combinators.combine(success, statusCode, text, data, text).as(
                (ok, code, message, payload, error) -> List.of("\"success\":" + ok, "\"statusCode\":" + code,
                        "\"message\":\"" + message + "\"", "\"data\":" + payload, "\"error\":\"" + error + "\"",
                        "\"metaResponse\":{\"error\":{\"message\":\"" + error + "\"}}"));
        return fields.flatMap(all -> Arbitraries.subsetOf(all).map(chosen -> "{" + String.join(",", chosen) + "}"));
    }

    private static Arbitrary<String> freeText() {
        return Arbitraries.strings().all().ofMaxLength(300)
                .injectDuplicates(0.1)
                .edgeCases(edges -> edges.add(TOKEN));
    }

    private static Arbitrary<String> htmlPages() {
        return Arbitraries.of("Bad Gateway", "Login", "Authorization: Bearer " + TOKEN)
                .map(title -> "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>");
    }
}
