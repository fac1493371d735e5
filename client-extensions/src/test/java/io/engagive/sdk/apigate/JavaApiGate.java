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
 * public type outside the {@code internal} packages needs a new major version, and a new major version
 * needs its entry under "Upgrading" in CHANGELOG.md, which tells users what to change.
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
                        + describeMembers(type) + " (needs a new major version, with its entry under Upgrading in "
                        + "CHANGELOG.md)")
                .toList();
    }

    private static String describeMembers(JApiClass type) {
        List<String> members = type.getMethods().stream()
                .filter(method -> !method.isBinaryCompatible() || !method.isSourceCompatible())
                .map(method -> method.getName() + " " + method.getCompatibilityChanges())
                .toList();
        return members.isEmpty() ? "" : " " + members;
    }

    /**
     * Checks that a new major version says how to upgrade to it.
     *
     * @param changelog the text of CHANGELOG.md
     * @return what is missing, empty when the version is no new major one or its upgrading entry is there
     */
    List<String> missingUpgradeNotes(String changelog, String releasedVersion, String currentVersion) {
        int major = major(currentVersion);
        if (major <= major(releasedVersion)) {
            return List.of();
        }
        int start = changelog.indexOf("### Upgrading");
        int end = start < 0 ? -1 : changelog.indexOf("\n## ", start);
        String upgrading = start < 0 ? "" : changelog.substring(start, end < 0 ? changelog.length() : end);
        return upgrading.contains("to " + major + ".0") ? List.of()
                : List.of(currentVersion + " is a new major version: CHANGELOG.md needs an entry \"Upgrading to "
                        + major + ".0\" under \"Upgrading\" saying what users must change");
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("[.-]")[0]);
    }

    /** Returns the classpath of the running tests, for the compared jars' dependencies. */
    static List<String> testClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
