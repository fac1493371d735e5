import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes every Java sample of README.md and of every page under docs/ as a source file, verbatim, so
 * the consumer build compiles them (and runs the ones that are tests); fails when a dependency a page
 * names is not one this project depends on, so drifted coordinates break the build too, and when two
 * pages declare a class of the same name.
 *
 * <p>Run as {@code java ExtractDocSamples.java REPOSITORY_ROOT POM OUTPUT_DIR}. A sample that
 * declares a class is written as it is; one that is a fragment becomes the body of
 * {@code run(String token)} in a class {@code DocSampleN}, its import lines kept as imports.
 */
public final class ExtractDocSamples {

    private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern XML = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        String pom = Files.readString(Path.of(args[1]));
        Path output = Path.of(args[2]);
        Files.createDirectories(output);
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> missing = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        int fragments = 0;
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher xml = XML.matcher(text);
            while (xml.find()) {
                Matcher artifact = ARTIFACT.matcher(xml.group(1));
                while (artifact.find()) {
                    if (artifact.group(1).startsWith("engagive-") && !pom.contains(">" + artifact.group(1) + "<")) {
                        missing.add(root.relativize(page) + ": " + artifact.group(1));
                    }
                }
            }
            Matcher java = JAVA.matcher(text);
            while (java.find()) {
                String sample = java.group(1);
                Matcher declared = CLASS.matcher(sample);
                if (declared.find()) {
                    if (!classes.add(declared.group(1))) {
                        throw new IllegalStateException(root.relativize(page) + " declares " + declared.group(1)
                                + ", which another page declares too");
                    }
                    Files.writeString(output.resolve(declared.group(1) + ".java"), sample);
                    continue;
                }
                StringBuilder imports = new StringBuilder();
                StringBuilder body = new StringBuilder();
                for (String line : sample.split("\n")) {
                    (line.startsWith("import ") ? imports : body).append(line).append('\n');
                }
                String name = "DocSample" + ++fragments;
                Files.writeString(output.resolve(name + ".java"), "// from " + root.relativize(page) + "\n" + imports
                        + "\nfinal class " + name + " {\n    static void run(String token) throws Exception {\n" + body
                        + "    }\n}\n");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the docs name dependencies this consumer does not use: " + missing);
        }
        System.out.println("Samples of " + pages.size() + " pages written to " + output + ": " + fragments
                + " fragment(s) and the classes they declare");
    }
}
