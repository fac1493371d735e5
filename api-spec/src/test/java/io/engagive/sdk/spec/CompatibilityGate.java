package io.engagive.sdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The breaking-change gate: a spec may break compatibility with the last released one (the newest
 * baseline file) only when its {@code info.version} raises the major version. openapi-diff judges
 * operations, parameters, request bodies and enums; because every response field here is optional,
 * it would let a removed response field pass, so the gate also fails on any field a response loses.
 */
final class CompatibilityGate {

    private static final Pattern BASELINE_NAME = Pattern.compile("engagive-openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the gate decided and why. */
    record Verdict(boolean passes, boolean compatible, String baselineVersion, String currentVersion,
            List<String> changes) {
        @Override
        public String toString() {
            return (passes ? "passes" : "FAILS") + ": " + (compatible ? "compatible" : "incompatible")
                    + " with " + baselineVersion + " at " + currentVersion + (changes.isEmpty() ? ""
                            : "\n  - " + String.join("\n  - ", changes));
        }
    }

    private CompatibilityGate() {
    }

    static Verdict judge(String baseline, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
        String baselineVersion = version(baseline);
        String currentVersion = version(current);
        Set<String> removedFields = new TreeSet<>(responseFields(baseline));
        removedFields.removeAll(responseFields(current));
        boolean compatible = !diff.isIncompatible() && removedFields.isEmpty();
        boolean majorBumped = major(currentVersion) > major(baselineVersion);
        List<String> changes = new ArrayList<>(describe(diff));
        removedFields.forEach(field -> changes.add("removed response field " + field));
        return new Verdict(compatible || majorBumped, compatible, baselineVersion, currentVersion, changes);
    }

    static Path newestBaseline(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> BASELINE_NAME.matcher(file.getFileName().toString()).matches())
                    .max(Comparator.comparing(CompatibilityGate::versionKey))
                    .orElseThrow(() -> new IllegalStateException("no baseline engagive-openapi-X.Y.Z.yaml in "
                            + directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionKey(Path file) {
        Matcher version = BASELINE_NAME.matcher(file.getFileName().toString());
        version.matches();
        return String.format("%09d.%09d.%09d", Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                Integer.parseInt(version.group(3)));
    }

    private static List<String> describe(ChangedOpenApi diff) {
        Stream<String> missing = diff.getMissingEndpoints().stream().map(endpoint -> "removed " + name(endpoint));
        Stream<String> added = diff.getNewEndpoints().stream().map(endpoint -> "added " + name(endpoint));
        Stream<String> changed = diff.getChangedOperations().stream()
                .map(operation -> (operation.isIncompatible() ? "incompatible change to " : "compatible change to ")
                        + operation.getHttpMethod() + " " + operation.getPathUrl());
        Stream<String> schemas = Optional.ofNullable(diff.getChangedSchemas()).stream().flatMap(List::stream)
                .filter(schema -> schema.isIncompatible())
                .map(schema -> "incompatible schema change" + Optional.ofNullable(schema.getNewSchema())
                        .map(s -> s.getName() == null ? "" : " in " + s.getName()).orElse(""));
        return Stream.of(missing, added, changed, schemas).flatMap(stream -> stream).distinct()
                .collect(Collectors.toList());
    }

    /** Every field a response can carry, as {@code operationId status path}, e.g. {@code getTemplate 200 data.status}. */
    static Set<String> responseFields(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIParser().readContents(spec, null, options).getOpenAPI();
        Set<String> fields = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                operation.getResponses().forEach((status, response) -> {
                    if (response.getContent() == null) {
                        return;
                    }
                    response.getContent().forEach((type, media) -> collect(fields,
                            operation.getOperationId() + " " + status + " ", "", media.getSchema(), 0));
                })));
        return fields;
    }

    private static void collect(Set<String> fields, String operation, String path, Schema<?> schema, int depth) {
        if (schema == null || depth > 10) {
            return;
        }
        if (schema.getItems() != null) {
            collect(fields, operation, path + "[]", schema.getItems(), depth + 1);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String field = path.isEmpty() ? name : path + "." + name;
                fields.add(operation + field);
                collect(fields, operation, field, property, depth + 1);
            });
        }
    }

    private static String name(Endpoint endpoint) {
        return endpoint.getMethod() + " " + endpoint.getPathUrl();
    }

    static String version(String spec) {
        try {
            JsonNode version = YAML.readTree(spec).at("/info/version");
            if (!version.isTextual()) {
                throw new IllegalArgumentException("the spec has no info.version");
            }
            return version.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int major(String version) {
        Matcher major = Pattern.compile("^(\\d+)\\.").matcher(version);
        if (!major.find()) {
            throw new IllegalArgumentException("info.version must be semantic (MAJOR.MINOR.PATCH), was " + version);
        }
        return Integer.parseInt(major.group(1));
    }
}
