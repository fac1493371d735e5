package io.engagive.sdk.transport.okhttp;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Configures an {@link OkHttpTransport} with its own connection pool; not thread-safe, build once. */
public final class OkHttpTransportBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Proxy proxy;
    private String proxyUser;
    private String proxyPassword;
    private X509TrustManager trustManager;

    OkHttpTransportBuilder() {
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param timeout the connect timeout; default 10 s
     * @return this builder
     */
    public OkHttpTransportBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sends every call through an HTTP proxy.
     *
     * @param address the proxy's host and port
     * @return this builder
     */
    public OkHttpTransportBuilder proxy(InetSocketAddress address) {
        this.proxy = new Proxy(Proxy.Type.HTTP, Objects.requireNonNull(address, "proxy"));
        return this;
    }

    /**
     * Answers the proxy's request for credentials (407) with Basic credentials; never offered to the API server.
     *
     * @param user the proxy user
     * @param password the proxy password
     * @return this builder
     */
    public OkHttpTransportBuilder proxyCredentials(String user, String password) {
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
    public OkHttpTransportBuilder trustManager(X509TrustManager trust) {
        this.trustManager = Objects.requireNonNull(trust, "trustManager");
        return this;
    }

    /**
     * Returns the transport.
     *
     * @return the transport
     */
    public OkHttpTransport build() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(connectTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (proxyUser != null) {
            String credentials = Credentials.basic(proxyUser, proxyPassword);
            builder.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null
                    ? null : response.request().newBuilder().header("Proxy-Authorization", credentials).build());
        }
        if (trustManager != null) {
            builder.sslSocketFactory(trusting(trustManager).getSocketFactory(), trustManager);
        }
        return new OkHttpTransport(builder.build());
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
