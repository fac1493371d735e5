package io.engagive.sdk.apigate;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiClass;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule for the Java API, as strict as the spec's: a binary- or source-incompatible change to a
 * public type outside the {@code internal} packages needs a new major version.
 */
final class JavaApiGate {

    private final List<String> classpath;

    /**
     * Creates the gate.
     *
     * @param classpath what the compared jars link against (their dependencies)
     */
    JavaApiGate(List<String> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /**
     * Compares a new jar with the released one.
     *
     * @return every incompatible change, empty when the new version may be released as it is
     */
    List<String> violations(Path released, String releasedVersion, Path current, String currentVersion) {
        if (major(currentVersion) > major(releasedVersion)) {
            return List.of();
        }
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PUBLIC);
        options.getFilters().getExcludes().add(new JavadocLikePackageFilter("io.engagive.sdk.internal.*", false));
        options.getClassPathEntries().addAll(classpath);
        options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
        List<JApiClass> classes = new JarArchiveComparator(options).compare(
                new JApiCmpArchive(released.toFile(), releasedVersion), new JApiCmpArchive(current.toFile(), currentVersion));
        return classes.stream()
                .filter(type -> !type.isBinaryCompatible() || !type.isSourceCompatible())
                .map(type -> type.getFullyQualifiedName() + ": " + type.getCompatibilityChanges()
                        + describeMembers(type))
                .toList();
    }

    private static String describeMembers(JApiClass type) {
        List<String> members = type.getMethods().stream()
                .filter(method -> !method.isBinaryCompatible() || !method.isSourceCompatible())
                .map(method -> method.getName() + " " + method.getCompatibilityChanges())
                .toList();
        return members.isEmpty() ? "" : " " + members;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("[.-]")[0]);
    }

    /** Returns the classpath of the running tests, for the compared jars' dependencies. */
    static List<String> testClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
