package io.engagive.sdk.contract;

import io.engagive.sdk.sandbox.ProviderStates;
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

    /** Provider states: the sandbox's own, which it sets up in the JVM and over HTTP alike. */
    static final String TEMPLATES_EXIST = ProviderStates.TEMPLATES_EXIST;
    static final String USER_MAY_SEND = ProviderStates.USER_MAY_SEND;
    static final String TOKEN_EXPIRED = ProviderStates.TOKEN_EXPIRED;
    static final String TOKEN_BAD_SIGNATURE = ProviderStates.TOKEN_BAD_SIGNATURE;
    static final String ACCOUNT_NOT_ALLOWED = ProviderStates.ACCOUNT_NOT_ALLOWED;
    static final String ACCOUNT_REFUSED_WITH_ERROR_BODY = ProviderStates.ACCOUNT_REFUSED_WITH_ERROR_BODY;
    static final String ACCOUNT_REFUSED_ON_SUCCESS_STATUS = ProviderStates.ACCOUNT_REFUSED_ON_SUCCESS_STATUS;
    static final String LACKS_TEMPLATES_VIEW = ProviderStates.LACKS_TEMPLATES_VIEW;
    static final String LACKS_CHATS_ADD = ProviderStates.LACKS_CHATS_ADD;
    static final String META_REJECTS_NEXT_SEND = ProviderStates.META_REJECTS_NEXT_SEND;
    static final String NO_STATE = ProviderStates.NO_STATE;

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
