package io.engagive.sdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Engagive OpenAPI document this jar ships, read from its one classpath location. */
public final class EngagiveOpenApi {

    /** Where the document is on the classpath of this jar. */
    public static final String RESOURCE = "engagive/engagive-openapi.yaml";

    private EngagiveOpenApi() {
    }

    /**
     * Returns the document's text.
     *
     * @return the YAML, as shipped
     * @throws IllegalStateException when this jar's resource is missing from the classpath
     */
    public static String text() {
        try (InputStream in = EngagiveOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: add engagive-api-spec");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
