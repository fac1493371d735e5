package io.engagive.sdk;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplateLookupsApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.internal.UserAgent;
import io.engagive.sdk.internal.http.BaseUrl;
import io.engagive.sdk.internal.http.ClientAssembly;
import io.engagive.sdk.internal.http.ClientSettings;
import io.engagive.sdk.internal.http.Timing;
import io.engagive.sdk.internal.jdk.Network;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.transport.HttpTransport;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The Engagive API client: build it once, share it across threads, and call its typed APIs; every
 * failure surfaces as an {@link io.engagive.sdk.error.EngagiveException}.
 *
 * <pre>{@code
 * EngagiveClient engagive = EngagiveClient.builder().tokenProvider(TokenProvider.fromEnvironment()).build();
 * TemplateListResponse templates = engagive.templates().listTemplates("1", "order");
 * }</pre>
 */
public final class EngagiveClient {

    /** The base URL the spec declares: Engagive's stage environment. */
    public static final String DEFAULT_BASE_URL = ApiClient.DEFAULT_BASE_PATH;

    private final ClientAssembly assembly;
    private final TemplatesApi templates;
    private final TemplateLookupsApi templateLookups;
    private final TemplateContentsApi templateContents;
    private final MessagesApi messages;

    private EngagiveClient(Builder builder) {
        this(builder, new Network(builder.connectTimeout, builder.proxy, builder.proxyAuthenticator,
                builder.sslContext, builder.sslParameters, builder.executor, builder.httpClient));
    }

    private EngagiveClient(Builder builder, Network network) {
        this(builder, BaseUrl.parse(builder.baseUrl), network);
    }

    private EngagiveClient(Builder builder, BaseUrl baseUrl, Network network) {
        this(new ClientAssembly(new ClientSettings(baseUrl, network.connectTimeoutOr(Builder.DEFAULT_CONNECT_TIMEOUT),
                builder.readTimeout, builder.tokenProvider, builder.retryPolicy, builder.logLevel, builder.clock,
                builder.expiryWarning, builder.localTokenChecks, builder.maxResponseBytes, builder.maxErrorBodyBytes,
                builder.maxLoggedLineLength, builder.timing, UserAgent.of(builder.appName, builder.appVersion),
                builder.listener, builder.transportFor(baseUrl, network))));
    }

    private EngagiveClient(ClientAssembly assembly) {
        this.assembly = assembly;
        this.templates = assembly.api(TemplatesApi.class);
        this.templateLookups = assembly.api(TemplateLookupsApi.class);
        this.templateContents = assembly.api(TemplateContentsApi.class);
        this.messages = assembly.api(MessagesApi.class);
    }

    /**
     * Returns a client for the calls that need other options (a longer read timeout, no retries),
     * sharing this one's connection pool, token provider and everything else.
     *
     * <pre>{@code
     * engagive.withOptions(options -> options.readTimeout(Duration.ofMinutes(2)).retryPolicy(RetryPolicy.none()))
     *         .templates().listTemplates("1", null);
     * }</pre>
     *
     * @param change sets the options that differ
     * @return the derived client; this one is unchanged
     */
    public EngagiveClient withOptions(Consumer<CallOptions> change) {
        CallOptions options = new CallOptions();
        change.accept(options);
        ClientSettings now = assembly.settings();
        return new EngagiveClient(assembly.with(new ClientSettings(now.baseUrl(), now.connectTimeout(),
                options.readTimeoutOr(now.readTimeout()), now.tokenProvider(), options.retryPolicyOr(now.retryPolicy()),
                now.logLevel(), now.clock(), now.expiryWarning(), now.localTokenChecks(),
                options.maxResponseBytesOr(now.maxResponseBytes()), now.maxErrorBodyBytes(), now.maxLoggedLineLength(),
                now.timing(), now.userAgent(), now.listener(), now.transport())));
    }

    /**
     * Returns a builder with the documented defaults.
     *
     * @return a builder with the documented defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the templates API: list and get templates (permission "WhatsApp Templates — View").
     *
     * @return list and get templates (permission "WhatsApp Templates — View")
     */
    public TemplatesApi templates() {
        return templates;
    }

    /**
     * Returns the template lookups API: categories and their options (permission "WhatsApp Templates — View").
     *
     * @return category and option lookups (permission "WhatsApp Templates — View")
     */
    public TemplateLookupsApi templateLookups() {
        return templateLookups;
    }

    /**
     * Returns the template contents API: a template's language versions (permission "WhatsApp Templates — View").
     *
     * @return template contents and their languages (permission "WhatsApp Templates — View")
     */
    public TemplateContentsApi templateContents() {
        return templateContents;
    }

    /**
     * Returns the messages API: sends, never retried once they may have reached the server (permission "WhatsApp Chats — Add").
     *
     * @return message sends, never retried once they may have reached the server (permission "WhatsApp Chats — Add")
     */
    public MessagesApi messages() {
        return messages;
    }

    @Override
    public String toString() {
        ClientSettings settings = assembly.settings();
        return "EngagiveClient{baseUrl=" + settings.baseUrl() + ", connectTimeout=" + settings.connectTimeout()
                + ", readTimeout=" + settings.readTimeout() + ", tokenProvider=" + settings.tokenProvider()
                + ", localTokenChecks=" + settings.localTokenChecks() + ", retryPolicy=" + settings.retryPolicy()
                + ", logLevel=" + settings.logLevel() + "}";
    }

    /** Configures an {@link EngagiveClient}; not thread-safe, build once. */
    public static final class Builder {
        private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout;
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
        private ProxySelector proxy;
        private Authenticator proxyAuthenticator;
        private SSLContext sslContext;
        private SSLParameters sslParameters;
        private Executor executor;
        private HttpClient httpClient;
        private HttpTransport transport;

        private Builder() {
        }

        /**
         * Sets {@code baseUrl}.
         *
         * @param url the API base URL; default {@link #DEFAULT_BASE_URL}. HTTPS only, except
         *     plain HTTP to a loopback host
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /**
         * Sets {@code token}.
         *
         * @param token a fixed API access token (shorthand for {@code tokenProvider(TokenProvider.of(token))})
         * @return this builder
         */
        public Builder token(String token) {
            return tokenProvider(TokenProvider.of(token));
        }

        /**
         * Sets {@code tokenProvider}.
         *
         * @param provider where the token comes from; default {@link TokenProvider#fromEnvironment()}
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider provider) {
            this.tokenProvider = Objects.requireNonNull(provider, "tokenProvider");
            return this;
        }

        /**
         * Sets {@code connectTimeout}.
         *
         * @param timeout how long to wait for a connection; default 10 s (or the {@link #httpClient}'s own)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets {@code readTimeout}.
         *
         * @param timeout how long to wait for a response; default 30 s
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param policy when failed calls are sent again; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Sets {@code logLevel}.
         *
         * @param level how much HTTP traffic to log at DEBUG; default {@link HttpLogLevel#NONE}
         * @return this builder
         */
        public Builder logLevel(HttpLogLevel level) {
            this.logLevel = Objects.requireNonNull(level, "logLevel");
            return this;
        }

        /**
         * Sets {@code expiryWarning}.
         *
         * @param window how long before the token's expiry one warning is logged; default 7 days
         * @return this builder
         */
        public Builder expiryWarning(Duration window) {
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
        public Builder localTokenChecks(boolean enabled) {
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
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = atLeast(bytes, 1024, "maxResponseBytes");
            return this;
        }

        /**
         * Sets {@code maxErrorBodyBytes}.
         *
         * @param bytes how much of an error body is read and parsed (default 64 KiB)
         * @return this builder
         */
        public Builder maxErrorBodyBytes(int bytes) {
            this.maxErrorBodyBytes = atLeast(bytes, 1024, "maxErrorBodyBytes");
            return this;
        }

        /**
         * Sets {@code maxLoggedLineLength}.
         *
         * @param characters the longest logged line; bodies are cut to it (default 4096)
         * @return this builder
         */
        public Builder maxLoggedLineLength(int characters) {
            this.maxLoggedLineLength = atLeast(characters, 80, "maxLoggedLineLength");
            return this;
        }

        /**
         * Sets {@code clock}.
         *
         * @param source the clock token expiry and Retry-After dates are judged by; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock source) {
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
        public Builder listener(CallListener callListener) {
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
        public Builder appInfo(String name, String version) {
            UserAgent.of(Objects.requireNonNull(name, "name"), version);
            this.appName = name;
            this.appVersion = version;
            return this;
        }

        /**
         * Sends every call through a proxy, e.g. {@code ProxySelector.of(new InetSocketAddress("proxy.corp", 3128))}.
         *
         * @param selector chooses the proxy per URI; default the JVM's ({@code ProxySelector.getDefault()},
         *     which follows the {@code https.proxyHost} system properties)
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = Objects.requireNonNull(selector, "proxy");
            return this;
        }

        /**
         * Answers a proxy's request for credentials (HTTP 407); it is never asked by the API server.
         *
         * <p>The JDK does not send Basic credentials through an HTTPS tunnel unless the JVM runs with
         * {@code -Djdk.http.auth.tunneling.disabledSchemes=""}.
         *
         * @param authenticator gives the proxy's user name and password
         * @return this builder
         */
        public Builder proxyAuthenticator(Authenticator authenticator) {
            this.proxyAuthenticator = Objects.requireNonNull(authenticator, "proxyAuthenticator");
            return this;
        }

        /**
         * Sets the TLS trust and key material, e.g. to trust a corporate CA or to present a client certificate.
         *
         * @param context the TLS context; default the JVM's ({@code SSLContext.getDefault()})
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /**
         * Sets the TLS protocols, cipher suites and the like the client offers.
         *
         * @param parameters the TLS parameters; default the JDK's
         * @return this builder
         */
        public Builder sslParameters(SSLParameters parameters) {
            this.sslParameters = Objects.requireNonNull(parameters, "sslParameters");
            return this;
        }

        /**
         * Sets the executor java.net.http runs its asynchronous work on (calls themselves run on the caller's thread).
         *
         * @param work the executor; by default that work runs inline, on the thread that hands it over (no pool)
         * @return this builder
         */
        public Builder executor(Executor work) {
            this.executor = Objects.requireNonNull(work, "executor");
            return this;
        }

        /**
         * Sends through the caller's own java.net.http client, which then owns the connect timeout, proxy,
         * TLS and executor; it must not follow redirects.
         *
         * @param client the client, built with {@code followRedirects(HttpClient.Redirect.NEVER)}
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Sends through another transport (OkHttp, Apache HttpClient, a test's own) instead of java.net.http; the
         * transport then owns the connect timeout, proxy, TLS and connection pool.
         *
         * @param sender the transport; default java.net.http, configured by this builder's network settings
         * @return this builder
         */
        public Builder transport(HttpTransport sender) {
            this.transport = Objects.requireNonNull(sender, "transport");
            return this;
        }

        /** The transport given, or the java.net.http one made from the network settings; never both. */
        private HttpTransport transportFor(BaseUrl url, Network network) {
            if (transport == null) {
                return network.transport(url.isHttps(), DEFAULT_CONNECT_TIMEOUT);
            }
            if (!network.partsSet().isEmpty()) {
                throw new IllegalArgumentException("transport(...) was given together with " + network.partsSet()
                        + ", which configure the java.net.http transport: configure those on your transport instead");
            }
            return transport;
        }

        /** Replaces the time source and the wait between attempts: for tests of retry timing, never for users. */
        Builder timing(Timing replacement) {
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
            return new EngagiveClient(this);
        }

        private static Duration positive(Duration value, String name) {
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
}
