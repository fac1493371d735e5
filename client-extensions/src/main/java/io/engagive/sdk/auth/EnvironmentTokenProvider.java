package io.engagive.sdk.auth;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** A {@link TokenProvider} that reads an environment variable on every call. */
final class EnvironmentTokenProvider implements TokenProvider {

    private final String variable;
    private final UnaryOperator<String> environment;

    EnvironmentTokenProvider(String variable, UnaryOperator<String> environment) {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("environment variable name must not be blank");
        }
        this.variable = variable;
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String currentToken() {
        return environment.apply(variable);
    }

    /**
     * Returns the environment variable this provider reads.
     *
     * @return the environment variable this provider reads
     */
    public String variable() {
        return variable;
    }

    @Override
    public String toString() {
        return "EnvironmentTokenProvider[" + variable + "]";
    }
}
