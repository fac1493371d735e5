package io.engagive.sdk.bulk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, started from Debian's server binaries ({@code apt-get install postgresql}, which
 * {@code .ci/run} does) in a directory of its own on a free loopback port, and stopped after. As root it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path directory;
    private final Path bin;
    private final boolean asRoot;
    private final int port;

    private PostgresServer(Path directory, Path bin, boolean asRoot, int port) {
        this.directory = directory;
        this.bin = bin;
        this.asRoot = asRoot;
        this.port = port;
    }

    /**
     * Starts a server on a free loopback port, its only user {@code engagive} (trusted, no password).
     *
     * @return the running server
     * @throws IOException when it cannot be set up
     * @throws InterruptedException when interrupted while it starts
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("engagive-postgres");
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PostgresServer server = new PostgresServer(directory, bin, asRoot, port);
        server.run("initdb", "-D", directory.resolve("data").toString(), "-A", "trust", "-U", "engagive", "-E", "UTF8");
        server.run("pg_ctl", "-D", directory.resolve("data").toString(), "-w", "-l", directory.resolve("log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    /**
     * Returns the JDBC URL of its {@code postgres} database.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("these tests need a real PostgreSQL: install Debian's server binaries "
                    + "(apt-get install postgresql), as .ci/run does");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }
}
