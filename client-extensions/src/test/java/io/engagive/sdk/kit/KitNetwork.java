package io.engagive.sdk.kit;

import java.net.InetSocketAddress;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;

/**
 * The network settings the compatibility kit asks a transport to be made with; each transport maps them to its own
 * library's configuration.
 *
 * @param connectTimeout how long to wait for a connection
 * @param proxy the proxy every connection goes through, or null
 * @param proxyUser the proxy's user name, or null for a proxy without credentials
 * @param proxyPassword the proxy's password, or null
 * @param trustManager the TLS trust, or null for the JVM's default
 */
public record KitNetwork(Duration connectTimeout, InetSocketAddress proxy, String proxyUser, String proxyPassword,
        X509TrustManager trustManager) {

    /** Direct connections, the JVM's TLS trust. */
    public static KitNetwork direct() {
        return new KitNetwork(Duration.ofSeconds(5), null, null, null, null);
    }

    /** The same, trusting TLS servers through this context. */
    public KitNetwork trusting(X509TrustManager trust) {
        return new KitNetwork(connectTimeout, proxy, proxyUser, proxyPassword, trust);
    }

    /** The same, through a proxy (with credentials, or null ones). */
    public KitNetwork through(InetSocketAddress address, String user, String password) {
        return new KitNetwork(connectTimeout, address, user, password, trustManager);
    }
}
