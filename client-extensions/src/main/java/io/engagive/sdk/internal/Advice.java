package io.engagive.sdk.internal;

/** The advice the client and the command-line tool give, written once. */
public final class Advice {

    /** What to do about a missing, malformed, expired or refused token. */
    public static final String NEW_TOKEN =
            "Generate a new API access token in the Engagive portal under Profile → API access token.";

    /** Where the account id comes from, as a clause to put in parentheses. */
    public static final String ACCOUNT_ID = "the id is on the account's HTTP API tab in the Engagive portal";

    private Advice() {
    }
}
