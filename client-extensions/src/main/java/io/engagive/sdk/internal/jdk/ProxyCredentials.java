package io.engagive.sdk.internal.jdk;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers a proxy's 407 with Basic credentials from the caller's authenticator and remembers them
 * per proxy, so later requests carry them from the start. It is done here rather than by
 * java.net.http's own authenticator, which on Java 17 drops the call's {@code Authorization}
 * header whenever one is set, and it asks only for proxies, never for the API server.
 */
final class ProxyCredentials {

    private final ProxySelector selector;
    private final Authenticator authenticator;
    private final ConcurrentMap<InetSocketAddress, String> remembered = new ConcurrentHashMap<>();

    /**
     * Creates the credential source.
     *
     * @param selector the proxies the client connects through, or null when there are none
     * @param authenticator gives the user name and password for a proxy
     */
    ProxyCredentials(ProxySelector selector, Authenticator authenticator) {
        this.selector = selector;
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** Returns the remembered {@code Proxy-Authorization} value for the proxy a request to this URI goes through. */
    Optional<String> remembered(URI uri) {
        return proxyFor(uri).map(remembered::get);
    }

    /**
     * Asks the authenticator for the proxy that answered 407 to a request for this URI and
     * remembers the answer; empty when there is no proxy, no answer, or the answer is the one
     * the proxy has just refused.
     */
    Optional<String> answer(URI uri, String refused, String challenge) {
        Optional<InetSocketAddress> proxy = proxyFor(uri);
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        InetSocketAddress address = proxy.get();
        PasswordAuthentication credentials = authenticator.requestPasswordAuthenticationInstance(
                address.getHostString(), address.getAddress(), address.getPort(), uri.getScheme(), realm(challenge),
                "Basic", url(uri), Authenticator.RequestorType.PROXY);
        if (credentials == null) {
            remembered.remove(address);
            return Optional.empty();
        }
        String header = basic(credentials);
        if (header.equals(refused)) {
            remembered.remove(address);
            return Optional.empty();
        }
        remembered.put(address, header);
        return Optional.of(header);
    }

    private Optional<InetSocketAddress> proxyFor(URI uri) {
        if (selector == null) {
            return Optional.empty();
        }
        return selector.select(uri).stream()
                .filter(proxy -> proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress)
                .map(proxy -> (InetSocketAddress) proxy.address())
                .findFirst();
    }

    private static String basic(PasswordAuthentication credentials) {
        String pair = credentials.getUserName() + ":" + new String(credentials.getPassword());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String realm(String challenge) {
        int start = challenge == null ? -1 : challenge.indexOf("realm=\"");
        if (start < 0) {
            return "";
        }
        int end = challenge.indexOf('"', start + 7);
        return end < 0 ? "" : challenge.substring(start + 7, end);
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }
}
