package io.engagive.sdk.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Loads the shipped spec from the classpath path other builds read it from. */
final class SpecFixture {

    static final String CLASSPATH_LOCATION = EngagiveOpenApi.RESOURCE;

    private SpecFixture() {
    }

    static String specText() {
        return EngagiveOpenApi.text();
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
