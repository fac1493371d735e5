package io.engagive.sdk.apigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.testing.ProjectVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's public Java API may change incompatibly only with a new major version: checked
 * against the newest released baseline, and the gate itself shown to fail and pass as it should.
 */
class JavaApiGateTest {

    private static final String V1 = "package io.engagive.sdk; public class Api { public String hello(String name) "
            + "{ return name; } }";

    private final JavaApiGate gate = new JavaApiGate(JavaApiGate.testClasspath());

    @TempDir
    Path dir;

    @Test
    void theClientKeepsTheApiOfItsNewestRelease() throws IOException {
        Optional<Path> baseline = newestBaseline();
        if (baseline.isEmpty()) {
            assertThat(Path.of("api-baseline/README.md")).as("no release yet: the baseline folder explains the step")
                    .exists();
            return;
        }
        String released = baseline.get().getFileName().toString().replaceAll("engagive-client-(.*)\\.jar", "$1");
        Path current = jar("current", Path.of("target/classes"));

        assertThat(gate.violations(baseline.get(), released, current, ProjectVersion.read())).isEmpty();
        assertThat(gate.missingUpgradeNotes(Files.readString(Path.of("..", "CHANGELOG.md")), released,
                ProjectVersion.read())).isEmpty();
    }

    @Test
    void aMajorVersionNeedsItsUpgradingEntryInTheChangelog() throws IOException {
        String changelog = Files.readString(Path.of("..", "CHANGELOG.md"));

        assertThat(changelog).contains("### Upgrading");
        assertThat(gate.missingUpgradeNotes(changelog, "1.4.0", "2.0.0")).singleElement().asString()
                .contains("Upgrading to 2.0");
        assertThat(gate.missingUpgradeNotes(changelog.replace("### Upgrading\n", "### Upgrading\n\n#### Upgrading to 2.0"
                + "\n\n- `Old` is now `New`.\n"), "1.4.0", "2.0.0")).isEmpty();
        assertThat(gate.missingUpgradeNotes(changelog, "1.4.0", "1.5.0")).isEmpty();
    }

    @Test
    void aRemovedPublicMethodFailsWithoutAMajorBump() throws IOException {
        Path released = compile("v1", Map.of("io/engagive/sdk/Api.java", V1));
        Path changed = compile("v2", Map.of("io/engagive/sdk/Api.java",
                "package io.engagive.sdk; public class Api { }"));

        assertThat(gate.violations(released, "1.0.0", changed, "1.1.0")).singleElement()
                .asString().contains("io.engagive.sdk.Api").contains("hello");
        assertThat(gate.violations(released, "1.0.0", changed, "2.0.0")).isEmpty();
    }

    @Test
    void aChangedParameterTypeFailsWithoutAMajorBump() throws IOException {
        Path released = compile("v1", Map.of("io/engagive/sdk/Api.java", V1));
        Path changed = compile("v2", Map.of("io/engagive/sdk/Api.java", "package io.engagive.sdk; public class Api "
                + "{ public String hello(CharSequence name) { return name.toString(); } }"));

        assertThat(gate.violations(released, "1.2.0", changed, "1.2.1")).isNotEmpty();
    }

    @Test
    void anAddedMethodPasses() throws IOException {
        Path released = compile("v1", Map.of("io/engagive/sdk/Api.java", V1));
        Path changed = compile("v2", Map.of("io/engagive/sdk/Api.java", "package io.engagive.sdk; public class Api "
                + "{ public String hello(String name) { return name; } public String bye() { return \"bye\"; } }"));

        assertThat(gate.violations(released, "1.0.0", changed, "1.1.0")).isEmpty();
    }

    @Test
    void internalPackagesMayChangeFreely() throws IOException {
        Path released = compile("v1", Map.of("io/engagive/sdk/internal/http/Wiring.java",
                "package io.engagive.sdk.internal.http; public class Wiring { public void connect() { } }"));
        Path changed = compile("v2", Map.of("io/engagive/sdk/internal/http/Wiring.java",
                "package io.engagive.sdk.internal.http; public class Wiring { }"));

        assertThat(gate.violations(released, "1.0.0", changed, "1.0.1")).isEmpty();
    }

    private static Optional<Path> newestBaseline() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("api-baseline"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                    .max(Comparator.comparing(jar -> jar.getFileName().toString()));
        }
    }

    private Path compile(String name, Map<String, String> sources) throws IOException {
        Path sourceDir = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        Files.createDirectories(classes);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        sources.keySet().forEach(file -> arguments.add(sourceDir.resolve(file).toString()));
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return jar(name, classes);
    }

    private Path jar(String name, Path classes) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }
}
