package io.engagive.sdk.http;

import io.engagive.sdk.auth.AccessToken;
import java.util.Optional;

/**
 * The checked token of the call running on the current thread, so that the interceptor sends
 * exactly the token the call checked and error handling can redact it; one per client.
 */
public final class TokenBinding {

    private final ThreadLocal<AccessToken> current = new ThreadLocal<>();

    void bind(AccessToken token) {
        current.set(token);
    }

    void clear() {
        current.remove();
    }

    /** @return the token of the call on this thread, if one is running */
    public Optional<AccessToken> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * @return the token of the call on this thread
     * @throws IllegalStateException when no call of this client is running on this thread
     */
    public AccessToken require() {
        AccessToken token = current.get();
        if (token == null) {
            throw new IllegalStateException("no Engagive call is running on this thread");
        }
        return token;
    }
}
