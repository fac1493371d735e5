package io.engagive.sdk.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the command-line tool in-process with a given environment and captures what it prints. */
final class CliRun {

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    private final Map<String, String> environment = new HashMap<>();
    private String stdin = "";

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EngagiveCli.run(new Environment(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
