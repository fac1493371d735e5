package io.engagive.sdk.sandbox;

import java.util.List;

/**
 * The Pact provider states the sandbox sets up, by the names pacts use in {@code given(...)}. Each
 * is plain ASCII and none is a prefix of another, because verifiers in other languages send them
 * as header values and match them as patterns. Set one up with
 * {@link EngagiveSandbox#setUpProviderState(String)} or, from any language, with the admin API's
 * {@code POST /__sandbox/provider-states}.
 */
public final class ProviderStates {

    /** No setup: for interactions about requests refused before any user is looked at. */
    public static final String NO_STATE = "no particular state";
    /** A user who may view account 1's templates; offers {@code token}. */
    public static final String TEMPLATES_EXIST = "account 1 has approved templates and the user may view them";
    /** A user who may send from account 1; offers {@code token}. */
    public static final String USER_MAY_SEND = "the user may send messages from account 1";
    /** Offers {@code expiredToken}, a token of the default user whose {@code exp} has passed. */
    public static final String TOKEN_EXPIRED = "the user's token has expired";
    /** Offers {@code badToken}, a token of the default user with a signature the sandbox refuses. */
    public static final String TOKEN_BAD_SIGNATURE = "the user's token has a signature the API does not accept";
    /** A user of account 1 only, with every permission; account 9 is another organisation's. Offers {@code token}. */
    public static final String ACCOUNT_NOT_ALLOWED = "account 9 belongs to another organisation";
    /** As {@link #ACCOUNT_NOT_ALLOWED}, with the refusal sent as an error body on 400 ("403 or error body"). */
    public static final String ACCOUNT_REFUSED_WITH_ERROR_BODY =
            "refusals of account 9 of another organisation come back as an error body on 400";
    /** As {@link #ACCOUNT_NOT_ALLOWED}, with the refusal sent as an error body on 200, which the spec admits. */
    public static final String ACCOUNT_REFUSED_ON_SUCCESS_STATUS =
            "refusals of account 9 of another organisation come back as an error body on 200";
    /** The default user without the permission to view templates; offers {@code token}. */
    public static final String LACKS_TEMPLATES_VIEW = "the user lacks the permission to view templates";
    /** The default user without the permission to send; offers {@code token}. */
    public static final String LACKS_CHATS_ADD = "the user lacks the permission to add chats";
    /** A user who may send, and Meta refuses the next template send (a 502); offers {@code token}. */
    public static final String META_REJECTS_NEXT_SEND = "WhatsApp (Meta) rejects the next template send";

    private ProviderStates() {
    }

    /**
     * Returns every state's name.
     *
     * @return the names, in the order above
     */
    public static List<String> names() {
        return List.of(NO_STATE, TEMPLATES_EXIST, USER_MAY_SEND, TOKEN_EXPIRED, TOKEN_BAD_SIGNATURE,
                ACCOUNT_NOT_ALLOWED, ACCOUNT_REFUSED_WITH_ERROR_BODY, ACCOUNT_REFUSED_ON_SUCCESS_STATUS, LACKS_TEMPLATES_VIEW, LACKS_CHATS_ADD,
                META_REJECTS_NEXT_SEND);
    }
}
