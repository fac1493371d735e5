package io.engagive.sdk.auth;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sets exactly one {@code Authorization: Bearer <token>} header on every request, replacing any
 * other value, and adds nothing else for auth.
 */
public final class BearerTokenInterceptor implements RequestInterceptor {

    private static final String AUTHORIZATION = "Authorization";

    private final Supplier<AccessToken> tokens;

    /** @param tokens supplies the checked token for the request being built */
    public BearerTokenInterceptor(Supplier<AccessToken> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public void apply(RequestTemplate template) {
        AccessToken token = tokens.get();
        template.removeHeader(AUTHORIZATION);
        template.headerLiteral(AUTHORIZATION, token.authorizationHeader());
    }

    @Override
    public String toString() {
        return "BearerTokenInterceptor";
    }
}
