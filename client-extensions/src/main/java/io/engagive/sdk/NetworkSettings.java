package io.engagive.sdk;

import io.engagive.sdk.internal.http.BaseUrl;
import io.engagive.sdk.internal.jdk.Network;
import io.engagive.sdk.transport.HttpTransport;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How the client reaches the API, the part of {@link EngagiveClientBuilder} that configures the connection: the
 * built-in java.net.http transport's settings (connect timeout, proxy, TLS, executor, or a java.net.http client of
 * your own), or another {@link HttpTransport}, which then owns all of them.
 *
 * @param <B> the builder these settings belong to, returned by every setter
 */
public abstract class NetworkSettings<B extends NetworkSettings<B>> {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private Duration connectTimeout;
    private ProxySelector proxy;
    private Authenticator proxyAuthenticator;
    private SSLContext sslContext;
    private SSLParameters sslParameters;
    private Executor executor;
    private HttpClient httpClient;
    private HttpTransport transport;

    NetworkSettings() {
    }

    /**
     * Sets {@code connectTimeout}.
     *
     * @param timeout how long to wait for a connection; default 10 s (or the {@link #httpClient}'s own)
     * @return this builder
     */
    public final B connectTimeout(Duration timeout) {
        this.connectTimeout = EngagiveClientBuilder.positive(timeout, "connectTimeout");
        return self();
    }

    /**
     * Sends every call through a proxy, e.g. {@code ProxySelector.of(new InetSocketAddress("proxy.corp", 3128))}.
     *
     * @param selector chooses the proxy per URI; default the JVM's ({@code ProxySelector.getDefault()},
     *     which follows the {@code https.proxyHost} system properties)
     * @return this builder
     */
    public final B proxy(ProxySelector selector) {
        this.proxy = Objects.requireNonNull(selector, "proxy");
        return self();
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
    public final B proxyAuthenticator(Authenticator authenticator) {
        this.proxyAuthenticator = Objects.requireNonNull(authenticator, "proxyAuthenticator");
        return self();
    }

    /**
     * Sets the TLS trust and key material, e.g. to trust a corporate CA or to present a client certificate.
     *
     * @param context the TLS context; default the JVM's ({@code SSLContext.getDefault()})
     * @return this builder
     */
    public final B sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "sslContext");
        return self();
    }

    /**
     * Sets the TLS protocols, cipher suites and the like the client offers.
     *
     * @param parameters the TLS parameters; default the JDK's
     * @return this builder
     */
    public final B sslParameters(SSLParameters parameters) {
        this.sslParameters = Objects.requireNonNull(parameters, "sslParameters");
        return self();
    }

    /**
     * Sets the executor java.net.http runs its asynchronous work on (calls themselves run on the caller's thread).
     *
     * @param work the executor; by default that work runs inline, on the thread that hands it over (no pool)
     * @return this builder
     */
    public final B executor(Executor work) {
        this.executor = Objects.requireNonNull(work, "executor");
        return self();
    }

    /**
     * Sends through the caller's own java.net.http client, which then owns the connect timeout, proxy,
     * TLS and executor; it must not follow redirects.
     *
     * @param client the client, built with {@code followRedirects(HttpClient.Redirect.NEVER)}
     * @return this builder
     */
    public final B httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return self();
    }

    /**
     * Sends through another transport (OkHttp, Apache HttpClient, a test's own) instead of java.net.http; the
     * transport then owns the connect timeout, proxy, TLS and connection pool.
     *
     * @param sender the transport; default java.net.http, configured by this builder's network settings
     * @return this builder
     */
    public final B transport(HttpTransport sender) {
        this.transport = Objects.requireNonNull(sender, "transport");
        return self();
    }

    /** The transport given, or the java.net.http one made from the network settings; never both. */
    final HttpTransport transportFor(BaseUrl url, Network network) {
        if (transport == null) {
            return network.transport(url.isHttps(), DEFAULT_CONNECT_TIMEOUT);
        }
        if (!network.partsSet().isEmpty()) {
            throw new IllegalArgumentException("transport(...) was given together with " + network.partsSet()
                    + ", which configure the java.net.http transport: configure those on your transport instead");
        }
        return transport;
    }

    /** The java.net.http settings as given; checks that a caller's own client was not combined with parts it owns. */
    final Network network() {
        return new Network(connectTimeout, proxy, proxyAuthenticator, sslContext, sslParameters, executor, httpClient);
    }

    /** This builder, typed as itself for chained calls. */
    abstract B self();
}
