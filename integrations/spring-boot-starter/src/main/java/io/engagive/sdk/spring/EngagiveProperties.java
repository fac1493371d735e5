package io.engagive.sdk.spring;

import io.engagive.sdk.HttpLogLevel;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code engagive.*} settings: where the API is, where the token comes from, timeouts,
 * retries, logging and the health indicator. Every one has the client's default.
 */
@ConfigurationProperties("engagive")
public final class EngagiveProperties {

    /** Creates the settings with every default; Spring Boot binds them. */
    public EngagiveProperties() {
    }

    /** API base URL; HTTPS, or plain HTTP to a loopback host (the sandbox). Default: Engagive's stage host. */
    private String baseUrl;

    /** WhatsApp account id used by the health indicator's reachability check. */
    private String account;

    /** Where the API access token comes from; at most one of its sources. */
    private final Token token = new Token();

    /** How long to wait for a connection. Default 10s. */
    private Duration connectTimeout;

    /** How long any one wait for the server may take. Default 30s. */
    private Duration readTimeout;

    /** When failed reads are sent again, and each call's deadline. */
    private final Retry retry = new Retry();

    /** How much of each HTTP exchange to log at DEBUG (the token is always redacted). */
    private HttpLogLevel logLevel = HttpLogLevel.NONE;

    /** The Actuator health indicator. */
    private final Health health = new Health();

    /**
     * Returns the base URL.
     *
     * @return the base URL, or null for the client's default
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl the base URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Returns the account id.
     *
     * @return the account id, or null
     */
    public String getAccount() {
        return account;
    }

    /**
     * Sets the account id.
     *
     * @param account the account id
     */
    public void setAccount(String account) {
        this.account = account;
    }

    /**
     * Returns the token's sources.
     *
     * @return the token settings
     */
    public Token getToken() {
        return token;
    }

    /**
     * Returns the connect timeout.
     *
     * @return the connect timeout, or null for the client's default
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the connect timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns the read timeout.
     *
     * @return the read timeout, or null for the client's default
     */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets the read timeout.
     *
     * @param readTimeout the read timeout
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * Returns the retry settings.
     *
     * @return the retry settings
     */
    public Retry getRetry() {
        return retry;
    }

    /**
     * Returns the HTTP log level.
     *
     * @return the log level
     */
    public HttpLogLevel getLogLevel() {
        return logLevel;
    }

    /**
     * Sets the HTTP log level.
     *
     * @param logLevel the log level
     */
    public void setLogLevel(HttpLogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /**
     * Returns the health indicator's settings.
     *
     * @return the health settings
     */
    public Health getHealth() {
        return health;
    }

    /** Where the token comes from: a file (re-read when it changes), an environment variable, or a value. */
    public static final class Token {

    /** Creates token settings with no source. */
    public Token() {
    }

        /** A file holding the token, re-read when it changes (e.g. a mounted Kubernetes secret). */
        private Path file;

        /** The environment variable holding the token. Default ENGAGIVE_API_TOKEN when no source is set. */
        private String env;

        /** The token itself; prefer a file or an environment variable. */
        private String value;

        /**
         * Returns the token file.
         *
         * @return the file, or null
         */
        public Path getFile() {
            return file;
        }

        /**
         * Sets the token file.
         *
         * @param file the file
         */
        public void setFile(Path file) {
            this.file = file;
        }

        /**
         * Returns the environment variable's name.
         *
         * @return the variable, or null
         */
        public String getEnv() {
            return env;
        }

        /**
         * Sets the environment variable's name.
         *
         * @param env the variable
         */
        public void setEnv(String env) {
            this.env = env;
        }

        /**
         * Returns the token value.
         *
         * @return the value, or null
         */
        public String getValue() {
            return value;
        }

        /**
         * Sets the token value.
         *
         * @param value the token
         */
        public void setValue(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "Token{file=" + file + ", env=" + env + ", value=" + (value == null ? "none" : "[REDACTED]") + "}";
        }
    }

    /** When failed reads are sent again (a send is never repeated once it may have reached the API). */
    public static final class Retry {

    /** Creates retry settings with the client's defaults. */
    public Retry() {
    }

        /** Whether failed reads are sent again at all. Default true. */
        private boolean enabled = true;

        /** Attempts per call, the first included. Default 3. */
        private Integer maxAttempts;

        /** The wait before the second attempt, doubled for each next one. Default 200ms. */
        private Duration initialBackoff;

        /** The longest wait between attempts. Default 5s. */
        private Duration maxBackoff;

        /** The hard limit on a whole call, attempts and waits included. Default 60s. */
        private Duration deadline;

        /**
         * Returns whether retries are on.
         *
         * @return whether retries are on
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether retries are on.
         *
         * @param enabled whether retries are on
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the attempts per call.
         *
         * @return the attempts, or null for the default
         */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets the attempts per call.
         *
         * @param maxAttempts the attempts
         */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * Returns the first wait.
         *
         * @return the wait, or null for the default
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the first wait.
         *
         * @param initialBackoff the wait
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * Returns the longest wait.
         *
         * @return the wait, or null for the default
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the longest wait.
         *
         * @param maxBackoff the wait
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * Returns the call deadline.
         *
         * @return the deadline, or null for the default
         */
        public Duration getDeadline() {
            return deadline;
        }

        /**
         * Sets the call deadline.
         *
         * @param deadline the deadline
         */
        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }
    }

    /** The Actuator health indicator {@code engagive}. */
    public static final class Health {

    /** Creates health settings with the defaults. */
    public Health() {
    }

        /** Whether the indicator is registered (when Actuator's health support is present). Default true. */
        private boolean enabled = true;

        /** How long before the token's expiry the indicator adds a warning (it stays UP until expiry). Default 7d. */
        private Duration expiryWarning = Duration.ofDays(7);

        /** Whether the indicator also makes one read-only call (template categories of engagive.account). Default false. */
        private boolean reachability;

        /**
         * Returns whether the indicator is on.
         *
         * @return whether the indicator is on
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the indicator is on.
         *
         * @param enabled whether the indicator is on
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the warning window.
         *
         * @return the window
         */
        public Duration getExpiryWarning() {
            return expiryWarning;
        }

        /**
         * Sets the warning window.
         *
         * @param expiryWarning the window
         */
        public void setExpiryWarning(Duration expiryWarning) {
            this.expiryWarning = expiryWarning;
        }

        /**
         * Returns whether the reachability call is made.
         *
         * @return whether the reachability call is made
         */
        public boolean isReachability() {
            return reachability;
        }

        /**
         * Sets whether the reachability call is made.
         *
         * @param reachability whether to make it
         */
        public void setReachability(boolean reachability) {
            this.reachability = reachability;
        }
    }
}
