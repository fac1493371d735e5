package io.engagive.sdk.sandbox;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    /** The largest request body the sandbox reads; a larger one is answered 413. */
    public static final int MAX_REQUEST_BODY_BYTES = Router.MAX_BODY_BYTES;

    private final SandboxState state;
    private final SandboxServer server;
    private final InetSocketAddress address;
    private final SandboxUser defaultUser;

    EngagiveSandbox(SandboxState state, SandboxServer.Settings settings) {
        this.state = state;
        this.defaultUser = state.register(newUser("default-user")
                .accounts(DEFAULT_ACCOUNT, SECOND_ACCOUNT)
                .permissions(SandboxPermission.values())
                .build());
        state.registerSeedUsers();
        this.server = new SandboxServer(settings, new Router(state), new AdminApi(this, state));
        server.start();
        this.address = new InetSocketAddress(settings.address().getAddress(), server.port());
    }

    /**
     * Starts a sandbox with the defaults: spec check on, a wrong account answered 403.
     *
     * @return the running sandbox; close it when done
     */
    public static EngagiveSandbox start() {
        return builder().start();
    }

    /**
     * Returns a builder for a sandbox with other settings.
     *
     * @return the builder
     */
    public static EngagiveSandboxBuilder builder() {
        return new EngagiveSandboxBuilder();
    }

    /**
     * Returns the base URL to point a client at.
     *
     * @return e.g. {@code http://127.0.0.1:43210/api/business/public}
     */
    public String baseUrl() {
        return origin() + BASE_PATH;
    }

    /**
     * Returns the base URL of the admin API (tokens, users, faults, journal, Pact provider states),
     * described by {@code engagive/engagive-sandbox-admin.yaml} in the {@code engagive-api-spec} jar.
     *
     * @return e.g. {@code http://127.0.0.1:43210/__sandbox}
     */
    public String adminUrl() {
        return origin() + AdminApi.PREFIX;
    }

    /**
     * Sets up a Pact provider state by name, as the admin API's state-change endpoint does for
     * verifiers in any language; {@link ProviderStates} lists the names.
     *
     * @param name the state's name
     * @return the values the state offers the pact (e.g. {@code token}), as strings
     * @throws IllegalArgumentException when the name is not a known state
     */
    public Map<String, String> setUpProviderState(String name) {
        return new StateSetups(this).setUp(name);
    }

    private String origin() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return (server.isHttps() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /**
     * Returns the default user: organisation {@code acme}, accounts 1 and 2, every permission.
     *
     * @return the user
     */
    public SandboxUser defaultUser() {
        return defaultUser;
    }

    /**
     * Starts describing a new user; {@link SandboxUserBuilder#register()} adds it.
     *
     * @param id the user's id (the tokens' subject)
     * @return the builder
     */
    public SandboxUserBuilder newUser(String id) {
        return new SandboxUserBuilder(state, id);
    }

    /**
     * Adds a user, or replaces the one with the same id (its earlier tokens then act as the new one).
     *
     * @param user the user
     * @return the user
     */
    public SandboxUser register(SandboxUser user) {
        return state.register(user);
    }

    /**
     * Makes the next {@code times} requests to a route fail as the fault says.
     *
     * @param route the route
     * @param fault what happens instead of the normal answer
     * @param times how many requests it affects, at least 1
     */
    public void inject(Route route, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        state.inject(Objects.requireNonNull(route, "route"), Objects.requireNonNull(fault, "fault"), times);
    }

    /**
     * Makes the next request to a route fail as the fault says.
     *
     * @param route the route
     * @param fault what happens instead of the normal answer
     */
    public void inject(Route route, Fault fault) {
        inject(route, fault, 1);
    }

    /** Removes every fault not yet used. */
    public void clearFaults() {
        state.clearFaults();
    }

    /**
     * Returns the requests received, in order: the newest 10,000.
     *
     * @return the journal (headers with the token redacted)
     */
    public List<JournalEntry> journal() {
        return state.journal();
    }

    /**
     * Counts the requests a route received.
     *
     * @param route the route
     * @return how many, e.g. to prove a POST arrived once
     */
    public long requestsTo(Route route) {
        return state.journal().stream().filter(entry -> entry.route().filter(route::equals).isPresent()).count();
    }

    /**
     * Returns the messages the sandbox accepted for sending and has not been asked to forget, in order: the newest
     * 100,000 (see {@link #takeSentMessages()}).
     *
     * @return the messages
     */
    public List<SentMessage> sentMessages() {
        return state.sentMessages();
    }

    /**
     * Returns the messages accepted since the last take and forgets them, so a long run can account for every
     * message without the sandbox keeping them all; each message is returned by exactly one take.
     *
     * @return the messages, in order
     */
    public List<SentMessage> takeSentMessages() {
        return state.takeSentMessages();
    }

    /**
     * Returns every way the sandbox's answers broke the spec.
     *
     * @return the violations, empty when all answers matched
     */
    public List<String> specViolations() {
        return state.specViolations();
    }

    /**
     * Fails when any answer broke the spec or the sandbox failed internally.
     *
     * @throws AssertionError listing the problems
     */
    public void assertHealthy() {
        List<String> problems = state.problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("The Engagive sandbox found " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * Answers a wrong account with this status from now on ("403 or error body").
     *
     * @param status 403, or another status the error envelope then comes with
     */
    public void answerWrongAccountWith(int status) {
        state.answerWrongAccountWith(status);
    }

    /**
     * Changes WhatsApp's limits from now on (see {@link EngagiveSandboxBuilder#throughputLimit(int)} and
     * {@link EngagiveSandboxBuilder#pairRateLimit(Duration)}); {@link #reset()} restores the builder's.
     *
     * @param messagesPerSecond each account's throughput limit, or 0 for none
     * @param pairInterval the least time between two messages to one recipient, or zero for none
     */
    public void limitMessages(int messagesPerSecond, Duration pairInterval) {
        if (messagesPerSecond < 0 || pairInterval.isNegative()) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        state.limits().set(messagesPerSecond, pairInterval);
    }

    /**
     * Forgets the journal, sent messages, faults and problems, and restores the wrong-account status,
     * the default user and the seed's users.
     */
    public void reset() {
        state.reset();
        restoreUsers();
    }

    /** Drops faults, restores the wrong-account status and the users; keeps the journal and the violations. */
    void resetScenario() {
        state.resetScenario();
        restoreUsers();
    }

    private void restoreUsers() {
        state.register(defaultUser);
        state.registerSeedUsers();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "EngagiveSandbox{" + baseUrl() + ", users=" + state.userIds() + ", specCheck="
                + state.conformance().isPresent() + "}";
    }
}
