package io.engagive.sdk.auth;

/** A {@link TokenProvider} that always returns the token it was given. */
final class FixedTokenProvider implements TokenProvider {

    private final String token;

    FixedTokenProvider(String token) {
        this.token = token;
    }

    @Override
    public String currentToken() {
        return token;
    }

    @Override
    public String toString() {
        return "FixedTokenProvider[" + (token == null || token.isBlank() ? "empty" : "redacted") + "]";
    }
}
