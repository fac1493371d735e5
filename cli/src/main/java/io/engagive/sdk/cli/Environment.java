package io.engagive.sdk.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** What the command-line tool reads from and writes to: environment variables, standard streams and whether it runs on a terminal. */
final class Environment {

    private final Map<String, String> variables;
    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    Environment(Map<String, String> variables, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal) {
        this.variables = Map.copyOf(variables);
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
    }

    static Environment system() {
        return new Environment(System.getenv(), System.in,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.console() != null);
    }

    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    InputStream stdin() {
        return stdin;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    boolean terminal() {
        return terminal;
    }
}
