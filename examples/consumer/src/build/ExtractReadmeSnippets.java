import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes every Java sample of the README as a source file, verbatim, so the consumer build compiles
 * them (and runs the ones that are tests); fails when a dependency the README names is not one this
 * project depends on, so drifted coordinates break the build too.
 *
 * <p>Run as {@code java ExtractReadmeSnippets.java README.md POM OUTPUT_DIR}. A sample that declares
 * a class is written as it is; one that is a fragment becomes the body of {@code run(String token)}
 * in a class {@code ReadmeSampleN}, its import lines kept as imports.
 */
public final class ExtractReadmeSnippets {

    private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern XML = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

    public static void main(String[] args) throws IOException {
        String readme = Files.readString(Path.of(args[0]));
        String pom = Files.readString(Path.of(args[1]));
        Path output = Path.of(args[2]);
        Files.createDirectories(output);
        List<String> missing = new ArrayList<>();
        Matcher xml = XML.matcher(readme);
        while (xml.find()) {
            Matcher artifact = ARTIFACT.matcher(xml.group(1));
            while (artifact.find()) {
                if (artifact.group(1).startsWith("engagive-") && !pom.contains(">" + artifact.group(1) + "<")) {
                    missing.add(artifact.group(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the README names dependencies this consumer does not use: " + missing);
        }
        Matcher java = JAVA.matcher(readme);
        int fragments = 0;
        while (java.find()) {
            String sample = java.group(1);
            Matcher declared = CLASS.matcher(sample);
            if (declared.find()) {
                Files.writeString(output.resolve(declared.group(1) + ".java"), sample);
                continue;
            }
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String line : sample.split("\n")) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            String name = "ReadmeSample" + ++fragments;
            Files.writeString(output.resolve(name + ".java"), imports + "\nfinal class " + name + " {\n"
                    + "    static void run(String token) throws Exception {\n" + body + "    }\n}\n");
        }
        System.out.println("README samples written to " + output + ": " + fragments + " fragment(s) and the "
                + "classes they declare");
    }
}
