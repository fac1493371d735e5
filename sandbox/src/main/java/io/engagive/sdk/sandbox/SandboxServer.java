package io.engagive.sdk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The sandbox's HTTP server (Jetty): HTTP/1.1 and HTTP/2 on one port — cleartext (h2c, by prior knowledge or
 * upgrade) or, given a key store, TLS with ALPN — idle connections kept for a stated time that every HTTP/1.1
 * answer announces, a bounded thread pool and a bounded number of connections, and every request handed to the
 * admin API or the API's router as a {@link ServerCall}.
 */
final class SandboxServer {

    /** The most connections open at once; more wait in the accept queue. */
    static final int MAX_CONNECTIONS = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final Tls tls;

    SandboxServer(Settings settings, Router router, AdminApi admin) {
        InetSocketAddress address = settings.address();
        Duration idleTimeout = settings.idleTimeout();
        this.tls = settings.tls();
        QueuedThreadPool pool = new QueuedThreadPool(settings.threads() + 8, 2);
        pool.setName("engagive-sandbox");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, 1, 1, factories(http, settings.tls()));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        Duration announced = idleTimeout.minusSeconds(1).isNegative() ? idleTimeout : idleTimeout.minusSeconds(1);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ServerCall call = new ServerCall(request, response, callback, announced);
                try {
                    if (request.getHttpURI().getPath().startsWith(AdminApi.PREFIX)) {
                        admin.handle(call);
                    } else {
                        router.handle(call);
                    }
                    call.end();
                } catch (RuntimeException | Error e) {
                    call.fail(e);
                    throw e;
                }
                return true;
            }
        });
    }

    private static ConnectionFactory[] factories(HttpConfiguration http, Tls tls) {
        if (tls == null) {
            return new ConnectionFactory[] {new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http)};
        }
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.password()));
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(https), new HttpConnectionFactory(https)};
    }

    /** Where and how the server listens. */
    record Settings(InetSocketAddress address, int threads, Duration idleTimeout, Tls tls) {
    }

    /** The key material of a TLS sandbox. */
    record Tls(KeyStore keyStore, char[] password) {
    }

    /** Starts listening; fails when the address cannot be bound. */
    void start() {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw new UncheckedIOException(new IOException("cannot start the Engagive sandbox on "
                    + connector.getHost() + ":" + connector.getPort(), e));
        }
    }

    boolean isHttps() {
        return tls != null;
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    int port() {
        return connector.getLocalPort();
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the Engagive sandbox did not stop cleanly", e);
        }
    }
}
