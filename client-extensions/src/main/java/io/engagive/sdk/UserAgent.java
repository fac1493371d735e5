package io.engagive.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} the client sends: {@code engagive-java/<version> (Java <version>)},
 * preceded by the caller's {@code name/version} when it gave one, so Engagive can tell clients apart.
 */
final class UserAgent {

    /** RFC 9110 token characters: what a product name or version in a User-Agent may hold. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private static final String CLIENT_VERSION = readClientVersion();

    private UserAgent() {
    }

    /**
     * Returns the client's version, from the properties the build writes into the jar.
     *
     * @return e.g. {@code 1.0.0}
     */
    public static String clientVersion() {
        return CLIENT_VERSION;
    }

    /**
     * Builds the header value.
     *
     * @param appName the caller's application name, or null
     * @param appVersion the caller's application version, or null
     * @return the value to send
     * @throws IllegalArgumentException when the name or version holds characters a User-Agent cannot
     */
    public static String of(String appName, String appVersion) {
        String client = "engagive-java/" + CLIENT_VERSION + " (Java " + System.getProperty("java.version") + ")";
        if (appName == null) {
            return client;
        }
        require(appName, "application name");
        if (appVersion == null) {
            return appName + " " + client;
        }
        require(appVersion, "application version");
        return appName + "/" + appVersion + " " + client;
    }

    private static void require(String value, String what) {
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("the " + what + " for the User-Agent may hold only letters, digits and "
                    + "!#$%&'*+.^_`|~- (no spaces or slashes)");
        }
    }

    private static String readClientVersion() {
        Properties properties = new Properties();
        try (InputStream in = UserAgent.class.getResourceAsStream("client.properties")) {
            if (in == null) {
                throw new IllegalStateException("client.properties is missing from the engagive-client jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read client.properties", e);
        }
        return properties.getProperty("version");
    }
}
