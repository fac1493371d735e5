package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.FakeTransport;
import io.engagive.sdk.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Two README promises over every input: a wrong-account error body is a {@code PermissionException} on any status,
 * sent once; a query value reaches the wire exactly as written. In memory, with the fake transport and clock.
 */
class WrongAccountAndQueryPropertiesTest {

    private static EngagiveClient client(FakeTransport transport, FakeTiming timing) {
        return EngagiveClient.builder()
                .baseUrl("https://api.example.test/api/business/public")
                .transport(transport)
                .timing(timing)
                .token(TestTokens.valid())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10))
                        .build())
                .build();
    }

    @Property(tries = 400)
    void aWrongAccountBodyIsAPermissionErrorOnAnyStatusAndIsNeverSentAgain(
            @ForAll @IntRange(min = 200, max = 599) int status, @ForAll("wrongAccountBodies") String body,
            @ForAll boolean post) {
        FakeTiming timing = new FakeTiming();
        FakeTransport transport = new FakeTransport(timing).otherwise(FakeTransport.json(status, body));
        EngagiveClient engagive = client(transport, timing);

        assertThatExceptionOfType(PermissionException.class).isThrownBy(() -> {
            if (post) {
                engagive.messages().sendReaction("1", new SendReactionRequest().to("923001234567")
                        .whatsappMessageId("wamid.X").emoji("👍"));
            } else {
                engagive.templates().listTemplates("1", null);
            }
        });
        assertThat(transport.sent()).hasSize(1);
    }

    @Provide
    Arbitrary<String> wrongAccountBodies() {
        Arbitrary<String> statusCode = Arbitraries.of("", "\"statusCode\":403,", "\"statusCode\":null,");
        Arbitrary<String> words = Arbitraries.of("You are not allowed to use this account",
                "Access denied for this account", "account 1 is forbidden for this user",
                "This account is not permitted");
        Arbitrary<String> field = Arbitraries.of("error", "message");
        return net.jqwik.api.Combinators.combine(statusCode, words, field)
                .as((code, text, name) -> "{\"success\":false," + code + "\"" + name + "\":\"" + text + "\"}");
    }

    @Test
    void aMetaRefusalOnA502StaysAMetaRefusalWhateverItsWords() {
        FakeTiming timing = new FakeTiming();
        FakeTransport transport = new FakeTransport(timing).otherwise(FakeTransport.json(502, "{\"success\":false,"
                + "\"statusCode\":502,\"error\":\"(#131031) Business account not allowed to send\",\"metaResponse\":"
                + "{\"error\":{\"code\":131031,\"message\":\"(#131031) Account has been locked\"}}}"));

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> client(transport, timing).templates().listTemplates("1", null));
    }

    @Test
    void anErrorBodyCutShortSaysSoAndHowMuchCame() {
        FakeTiming timing = new FakeTiming();
        byte[] half = "{\"success\":false,\"message\":\"Bad".getBytes(StandardCharsets.UTF_8);
        FakeTransport transport = new FakeTransport(timing).otherwise((request, call, clock) ->
                new io.engagive.sdk.transport.TransportResponse(400, Map.of("Content-Length", List.of("200"),
                        "Content-Type", List.of("application/json")), endingEarly(half)));

        assertThatExceptionOfType(io.engagive.sdk.error.EngagiveException.class)
                .isThrownBy(() -> client(transport, timing).templates().listTemplates("1", null))
                .withMessageContaining("cut short").withMessageContaining("after " + half.length + " bytes")
                .withMessageNotContaining("empty body");
    }

    @Test
    void anErrorBodyThatCannotBeReadAtAllIsNotCalledEmpty() {
        FakeTiming timing = new FakeTiming();
        FakeTransport transport = new FakeTransport(timing).otherwise((request, call, clock) ->
                new io.engagive.sdk.transport.TransportResponse(500, Map.of("Content-Length", List.of("200")),
                        new InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("connection reset");
                            }
                        }));

        assertThatExceptionOfType(io.engagive.sdk.error.EngagiveException.class)
                .isThrownBy(() -> client(transport, timing).withOptions(options -> options.retryPolicy(RetryPolicy.none()))
                        .templates().listTemplates("1", null))
                .withMessageContaining("cut short").withMessageNotContaining("empty body");
    }

    @Property(tries = 1000)
    void aQueryValueReachesTheWireExactlyAsWritten(@ForAll("queryValues") String search) {
        FakeTiming timing = new FakeTiming();
        FakeTransport transport = new FakeTransport(timing).otherwise(FakeTransport.json(200, Fixtures.TEMPLATES_OK));

        try {
            client(transport, timing).templates().listTemplates("1", search);
        } catch (IllegalArgumentException refused) {
            assertThat(transport.sent()).isEmpty();
            return;
        } catch (UnexpectedResponseException notThisTest) {
            // the answer is not what matters here: the request is
            assertThat(transport.sent()).hasSize(1);
        }
        URI sent = transport.sent().get(0).request().uri();
        String query = sent.getRawQuery();
        assertThat(query).startsWith("search=");
        assertThat(query.substring("search=".length())).matches("[A-Za-z0-9\\-._~%]*");
        assertThat(percentDecode(query.substring("search=".length()))).isEqualTo(search);
    }

    @Provide
    Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("%25+&=?#/ 2Fabc").ofMaxLength(20),
                Arbitraries.of("50%25 off", "a+b", "%", "%zz", "é", "👍", "a&search=b", "x#y", ""));
    }

    private static InputStream endingEarly(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Decodes %XX sequences as UTF-8 bytes, and nothing else ('+' stays '+'). */
    private static String percentDecode(String encoded) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
