package io.engagive.sdk.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds JWT-shaped tokens for tests; the client cannot verify signatures, so the signature part is a fixed marker. */
public final class TestTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private TestTokens() {
    }

    /**
     * @param expiresAt the exp claim
     * @return a distinct token expiring then
     */
    public static String expiringAt(Instant expiresAt) {
        return jwt("{\"sub\":\"user-42\",\"org\":\"acme\",\"jti\":\"" + SERIAL.incrementAndGet() + "\",\"exp\":"
                + expiresAt.getEpochSecond() + "}");
    }

    /** @return a distinct token valid for 30 days */
    public static String valid() {
        return expiringAt(Instant.now().plusSeconds(30L * 24 * 3600));
    }

    /** @return a distinct token without an exp claim */
    public static String withoutExpiry() {
        return jwt("{\"sub\":\"user-42\",\"jti\":\"" + SERIAL.incrementAndGet() + "\"}");
    }

    private static String jwt(String payload) {
        return encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(payload) + "."
                + encode("signature-" + SERIAL.get());
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
