package io.engagive.sdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI documents this jar ships (the Engagive API, and the sandbox's admin API), read from the classpath. */
public final class EngagiveOpenApi {

    /** Where the document is on the classpath of this jar. */
    public static final String RESOURCE = "engagive/engagive-openapi.yaml";

    /** Where the sandbox's admin API document is on the classpath of this jar. */
    public static final String SANDBOX_ADMIN_RESOURCE = "engagive/engagive-sandbox-admin.yaml";

    private EngagiveOpenApi() {
    }

    /**
     * Returns the document's text.
     *
     * @return the YAML, as shipped
     * @throws IllegalStateException when this jar's resource is missing from the classpath
     */
    public static String text() {
        return read(RESOURCE);
    }

    /**
     * Returns the text of the sandbox's admin API document (tokens, users, faults, journal, Pact
     * provider states), which the standalone sandbox serves under {@code /__sandbox}.
     *
     * @return the YAML, as shipped
     * @throws IllegalStateException when this jar's resource is missing from the classpath
     */
    public static String sandboxAdminText() {
        return read(SANDBOX_ADMIN_RESOURCE);
    }

    private static String read(String resource) {
        try (InputStream in = EngagiveOpenApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: add engagive-api-spec");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
