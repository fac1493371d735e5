package io.engagive.sdk;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.internal.http.BaseUrl;
import io.engagive.sdk.internal.http.ClientAssembly;
import io.engagive.sdk.internal.http.ClientSettings;
import io.engagive.sdk.internal.http.Timing;
import io.engagive.sdk.internal.jdk.Network;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Configures an {@link EngagiveClient}, starting from the documented defaults; not thread-safe, build once. */
public final class EngagiveClientBuilder extends NetworkSettings<EngagiveClientBuilder> {
    private String baseUrl = EngagiveClient.DEFAULT_BASE_URL;
    private Duration readTimeout = Duration.ofSeconds(30);
    private TokenProvider tokenProvider = TokenProvider.fromEnvironment();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration expiryWarning = Duration.ofDays(7);
    private boolean localTokenChecks = true;
    private int maxResponseBytes = 16 * 1024 * 1024;
    private int maxErrorBodyBytes = 64 * 1024;
    private int maxLoggedLineLength = 4096;
    private Timing timing = Timing.system();
    private String appName;
    private String appVersion;
    private CallListener listener = CallListener.NONE;

    EngagiveClientBuilder() {
    }

    /**
     * Sets {@code baseUrl}.
     *
     * @param url the API base URL; default {@link EngagiveClient#DEFAULT_BASE_URL}. HTTPS only, except
     *     plain HTTP to a loopback host
     * @return this builder
     */
    public EngagiveClientBuilder baseUrl(String url) {
        this.baseUrl = Objects.requireNonNull(url, "baseUrl");
        return this;
    }

    /**
     * Sets {@code token}.
     *
     * @param token a fixed API access token (shorthand for {@code tokenProvider(TokenProvider.of(token))})
     * @return this builder
     */
    public EngagiveClientBuilder token(String token) {
        return tokenProvider(TokenProvider.of(token));
    }

    /**
     * Sets {@code tokenProvider}.
     *
     * @param provider where the token comes from; default {@link TokenProvider#fromEnvironment()}
     * @return this builder
     */
    public EngagiveClientBuilder tokenProvider(TokenProvider provider) {
        this.tokenProvider = Objects.requireNonNull(provider, "tokenProvider");
        return this;
    }

    /**
     * Sets {@code readTimeout}.
     *
     * @param timeout how long to wait for a response; default 30 s
     * @return this builder
     */
    public EngagiveClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * Sets {@code retryPolicy}.
     *
     * @param policy when failed calls are sent again; default {@link RetryPolicy#defaults()}
     * @return this builder
     */
    public EngagiveClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /**
     * Sets {@code logLevel}.
     *
     * @param level how much HTTP traffic to log at DEBUG; default {@link HttpLogLevel#NONE}
     * @return this builder
     */
    public EngagiveClientBuilder logLevel(HttpLogLevel level) {
        this.logLevel = Objects.requireNonNull(level, "logLevel");
        return this;
    }

    /**
     * Sets {@code expiryWarning}.
     *
     * @param window how long before the token's expiry one warning is logged; default 7 days
     * @return this builder
     */
    public EngagiveClientBuilder expiryWarning(Duration window) {
        this.expiryWarning = Objects.requireNonNull(window, "expiryWarning");
        return this;
    }

    /**
     * Sets {@code localTokenChecks}.
     *
     * @param enabled whether the token must be a JWT whose {@code exp} has not passed (default
     *     true); switch off only for opaque tokens. Characters are always checked
     * @return this builder
     */
    public EngagiveClientBuilder localTokenChecks(boolean enabled) {
        this.localTokenChecks = enabled;
        return this;
    }

    /**
     * Sets {@code maxResponseBytes}.
     *
     * @param bytes the largest success body accepted (default 16 MiB); larger ones fail with
     *     {@link io.engagive.sdk.error.UnexpectedResponseException}
     * @return this builder
     */
    public EngagiveClientBuilder maxResponseBytes(int bytes) {
        this.maxResponseBytes = atLeast(bytes, 1024, "maxResponseBytes");
        return this;
    }

    /**
     * Sets {@code maxErrorBodyBytes}.
     *
     * @param bytes how much of an error body is read and parsed (default 64 KiB)
     * @return this builder
     */
    public EngagiveClientBuilder maxErrorBodyBytes(int bytes) {
        this.maxErrorBodyBytes = atLeast(bytes, 1024, "maxErrorBodyBytes");
        return this;
    }

    /**
     * Sets {@code maxLoggedLineLength}.
     *
     * @param characters the longest logged line; bodies are cut to it (default 4096)
     * @return this builder
     */
    public EngagiveClientBuilder maxLoggedLineLength(int characters) {
        this.maxLoggedLineLength = atLeast(characters, 80, "maxLoggedLineLength");
        return this;
    }

    /**
     * Sets {@code clock}.
     *
     * @param source the clock token expiry and Retry-After dates are judged by; default UTC system clock
     * @return this builder
     */
    public EngagiveClientBuilder clock(Clock source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /**
     * Registers the listener that hears about every call and attempt (operation, status, duration,
     * retries, request id, exception type; never the token or bodies), e.g. for metrics.
     *
     * @param callListener the listener; default {@link CallListener#NONE}
     * @return this builder
     */
    public EngagiveClientBuilder listener(CallListener callListener) {
        this.listener = Objects.requireNonNull(callListener, "listener");
        return this;
    }

    /**
     * Names the calling application in the {@code User-Agent}, before {@code engagive-java/<version>
     * (Java <version>)}, so Engagive's support can tell your service's traffic apart.
     *
     * @param name the application's name, letters, digits and {@code -._~} and the like (no spaces)
     * @param version its version, or null
     * @return this builder
     * @throws IllegalArgumentException when either holds characters a User-Agent cannot
     */
    public EngagiveClientBuilder appInfo(String name, String version) {
        UserAgent.of(Objects.requireNonNull(name, "name"), version);
        this.appName = name;
        this.appVersion = version;
        return this;
    }

    @Override
    EngagiveClientBuilder self() {
        return this;
    }

    /** Replaces the time source and the wait between attempts: for tests of retry timing, never for users. */
    EngagiveClientBuilder timing(Timing replacement) {
        this.timing = Objects.requireNonNull(replacement, "timing");
        return this;
    }

    /**
     * Returns the client.
     *
     * @return the client
     * @throws IllegalArgumentException when the base URL is not HTTPS (or HTTP on loopback), or when
     *     {@link #httpClient} was combined with network settings it owns or follows redirects
     */
    public EngagiveClient build() {
        Network network = network();
        BaseUrl url = BaseUrl.parse(baseUrl);
        return new EngagiveClient(new ClientAssembly(new ClientSettings(url,
                network.connectTimeoutOr(DEFAULT_CONNECT_TIMEOUT), readTimeout, tokenProvider, retryPolicy, logLevel,
                clock, expiryWarning, localTokenChecks, maxResponseBytes, maxErrorBodyBytes, maxLoggedLineLength, timing,
                UserAgent.of(appName, appVersion), listener, transportFor(url, network))));
    }

    static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static int atLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
