package io.engagive.sdk.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Supplies the current Engagive API access token; called before every request, so an
 * implementation that returns a new value rotates the token without a restart.
 */
@FunctionalInterface
public interface TokenProvider {

    /** The environment variable {@link #fromEnvironment()} reads. */
    String DEFAULT_ENVIRONMENT_VARIABLE = "ENGAGIVE_API_TOKEN";

    /**
     * Returns the token to send now.
     *
     * @return the token (a leading {@code Bearer } is tolerated), or null or blank when none is available
     */
    String currentToken();

    /**
     * A provider that always returns the same token.
     *
     * @param token the API access token
     * @return the provider
     */
    static TokenProvider of(String token) {
        return new FixedTokenProvider(token);
    }

    /**
     * A provider that reads {@value #DEFAULT_ENVIRONMENT_VARIABLE}.
     *
     * @return the provider
     */
    static TokenProvider fromEnvironment() {
        return fromEnvironment(DEFAULT_ENVIRONMENT_VARIABLE);
    }

    /**
     * A provider that reads the named environment variable.
     *
     * @param variable the variable's name
     * @return the provider
     */
    static TokenProvider fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /**
     * A provider that reads the named variable from the given environment on every call.
     *
     * @param variable the variable's name
     * @param environment looks a variable up, e.g. {@code System::getenv} or a test's map
     * @return the provider
     */
    static TokenProvider fromEnvironment(String variable, UnaryOperator<String> environment) {
        return new EnvironmentTokenProvider(variable, environment);
    }

    /**
     * A provider that reads the token from a file and reads it again whenever the file changes
     * (replace it atomically, e.g. write a temporary file and rename it over the old one).
     *
     * @param file the file holding the token; surrounding whitespace is ignored
     * @return the provider
     */
    static TokenProvider fromFile(Path file) {
        return new FileTokenProvider(file);
    }

    /**
     * Wraps an expensive provider (a vault, a secret manager) so it is asked at most once per
     * time-to-live, and again five minutes before a cached JWT expires; concurrent callers share one
     * fetch, and a failed refresh keeps serving a token that has not expired.
     *
     * @param source the provider to ask
     * @param timeToLive how long a fetched token is served
     * @return the caching provider
     */
    static TokenProvider caching(TokenProvider source, Duration timeToLive) {
        return new CachingTokenProvider(source, timeToLive, Duration.ofMinutes(5), Clock.systemUTC());
    }
}
