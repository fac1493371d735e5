package io.engagive.sdk.cli;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.EngagiveSandboxBuilder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code engagive sandbox serve}: the embedded sandbox as a standalone server for any language, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the Engagive sandbox as a standalone server, for tests in any language.",
        subcommands = SandboxCommand.Serve.class)
final class SandboxCommand {

    @ParentCommand
    private EngagiveCli root;

    /** {@code engagive sandbox serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the Engagive API and the sandbox's "
            + "admin API (/__sandbox) until stopped (Ctrl-C or SIGTERM); print the base URL and a ready token.")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        private SandboxCommand parent;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8089",
                description = "Port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
        private int port;

        @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
                description = "Address to listen on (default: ${DEFAULT-VALUE}). Anyone who can reach it can mint tokens.")
        private String host;

        @Option(names = "--seed", paramLabel = "FILE",
                description = "JSON file of accounts, templates and users to start from instead of the built-in ones.")
        private Path seed;

        @Option(names = "--wrong-account-status", paramLabel = "STATUS", defaultValue = "403",
                description = "Status a wrong account is answered with, \"403 or error body\" (default: ${DEFAULT-VALUE}).")
        private int wrongAccountStatus;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = parent.root.environment().out();
            PrintWriter err = parent.root.environment().err();
            // This process is the server: answer without waiting for a delayed ACK between headers and body.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            EngagiveSandboxBuilder builder = EngagiveSandbox.builder().host(host).wrongAccountStatus(wrongAccountStatus);
            EngagiveSandbox sandbox;
            try {
                sandbox = (seed == null ? builder : builder.seed(seed)).port(port).start();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("engagive sandbox: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE.code();
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                out.println("Engagive sandbox stopped.");
                out.flush();
                stopped.countDown();
            }, "engagive-sandbox-stop"));
            if (!isLoopback(host)) {
                err.println("Warning: listening on " + host + ", not loopback: anyone who can reach it can mint tokens.");
            }
            out.println("Engagive sandbox serving the API at " + sandbox.baseUrl());
            out.println("Admin API (engagive-sandbox-admin.yaml): " + sandbox.adminUrl());
            out.println("Token of the default user (organisation acme, accounts 1 and 2, every permission; valid 30 "
                    + "days; a sandbox token, not a secret): " + sandbox.defaultUser().token());
            out.println("Stop with Ctrl-C or SIGTERM.");
            out.flush();
            err.flush();
            stopped.await();
            return ExitCode.OK.code();
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
