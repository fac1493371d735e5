package io.engagive.sdk.internal.jdk;

import io.engagive.sdk.transport.HttpTransport;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How the client reaches the API: either the parts of a java.net.http client the builder was given
 * (proxy, TLS, executor; any may be null for the JDK's default), or a caller's own client, which
 * then owns all of them; and the proxy's credentials, which the transport answers a 407 with.
 *
 * @param connectTimeout how long to wait for a connection; null when the caller's own client decides
 * @param proxy where connections go, or null for the JVM-wide default
 * @param proxyAuthenticator answers a proxy's 407 challenge (and nothing else), or null
 * @param sslContext the trust (and key) material for TLS, or null for the JVM's default
 * @param sslParameters TLS protocols, cipher suites and the like, or null for the JDK's default
 * @param executor runs java.net.http's asynchronous work, or null to run it inline (on the selector thread)
 * @param ownClient the caller's own client, or null to build one from the parts above
 */
public record Network(Duration connectTimeout, ProxySelector proxy, Authenticator proxyAuthenticator,
        SSLContext sslContext, SSLParameters sslParameters, Executor executor, HttpClient ownClient) {

    /**
     * java.net.http's asynchronous work run where it is handed over, never on a pool: work the
     * selector thread hands over runs on the selector thread (the JDK runs work from any other thread
     * in place anyway). That is one thread hand-off fewer per call; {@code benchmarks/RESULTS.md}
     * measures it ({@code full} against {@code fullJdkExecutor}). Every piece of such work in this
     * client is short and never blocks (the body subscriber only queues what arrived).
     */
    private static final Executor RUN_INLINE = Runnable::run;

    /**
     * Checks that a caller's own client was not combined with parts it would ignore, and that it
     * never follows redirects (the token would follow them to wherever they lead).
     *
     * @throws IllegalArgumentException naming what conflicts
     */
    public Network {
        if (ownClient != null) {
            List<String> ignored = new ArrayList<>();
            addIf(ignored, connectTimeout != null, "connectTimeout");
            addIf(ignored, proxy != null, "proxy");
            addIf(ignored, sslContext != null, "sslContext");
            addIf(ignored, sslParameters != null, "sslParameters");
            addIf(ignored, executor != null, "executor");
            if (!ignored.isEmpty()) {
                throw new IllegalArgumentException("httpClient(...) was given together with " + ignored
                        + ": configure those on your own HttpClient instead");
            }
            if (ownClient.authenticator().isPresent()) {
                throw new IllegalArgumentException("The HttpClient given to httpClient(...) has an authenticator, "
                        + "with which java.net.http on Java 17 drops the call's Authorization header; build it "
                        + "without one and give proxy credentials to proxyAuthenticator(...) instead");
            }
            if (ownClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("The HttpClient given to httpClient(...) follows redirects ("
                        + ownClient.followRedirects() + "); build it with followRedirects(HttpClient.Redirect.NEVER)"
                        + " so the token is never sent where a redirect points");
            }
        }
    }

    /**
     * Returns the connect timeout calls are made with.
     *
     * @param fallback used when neither the builder nor the caller's own client sets one
     * @return the connect timeout
     */
    public Duration connectTimeoutOr(Duration fallback) {
        if (connectTimeout != null) {
            return connectTimeout;
        }
        return ownClient == null ? fallback : ownClient.connectTimeout().orElse(fallback);
    }

    /**
     * Returns the java.net.http transport over the caller's own client or a new pooled one made from the parts.
     *
     * @param https whether the base URL is HTTPS (HTTP/2 is then offered)
     * @param fallbackConnectTimeout the connect timeout when the builder set none
     * @return the transport
     */
    public HttpTransport transport(boolean https, Duration fallbackConnectTimeout) {
        return new JdkHttpTransport(httpClient(https, fallbackConnectTimeout), proxyCredentials());
    }

    /**
     * Returns the parts of the java.net.http client that were set, which a transport of the caller's own would ignore.
     *
     * @return the names of the parts that were set
     */
    public List<String> partsSet() {
        List<String> set = new ArrayList<>();
        addIf(set, connectTimeout != null, "connectTimeout");
        addIf(set, proxy != null, "proxy");
        addIf(set, proxyAuthenticator != null, "proxyAuthenticator");
        addIf(set, sslContext != null, "sslContext");
        addIf(set, sslParameters != null, "sslParameters");
        addIf(set, executor != null, "executor");
        addIf(set, ownClient != null, "httpClient");
        return set;
    }

    private HttpClient httpClient(boolean https, Duration fallbackConnectTimeout) {
        if (ownClient != null) {
            return ownClient;
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeoutOr(fallbackConnectTimeout))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (sslParameters != null) {
            builder.sslParameters(sslParameters);
        }
        return builder.executor(executor == null ? RUN_INLINE : executor).build();
    }

    /**
     * Returns what answers a proxy's 407, if the builder was given an authenticator for it, or null.
     */
    private ProxyCredentials proxyCredentials() {
        if (proxyAuthenticator == null) {
            return null;
        }
        ProxySelector selector = proxy;
        if (selector == null) {
            selector = ownClient == null ? ProxySelector.getDefault()
                    : ownClient.proxy().orElseGet(ProxySelector::getDefault);
        }
        return new ProxyCredentials(selector, proxyAuthenticator);
    }

    private static void addIf(List<String> names, boolean present, String name) {
        if (present) {
            names.add(name);
        }
    }
}
