package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Configures an {@link EngagiveSandbox}. */
public final class EngagiveSandboxBuilder {
    private boolean checkConformance = true;
    private int wrongAccountStatus = 403;
    private int threads = 16;
    private Clock clock = Clock.systemUTC();
    private String host = "127.0.0.1";
    private int port;
    private Path seedFile;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private SandboxServer.Tls tls;
    private int throughputLimit;
    private Duration pairRateLimit = Duration.ZERO;

    EngagiveSandboxBuilder() {
    }

    /**
     * Switches the check of every answer against the spec on or off (on by default).
     *
     * @param enabled whether to check
     * @return this builder
     */
    public EngagiveSandboxBuilder specConformanceCheck(boolean enabled) {
        this.checkConformance = enabled;
        return this;
    }

    /**
     * Sets the status a wrong account is answered with ("403 or error body"); 403 by default.
     *
     * @param status the status
     * @return this builder
     */
    public EngagiveSandboxBuilder wrongAccountStatus(int status) {
        this.wrongAccountStatus = status;
        return this;
    }

    /**
     * Sets how many requests the sandbox serves at once (16 by default).
     *
     * @param count the number of server threads, at least 1
     * @return this builder
     */
    public EngagiveSandboxBuilder threads(int count) {
        this.threads = Math.max(1, count);
        return this;
    }

    /**
     * Sets the clock tokens are minted and checked by.
     *
     * @param source the clock
     * @return this builder
     */
    public EngagiveSandboxBuilder clock(Clock source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /**
     * Sets the address the sandbox listens on; 127.0.0.1 by default. Anyone who can reach it can
     * mint tokens through the admin API, so leave it on loopback unless the network is yours.
     *
     * @param address a host name or IP address of this machine
     * @return this builder
     */
    public EngagiveSandboxBuilder host(String address) {
        this.host = Objects.requireNonNull(address, "host");
        return this;
    }

    /**
     * Sets the port the sandbox listens on; a free one by default.
     *
     * @param number 0 for any free port, or 1–65535
     * @return this builder
     */
    public EngagiveSandboxBuilder port(int number) {
        if (number < 0 || number > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + number);
        }
        this.port = number;
        return this;
    }

    /**
     * Starts from the accounts, templates and users of a JSON seed file instead of the built-in ones
     * (README "Use the sandbox from any language" shows the format).
     *
     * @param file the seed file
     * @return this builder
     */
    public EngagiveSandboxBuilder seed(Path file) {
        this.seedFile = Objects.requireNonNull(file, "seed");
        return this;
    }

    /**
     * Sets how long an idle connection is kept open (60 s by default); every HTTP/1.1 answer announces a second less
     * in {@code Keep-Alive: timeout=…}, so a pooling client stops reusing it before the sandbox closes it.
     *
     * @param timeout at least one second
     * @return this builder
     */
    public EngagiveSandboxBuilder idleTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "idleTimeout").toSeconds() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least one second, was " + timeout);
        }
        this.idleTimeout = timeout;
        return this;
    }

    /**
     * Serves HTTPS instead of plain HTTP, HTTP/2 and HTTP/1.1 chosen by ALPN, with this key material
     * ({@link EngagiveSandbox#baseUrl()} then starts with {@code https}).
     *
     * @param keyStore holds the server's private key and certificate chain
     * @param password the key store's (and key's) password
     * @return this builder
     */
    public EngagiveSandboxBuilder tls(KeyStore keyStore, char[] password) {
        this.tls = new SandboxServer.Tls(Objects.requireNonNull(keyStore, "keyStore"),
                Objects.requireNonNull(password, "password").clone());
        return this;
    }

    /**
     * Limits each account to this many messages per second, as WhatsApp limits a number's throughput: more are
     * refused with Meta's error 130429 (nothing sent). Off (0) by default.
     *
     * @param messagesPerSecond the limit, or 0 for none
     * @return this builder
     */
    public EngagiveSandboxBuilder throughputLimit(int messagesPerSecond) {
        if (messagesPerSecond < 0) {
            throw new IllegalArgumentException("throughputLimit must not be negative, was " + messagesPerSecond);
        }
        this.throughputLimit = messagesPerSecond;
        return this;
    }

    /**
     * Allows one message per account and recipient per interval, as WhatsApp's pair rate limit: more are refused with
     * Meta's error 131056 (nothing sent). Off (zero) by default.
     *
     * @param interval the least time between two messages to one recipient, or zero for none
     * @return this builder
     */
    public EngagiveSandboxBuilder pairRateLimit(Duration interval) {
        if (Objects.requireNonNull(interval, "pairRateLimit").isNegative()) {
            throw new IllegalArgumentException("pairRateLimit must not be negative, was " + interval);
        }
        this.pairRateLimit = interval;
        return this;
    }

    /**
     * Starts the sandbox.
     *
     * @return the running sandbox
     * @throws IllegalArgumentException when the seed file is not a valid seed, naming the mistake
     * @throws java.io.UncheckedIOException when the seed cannot be read or the address cannot be bound
     */
    public EngagiveSandbox start() {
        ObjectMapper mapper = new ObjectMapper();
        SandboxSeed seed = seedFile == null ? SandboxSeed.defaults(mapper) : readSeed(mapper, seedFile);
        SandboxState state = new SandboxState(mapper, seed, clock, checkConformance, wrongAccountStatus);
        state.limitByDefault(throughputLimit, pairRateLimit);
        return new EngagiveSandbox(state,
                new SandboxServer.Settings(new InetSocketAddress(host, port), threads, idleTimeout, tls));
    }

    private static SandboxSeed readSeed(ObjectMapper mapper, Path file) {
        try {
            return SandboxSeed.parse(mapper.readTree(file.toFile()), file.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + file, e);
        }
    }
}
