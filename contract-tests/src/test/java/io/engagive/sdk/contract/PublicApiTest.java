package io.engagive.sdk.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public Java API is what the table of docs/public-api.md lists and nothing more, and
 * dependencies point one way: spec → generated → client → sandbox and test kit.
 */
class PublicApiTest {

    /** The packages of the published jars; the CLI, the benchmarks and these tests are applications, not API. */
    private static final JavaClasses PUBLISHED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.engagive.sdk")
            .that(com.tngtech.archunit.base.DescribedPredicate.describe("in a published jar",
                    (JavaClass type) -> !type.getPackageName().startsWith("io.engagive.sdk.cli")
                            && !type.getPackageName().startsWith("io.engagive.sdk.bench")
                            && !type.getPackageName().startsWith("io.engagive.sdk.contract")));

    private static final Pattern TABLE_PACKAGE = Pattern.compile("`(io\\.engagive\\.sdk[\\w.]*)`");

    @Test
    void everyPublicTypeIsInAPackageTheReadmeListsOrInAnInternalPackage() throws IOException {
        Set<String> listed = documentedPackages();

        classes().that().haveModifier(JavaModifier.PUBLIC)
                .should().resideInAnyPackage(listed.toArray(String[]::new))
                .orShould().resideInAPackage("..internal..")
                .because("the table of docs/public-api.md is the whole public surface")
                .check(PUBLISHED);
    }

    @Test
    void everyPackageTheReadmeListsHasPublicTypes() throws IOException {
        Set<String> withPublicTypes = PUBLISHED.stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getPackageName)
                .filter(name -> !name.contains(".internal"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documentedPackages()).containsExactlyInAnyOrderElementsOf(withPublicTypes);
    }

    @Test
    void generatedCodeKnowsNothingBuiltOnIt() {
        noClasses().that().resideInAPackage("io.engagive.sdk.generated..")
                .should().dependOnClassesThat().resideInAnyPackage("io.engagive.sdk", "io.engagive.sdk.auth..",
                        "io.engagive.sdk.error..", "io.engagive.sdk.retry..", "io.engagive.sdk.internal..",
                        "io.engagive.sdk.sandbox..", "io.engagive.sdk.testkit..")
                .check(PUBLISHED);
    }

    @Test
    void theClientKnowsNeitherTheSandboxNorTheTestKitNorAnyIntegration() {
        noClasses().that().resideInAnyPackage("io.engagive.sdk", "io.engagive.sdk.auth..", "io.engagive.sdk.error..",
                        "io.engagive.sdk.events..", "io.engagive.sdk.retry..", "io.engagive.sdk.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.engagive.sdk.sandbox..", "io.engagive.sdk.testkit..",
                        "io.engagive.sdk.micrometer..", "io.engagive.sdk.spring..", "io.micrometer..",
                        "org.springframework..")
                .check(PUBLISHED);
    }

    @Test
    void theIntegrationsAndTransportsUseOnlyTheClientsPublicApi() {
        noClasses().that().resideInAnyPackage("io.engagive.sdk.micrometer..", "io.engagive.sdk.spring..",
                        "io.engagive.sdk.transport.okhttp..", "io.engagive.sdk.transport.apache..", "io.engagive.sdk.bulk..")
                .should().dependOnClassesThat().resideInAnyPackage("io.engagive.sdk.internal..",
                        "io.engagive.sdk.sandbox..", "io.engagive.sdk.testkit..")
                .check(PUBLISHED);
    }

    @Test
    void theSandboxStandsOnTheGeneratedCodeAloneAndWithoutJunit() {
        noClasses().that().resideInAPackage("io.engagive.sdk.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.engagive.sdk", "io.engagive.sdk.auth..",
                        "io.engagive.sdk.error..", "io.engagive.sdk.retry..", "io.engagive.sdk.internal..",
                        "io.engagive.sdk.testkit..", "org.junit..")
                .check(PUBLISHED);
    }

    @Test
    void onlyTheClientUsesItsInternals() {
        noClasses().that().resideOutsideOfPackages("io.engagive.sdk", "io.engagive.sdk.auth..",
                        "io.engagive.sdk.error..", "io.engagive.sdk.retry..", "io.engagive.sdk.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.engagive.sdk.internal..")
                .check(PUBLISHED);
    }

    @Test
    void aPublicTypeInAnInternalPackageIsOneAnotherPackageUses() throws IOException {
        JavaClasses withTheCli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.engagive.sdk");
        String importsInMainSources = mainSourceImports();
        Set<String> usedOnlyInTheirOwnPackage = withTheCli.stream()
                .filter(type -> type.getPackageName().contains(".internal")
                        && type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass())
                .filter(type -> type.getDirectDependenciesToSelf().stream()
                        .allMatch(use -> use.getOriginClass().getPackageName().equals(type.getPackageName())))
                .map(JavaClass::getName)
                // constants are inlined by javac, so a class of constants is found by its imports instead
                .filter(name -> !importsInMainSources.contains("import " + name + ";"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(usedOnlyInTheirOwnPackage).as("public internal types no other package needs").isEmpty();
    }

    @Test
    void noMainClassOfTheClientOrItsTransportsIsOver250Lines() throws IOException {
        Set<String> over = new TreeSet<>();
        for (String module : new String[] {"client-extensions", "transports"}) {
            try (var files = Files.walk(Path.of("..", module))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")
                        && path.toString().contains("src" + java.io.File.separator + "main")).toList()) {
                    long lines = Files.readAllLines(file).size();
                    if (lines > 250) {
                        over.add(file.getFileName() + " (" + lines + " lines)");
                    }
                }
            }
        }

        assertThat(over).as("main classes over 250 lines").isEmpty();
    }

    private static String mainSourceImports() throws IOException {
        StringBuilder imports = new StringBuilder();
        try (var files = Files.walk(Path.of(".."))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")
                    && path.toString().contains("src" + java.io.File.separator + "main")
                    && !path.toString().contains("target")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        imports.append(line).append('\n');
                    }
                }
            }
        }
        return imports.toString();
    }

    private static Set<String> documentedPackages() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "public-api.md"));
        int start = readme.indexOf("# Public API");
        int end = readme.indexOf("\n## ", start + 1);
        end = end < 0 ? readme.length() : end;
        assertThat(start).as("docs/public-api.md has a Public API section").isNotNegative();
        Set<String> packages = new TreeSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `engagive-")) {
                String publicPackages = line.substring(line.lastIndexOf('|', line.length() - 2));
                Matcher matcher = TABLE_PACKAGE.matcher(publicPackages);
                while (matcher.find()) {
                    packages.add(matcher.group(1));
                }
            }
        }
        return packages;
    }
}
