package io.engagive.sdk.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A checked API base URL: HTTPS, or plain HTTP only to a loopback host (local tests, Pact mock servers). */
public final class BaseUrl {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI uri;

    private BaseUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * Parse.
     *
     * @param url the base URL, e.g. {@code https://stage.api.engagive.io/api/business/public}
     * @return the checked URL, without a trailing slash
     * @throws IllegalArgumentException when it is not an absolute HTTPS URL (or HTTP on loopback)
     */
    public static BaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The Engagive base URL must not be blank");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The Engagive base URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("The Engagive base URL must be an absolute https:// URL, was " + url);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The Engagive base URL must not carry user info, a query or a fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("The Engagive API is HTTPS only: refusing plain http:// to "
                    + uri.getHost() + " (http:// is allowed only to a loopback host such as localhost or 127.0.0.1, "
                    + "for local tests)");
        }
        String text = uri.toString();
        return new BaseUrl(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(name).matches() && !name.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Returns whether the URL is HTTPS.
     *
     * @return whether the URL is HTTPS
     */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Returns the path part, e.g. {@code /api/business/public}, or empty.
     *
     * @return the path part, e.g. {@code /api/business/public}, or empty
     */
    public String path() {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
