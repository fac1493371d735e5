package io.engagive.sdk.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded Engagive API on 127.0.0.1 and a random port: the documented endpoints over seeded
 * data, real signed-JWT auth with users, accounts and permissions, fault injection, a request
 * journal, and a check of every response against the OpenAPI spec.
 *
 * <pre>{@code
 * try (EngagiveSandbox sandbox = EngagiveSandbox.start()) {
 *     String token = sandbox.defaultUser().token();
 *     // point your client at sandbox.baseUrl()
 * }
 * }</pre>
 */
public final class EngagiveSandbox implements AutoCloseable {

    /** The base path, as on the real host. */
    public static final String BASE_PATH = "/api/business/public";
    /** The account the default user may use (one of two in its organisation). */
    public static final String DEFAULT_ACCOUNT = "1";
    /** A second account of the default user's organisation. */
    public static final String SECOND_ACCOUNT = "2";
    /** An account of another organisation: every default user gets "not allowed" on it. */
    public static final String FOREIGN_ACCOUNT = SandboxStore.FOREIGN_ACCOUNT;

    private static final AtomicInteger SERVER_THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final TokenMinter minter;
    private final SpecConformance conformance;
    private final int defaultWrongAccountStatus;
    private volatile int wrongAccountStatus;
    private final Map<String, SandboxUser> users = new ConcurrentHashMap<>();
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final Queue<JournalEntry> journal = new ConcurrentLinkedQueue<>();
    private final Queue<SentMessage> sent = new ConcurrentLinkedQueue<>();
    private final Queue<String> internalErrors = new ConcurrentLinkedQueue<>();
    private final SandboxUser defaultUser;

    private EngagiveSandbox(Builder builder) {
        this.clock = builder.clock;
        this.minter = new TokenMinter(clock);
        this.defaultWrongAccountStatus = builder.wrongAccountStatus;
        this.wrongAccountStatus = builder.wrongAccountStatus;
        this.conformance = builder.checkConformance ? new SpecConformance() : null;
        ObjectMapper mapper = new ObjectMapper();
        this.defaultUser = register(newUser("default-user")
                .accounts(DEFAULT_ACCOUNT, SECOND_ACCOUNT)
                .permissions(SandboxPermission.values())
                .build());
        this.executor = Executors.newFixedThreadPool(builder.threads, daemonThreads());
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the Engagive sandbox", e);
        }
        server.createContext("/", new SandboxHandler(this, mapper, new SandboxStore(mapper)));
        server.setExecutor(executor);
        server.start();
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "engagive-sandbox-" + SERVER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** @return a started sandbox with the defaults */
    public static EngagiveSandbox start() {
        return builder().start();
    }

    /** @return a builder for a sandbox with other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL to give the client, e.g. {@code http://127.0.0.1:41234/api/business/public} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** @return the user every sandbox has: organisation "acme", accounts 1 and 2, every permission */
    public SandboxUser defaultUser() {
        return defaultUser;
    }

    /**
     * Starts a new user of organisation "acme" with no accounts and no permissions.
     *
     * @param id the user's id (the tokens' subject)
     * @return a builder; {@link UserBuilder#register()} adds the user to this sandbox
     */
    public UserBuilder newUser(String id) {
        return new UserBuilder(this, id);
    }

    /**
     * Adds a user, or replaces the user with the same id (tokens minted earlier stay valid and act
     * as the replacement, as in the portal).
     *
     * @param user the user
     * @return the user
     */
    public SandboxUser register(SandboxUser user) {
        users.put(user.id(), user);
        return user;
    }

    /**
     * Makes a route misbehave for its next requests.
     *
     * @param route the route
     * @param fault what to do instead of answering normally
     * @param times for how many requests
     */
    public void inject(Route route, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        synchronized (faults) {
            Deque<Fault> queue = faults.computeIfAbsent(route, any -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
    }

    /**
     * Makes a route misbehave for its next request only.
     *
     * @param route the route
     * @param fault what to do instead of answering normally
     */
    public void inject(Route route, Fault fault) {
        inject(route, fault, 1);
    }

    /** Removes every injected fault that has not fired yet. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** @return every request received, in order, with the token redacted */
    public List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    /**
     * @param route a route
     * @return how many requests the route received
     */
    public long requestsTo(Route route) {
        return journal.stream().filter(entry -> entry.route().filter(route::equals).isPresent()).count();
    }

    /** @return every message accepted for sending, in order */
    public List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    /** @return the responses that did not match the spec, one line each; empty when all conformed */
    public List<String> specViolations() {
        return conformance == null ? List.of() : conformance.violations();
    }

    /**
     * Fails when a response did not match the spec or the sandbox itself failed.
     *
     * @throws AssertionError listing every problem
     */
    public void assertHealthy() {
        List<String> problems = new java.util.ArrayList<>(specViolations());
        problems.addAll(internalErrors);
        if (!problems.isEmpty()) {
            throw new AssertionError("The Engagive sandbox found " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * Switches the "403 or error body" variant on a running sandbox, e.g. for one provider state.
     *
     * @param status the status wrong-account refusals get from now on (403 is the plain case)
     */
    public void answerWrongAccountWith(int status) {
        this.wrongAccountStatus = status;
    }

    /** Forgets the journal, sent messages, spec violations and pending faults, and restores the wrong-account status; users stay. */
    public void reset() {
        wrongAccountStatus = defaultWrongAccountStatus;
        clearFaults();
        journal.clear();
        sent.clear();
        internalErrors.clear();
        if (conformance != null) {
            conformance.clear();
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "EngagiveSandbox{" + baseUrl() + ", users=" + users.keySet() + ", specCheck=" + (conformance != null)
                + "}";
    }

    TokenMinter minter() {
        return minter;
    }

    Optional<SandboxUser> user(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
    }

    int wrongAccountStatus() {
        return wrongAccountStatus;
    }

    Optional<SpecConformance> conformance() {
        return Optional.ofNullable(conformance);
    }

    Optional<Fault> takeFault(Route route) {
        synchronized (faults) {
            Deque<Fault> queue = faults.get(route);
            return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
        }
    }

    void recordRequest(JournalEntry entry) {
        journal.add(entry);
    }

    void recordSent(SentMessage message) {
        sent.add(message);
    }

    void recordInternalError(Exception error) {
        internalErrors.add("sandbox error: " + error);
    }

    /** Configures a sandbox before it starts. */
    public static final class Builder {
        private boolean checkConformance = true;
        private int wrongAccountStatus = 403;
        private int threads = 16;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param enabled whether every API response is checked against the spec (default true)
         * @return this builder
         */
        public Builder specConformanceCheck(boolean enabled) {
            this.checkConformance = enabled;
            return this;
        }

        /**
         * The documented "403 or error body" variant: answer a wrong account with the error
         * envelope on this status instead of 403 (e.g. 400, or 200 with {@code success: false}, which
         * is outside the spec and so not checked against it).
         *
         * @param status the status for wrong-account refusals
         * @return this builder
         */
        public Builder wrongAccountStatus(int status) {
            this.wrongAccountStatus = status;
            return this;
        }

        /**
         * @param count server threads (default 16)
         * @return this builder
         */
        public Builder threads(int count) {
            this.threads = Math.max(1, count);
            return this;
        }

        /**
         * @param source the clock token expiry is judged by (default UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** @return a started sandbox */
        public EngagiveSandbox start() {
            return new EngagiveSandbox(this);
        }
    }

    /** Builds a {@link SandboxUser} for one sandbox. */
    public static final class UserBuilder {
        private final EngagiveSandbox sandbox;
        private final String id;
        private String organisation = SandboxStore.ORGANISATION;
        private Set<String> accounts = Set.of();
        private Set<SandboxPermission> permissions = EnumSet.noneOf(SandboxPermission.class);

        private UserBuilder(EngagiveSandbox sandbox, String id) {
            this.sandbox = sandbox;
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * @param name the user's organisation (default "acme", which owns accounts 1 and 2)
         * @return this builder
         */
        public UserBuilder organisation(String name) {
            this.organisation = Objects.requireNonNull(name, "organisation");
            return this;
        }

        /**
         * @param accountIds the accounts the user may use
         * @return this builder
         */
        public UserBuilder accounts(String... accountIds) {
            this.accounts = Set.of(accountIds);
            return this;
        }

        /**
         * @param granted the user's role permissions
         * @return this builder
         */
        public UserBuilder permissions(SandboxPermission... granted) {
            this.permissions = granted.length == 0 ? EnumSet.noneOf(SandboxPermission.class)
                    : EnumSet.copyOf(List.of(granted));
            return this;
        }

        SandboxUser build() {
            return new SandboxUser(id, organisation, accounts, permissions, sandbox.minter, sandbox.clock);
        }

        /** @return the user, registered with the sandbox */
        public SandboxUser register() {
            return sandbox.register(build());
        }
    }
}
