package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.auth.TokenInfo;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.AuthenticationException.Reason;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One token reader serves the client and the command-line tool, and it fails only with a typed error. */
class TokenInfoTest {

    @ParameterizedTest(name = "exp {0}")
    @ValueSource(strings = {"1e300", "-1e300", "9223372036854775807", "-9223372036854775808",
            "31556889864403200", "1e19", "\"soon\"", "[]", "{}", "true"})
    void anExpiryThatIsNoTimeIsAMalformedTokenAndNothingIsSent(String exp) {
        String token = jwt("{\"sub\":\"u\",\"exp\":" + exp + "}");
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            EngagiveClient engagive = Fixtures.clientFor(server, token).build();

            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "x"))
                    .satisfies(error -> {
                        assertThat(error.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
                        assertThat(error.sentToServer()).isFalse();
                    })
                    .withMessageNotContaining(token);
            assertThat(server.received()).isEmpty();
        }
    }

    @Property(tries = 300)
    void anyNumericExpiryIsReadOrRefusedAsMalformed(@ForAll("numbers") String exp) {
        String token = jwt("{\"exp\":" + exp + "}");
        try {
            TokenInfo info = TokenInfo.inspect(token);
            assertThat(info.expiresAt()).isPresent();
        } catch (AuthenticationException refused) {
            assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
            assertThat(refused.getMessage()).doesNotContain(token);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"TOKEN\"", "'TOKEN'", "TOKEN\n", "\uFEFFTOKEN", "TOKEN TOKEN"})
    void aPastedTokenWithQuotesOrOtherJunkIsMalformedWithTheReason(String pasted) {
        String token = jwt("{\"sub\":\"u\"}");

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> TokenInfo.inspect(pasted.replace("TOKEN", token)))
                .satisfies(error -> assertThat(error.reason()).isEqualTo(Reason.MALFORMED_TOKEN))
                .withMessageContaining("characters a bearer token cannot have")
                .withMessageNotContaining(token);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "Bearer "})
    void noTokenIsAMissingToken(String raw) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> TokenInfo.inspect(raw))
                .satisfies(error -> assertThat(error.reason()).isEqualTo(Reason.MISSING_TOKEN));
    }

    @Test
    void theClaimsAreReadAsTheClientReadsThem() {
        TokenInfo info = TokenInfo.inspect("Bearer " + jwt("{\"sub\":\"user-42\",\"org\":\"acme\",\"iat\":1700000000,"
                + "\"exp\":1800000000}"));

        assertThat(info.subject()).contains("user-42");
        assertThat(info.organisation()).contains("acme");
        assertThat(info.issuedAt()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(info.expiresAt()).contains(Instant.ofEpochSecond(1_800_000_000));
        assertThat(info.expiredAt(Instant.ofEpochSecond(1_800_000_000))).isTrue();
        assertThat(info.expiredAt(Instant.ofEpochSecond(1_799_999_999))).isFalse();
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? BigDecimal.valueOf(d).toString() : "0"),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf),
                Arbitraries.of("1e300", "-1e300", "1E+19", "0.5", "-0"));
    }

    private static String jwt(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
