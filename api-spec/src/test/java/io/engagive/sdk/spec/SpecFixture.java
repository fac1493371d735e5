package io.engagive.sdk.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the shipped spec from the classpath path other builds read it from. */
final class SpecFixture {

    static final String CLASSPATH_LOCATION = "engagive/engagive-openapi.yaml";

    private SpecFixture() {
    }

    static String specText() {
        try (InputStream in = SpecFixture.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("spec not on the classpath at " + CLASSPATH_LOCATION);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SwaggerParseResult parse(boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        return new OpenAPIParser().readContents(specText(), null, options);
    }

    static OpenAPI resolvedModel() {
        return parse(true).getOpenAPI();
    }
}
