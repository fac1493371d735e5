package io.engagive.sdk.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Names shared by the consumer contracts, the provider verification and the spec check. */
final class Contract {

    static final String CONSUMER = "engagive-java-client";
    static final String PROVIDER = "engagive-business-api";
    static final String BASE_PATH = "/api/business/public";
    static final String ACCOUNT = BASE_PATH + "/channels/whatsapp/accounts/1";
    static final String FOREIGN_ACCOUNT = BASE_PATH + "/channels/whatsapp/accounts/9";
    /** Matches any bearer JWT; the contracts never carry a real token. */
    static final String BEARER_JWT = "Bearer [A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+";
    /** The example the pact files show for a token that a provider state injects. */
    static final String EXAMPLE_BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.ZXhhbXBsZQ";

    /**
     * Provider states, each set up for real by the verification's {@code @State} handlers and by
     * the standalone sandbox's state-change endpoint. Plain ASCII, and none a prefix of another:
     * verifiers in other languages pass them as header values and match them as patterns.
     */
    static final String TEMPLATES_EXIST = "account 1 has approved templates and the user may view them";
    static final String USER_MAY_SEND = "the user may send messages from account 1";
    static final String TOKEN_EXPIRED = "the user's token has expired";
    static final String TOKEN_BAD_SIGNATURE = "the user's token has a signature the API does not accept";
    static final String ACCOUNT_NOT_ALLOWED = "account 9 belongs to another organisation";
    static final String ACCOUNT_REFUSED_WITH_ERROR_BODY =
            "refusals of account 9 of another organisation come back as an error body on 400";
    static final String LACKS_TEMPLATES_VIEW = "the user lacks the permission to view templates";
    static final String LACKS_CHATS_ADD = "the user lacks the permission to add chats";
    static final String META_REJECTS_NEXT_SEND = "WhatsApp (Meta) rejects the next template send";
    static final String NO_STATE = "no particular state";

    private Contract() {
    }

    /**
     * A JWT-shaped token the consumer side sends; its signature means nothing (the mock server
     * matches the header by pattern), so it is no secret.
     */
    static String consumerToken(Instant expiresAt) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"consumer-test\",\"exp\":" + expiresAt.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }
}
