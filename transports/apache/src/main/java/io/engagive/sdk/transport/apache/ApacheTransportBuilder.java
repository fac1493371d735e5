package io.engagive.sdk.transport.apache;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/** Configures an {@link ApacheTransport} with its own connection pool; not thread-safe, build once. */
public final class ApacheTransportBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private InetSocketAddress proxy;
    private String proxyUser;
    private String proxyPassword;
    private X509TrustManager trustManager;
    private int maxConnections = 128;

    ApacheTransportBuilder() {
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param timeout the connect timeout; default 10 s
     * @return this builder
     */
    public ApacheTransportBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sends every call through an HTTP proxy.
     *
     * @param address the proxy's host and port
     * @return this builder
     */
    public ApacheTransportBuilder proxy(InetSocketAddress address) {
        this.proxy = Objects.requireNonNull(address, "proxy");
        return this;
    }

    /**
     * Answers the proxy's request for credentials (407) with Basic credentials, scoped to the proxy alone.
     *
     * @param user the proxy user
     * @param password the proxy password
     * @return this builder
     */
    public ApacheTransportBuilder proxyCredentials(String user, String password) {
        this.proxyUser = Objects.requireNonNull(user, "user");
        this.proxyPassword = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Trusts TLS servers through this trust manager (a corporate or private CA) instead of the JVM's.
     *
     * @param trust the trust manager
     * @return this builder
     */
    public ApacheTransportBuilder trustManager(X509TrustManager trust) {
        this.trustManager = Objects.requireNonNull(trust, "trustManager");
        return this;
    }

    /**
     * Sets how many connections the pool keeps to the API at most.
     *
     * @param connections the most connections; default 128
     * @return this builder
     */
    public ApacheTransportBuilder maxConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + connections);
        }
        this.maxConnections = connections;
        return this;
    }

    /**
     * Returns the transport.
     *
     * @return the transport
     */
    public ApacheTransport build() {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)).build());
        if (trustManager != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(trusting(trustManager)));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.getHostString(), proxy.getPort());
            builder.setProxy(proxyHost);
            if (proxyUser != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(proxyUser, proxyPassword.toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return new ApacheTransport(builder.build());
    }

    private static SSLContext trusting(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context from the trust manager", e);
        }
    }
}
