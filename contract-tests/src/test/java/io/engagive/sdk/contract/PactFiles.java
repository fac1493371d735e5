package io.engagive.sdk.contract;

import java.io.File;
import java.util.Arrays;
import java.util.List;

/** The pact files the consumer tests wrote in this build. */
final class PactFiles {

    private PactFiles() {
    }

    static List<File> written() {
        File folder = new File(System.getProperty("engagive.pact.dir", "target/pacts"));
        File[] files = folder.listFiles((dir, name) -> name.endsWith(".json"));
        if (files == null || files.length == 0) {
            throw new IllegalStateException("no pact files in " + folder + ": the consumer tests write them first");
        }
        Arrays.sort(files);
        return List.of(files);
    }
}
