package io.engagive.sdk.kit;

import io.engagive.sdk.internal.jdk.Network;
import io.engagive.sdk.transport.HttpTransport;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The compatibility kit on the JDK's java.net.http transport, the client's default. */
class JdkTransportCompatibilityTest extends TransportCompatibilityKit {

    @Override
    protected HttpTransport transport(KitNetwork network) {
        Authenticator credentials = network.proxyUser() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(network.proxyUser(), network.proxyPassword().toCharArray());
            }
        };
        return new Network(network.connectTimeout(), network.proxy() == null ? null : ProxySelector.of(network.proxy()),
                credentials, sslContext(network.trustManager()), null, null, null)
                .transport(network.trustManager() != null, Duration.ofSeconds(10));
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        if (trust == null) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** java.net.http and OkHttp both negotiate HTTP/2 over TLS. */
    @Override
    protected boolean speaksHttp2() {
        return true;
    }
}
