package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.spec.EngagiveOpenApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one sandbox knows and remembers: its seeded data, users, token minter, pending faults,
 * journal, sent messages, spec check and problems. The facade and the route handlers share it.
 */
final class SandboxState {

    /** The newest requests the journal keeps, so a sandbox left running does not grow without end. */
    static final int KEPT_REQUESTS = 10_000;
    /** The newest sent messages kept until taken; a run that wants every one takes them as it goes. */
    static final int KEPT_MESSAGES = 100_000;
    /** The first failures of the sandbox's own kept; later ones are dropped (the first ones fail the check). */
    static final int KEPT_PROBLEMS = 1_000;

    private final ObjectMapper mapper;
    private final SandboxStore store;
    private final SandboxSeed seed;
    private final Clock clock;
    private final TokenMinter minter;
    private final SpecConformance conformance;
    private final SpecConformance adminConformance;
    private final int defaultWrongAccountStatus;
    private volatile int wrongAccountStatus;
    private final Map<String, SandboxUser> users = new ConcurrentHashMap<>();
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final MessageLimits limits = new MessageLimits();
    private volatile int defaultPerSecond;
    private volatile Duration defaultPairInterval = Duration.ZERO;
    private final Queue<JournalEntry> journal = new ConcurrentLinkedQueue<>();
    private final Queue<SentMessage> sent = new ConcurrentLinkedQueue<>();
    private final Queue<String> internalErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journalSize = new AtomicInteger();
    private final AtomicInteger sentSize = new AtomicInteger();
    private final AtomicLong requestIds = new AtomicLong();

    SandboxState(ObjectMapper mapper, SandboxSeed seed, Clock clock, boolean checkConformance,
            int wrongAccountStatus) {
        this.mapper = mapper;
        this.seed = seed;
        this.store = new SandboxStore(mapper, seed);
        this.clock = clock;
        this.minter = new TokenMinter(clock);
        this.conformance = checkConformance ? new SpecConformance("the spec", EngagiveOpenApi.text()) : null;
        this.adminConformance = checkConformance
                ? new SpecConformance("the sandbox admin document", EngagiveOpenApi.sandboxAdminText()) : null;
        this.defaultWrongAccountStatus = wrongAccountStatus;
        this.wrongAccountStatus = wrongAccountStatus;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    MessageLimits limits() {
        return limits;
    }

    /** Sets the limits a scenario starts from (and {@link #resetScenario()} restores), and applies them now. */
    void limitByDefault(int messagesPerSecond, Duration pairInterval) {
        this.defaultPerSecond = messagesPerSecond;
        this.defaultPairInterval = pairInterval;
        limits.set(messagesPerSecond, pairInterval);
    }

    SandboxStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    TokenMinter minter() {
        return minter;
    }

    Optional<SpecConformance> conformance() {
        return Optional.ofNullable(conformance);
    }

    Optional<SpecConformance> adminConformance() {
        return Optional.ofNullable(adminConformance);
    }

    int wrongAccountStatus() {
        return wrongAccountStatus;
    }

    void answerWrongAccountWith(int status) {
        this.wrongAccountStatus = status;
    }

    String nextRequestId() {
        return "sbx-" + requestIds.incrementAndGet();
    }

    /** Registers the seed's users, as they were at the start. */
    void registerSeedUsers() {
        for (SandboxSeed.User user : seed.users()) {
            register(new SandboxUser(user.id(), user.organisation(), user.accounts(), user.permissions(), minter, clock));
        }
    }

    SandboxUser register(SandboxUser user) {
        users.put(user.id(), user);
        return user;
    }

    Optional<SandboxUser> user(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
    }

    java.util.Set<String> userIds() {
        return users.keySet();
    }

    void inject(Route route, Fault fault, int times) {
        synchronized (faults) {
            Deque<Fault> queue = faults.computeIfAbsent(route, any -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
    }

    Optional<Fault> takeFault(Route route) {
        synchronized (faults) {
            Deque<Fault> queue = faults.get(route);
            return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
        }
    }

    void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    void recordRequest(JournalEntry entry) {
        journal.add(entry);
        if (journalSize.incrementAndGet() > KEPT_REQUESTS && journal.poll() != null) {
            journalSize.decrementAndGet();
        }
    }

    void recordSent(SentMessage message) {
        sent.add(message);
        if (sentSize.incrementAndGet() > KEPT_MESSAGES && sent.poll() != null) {
            sentSize.decrementAndGet();
        }
    }

    void recordInternalError(Exception error) {
        if (internalErrors.size() < KEPT_PROBLEMS) {
            internalErrors.add("sandbox error: " + error);
        }
    }

    /** Returns the sent messages kept so far and forgets them; each message is taken exactly once. */
    List<SentMessage> takeSentMessages() {
        List<SentMessage> taken = new ArrayList<>();
        for (SentMessage message = sent.poll(); message != null; message = sent.poll()) {
            sentSize.decrementAndGet();
            taken.add(message);
        }
        return taken;
    }

    List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    List<String> specViolations() {
        List<String> violations = new ArrayList<>();
        conformance().ifPresent(check -> violations.addAll(check.violations()));
        adminConformance().ifPresent(check -> violations.addAll(check.violations()));
        return List.copyOf(violations);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>(specViolations());
        problems.addAll(internalErrors);
        return problems;
    }

    /** Restores the wrong-account status and drops every fault: what a Pact provider state starts from. */
    void resetScenario() {
        wrongAccountStatus = defaultWrongAccountStatus;
        limits.set(defaultPerSecond, defaultPairInterval);
        clearFaults();
    }

    void reset() {
        resetScenario();
        journal.clear();
        journalSize.set(0);
        sent.clear();
        sentSize.set(0);
        internalErrors.clear();
        conformance().ifPresent(SpecConformance::clear);
        adminConformance().ifPresent(SpecConformance::clear);
    }
}
