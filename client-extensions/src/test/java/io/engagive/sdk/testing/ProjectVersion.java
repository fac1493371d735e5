package io.engagive.sdk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The toolkit's version as the build sets it: {@code revision} in the parent pom. */
public final class ProjectVersion {

    private ProjectVersion() {
    }

    /** Returns the version, read from the parent pom of the module the tests run in. */
    public static String read() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        int start = pom.indexOf("<revision>") + "<revision>".length();
        return pom.substring(start, pom.indexOf("</revision>", start));
    }
}
