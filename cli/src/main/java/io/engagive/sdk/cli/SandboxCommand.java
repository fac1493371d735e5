package io.engagive.sdk.cli;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.EngagiveSandboxBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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

        /** The environment variable holding the key store's password. */
        static final String KEYSTORE_PASSWORD = "ENGAGIVE_SANDBOX_KEYSTORE_PASSWORD";

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

        @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS (HTTP/2 and HTTP/1.1 by "
                + "ALPN) with the key and certificate chain in this PKCS#12 file; its password is read from the "
                + "environment variable " + KEYSTORE_PASSWORD + ", never from the command line.")
        private Path tlsKeyStore;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = parent.root.environment().out();
            PrintWriter err = parent.root.environment().err();
            EngagiveSandboxBuilder builder = EngagiveSandbox.builder().host(host).wrongAccountStatus(wrongAccountStatus);
            EngagiveSandbox sandbox;
            try {
                if (tlsKeyStore != null) {
                    String given = parent.root.environment().variable(KEYSTORE_PASSWORD);
                    char[] password = given == null ? new char[0] : given.toCharArray();
                    builder.tls(keyStore(tlsKeyStore, password), password);
                }
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

        /** Reads a PKCS#12 key store, refusing it by name (never by password) when it cannot be read. */
        private static KeyStore keyStore(Path file, char[] password) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(in, password);
                return keys;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read the key store " + file + " as PKCS#12 with the "
                        + "password in " + KEYSTORE_PASSWORD + " (" + e.getClass().getSimpleName() + ")");
            }
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
