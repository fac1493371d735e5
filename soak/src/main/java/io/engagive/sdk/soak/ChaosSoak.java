package io.engagive.sdk.soak;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The chaos soak: threads sharing one client against the sandbox while a fault is injected five times a second and the
 * token file is rotated every few seconds (sometimes to an expired, badly signed or blank token), the client logging
 * at FULL into a sink that scans every line for the token. At the end it checks and prints every invariant as
 * counts and exits 1 when one fails.
 *
 * <pre>
 * java -jar soak/target/engagive-soak.jar [--seconds 60] [--threads 16] [--sandbox-admin URL] [--report FILE]
 * </pre>
 * Without {@code --sandbox-admin} the sandbox runs in this process; with it, the soak drives that sandbox (e.g.
 * {@code engagive sandbox serve} in a process of its own) and reads its figures over the admin API.
 */
public final class ChaosSoak {

    /** How long a call may take: the retry deadline. */
    static final Duration DEADLINE = Duration.ofSeconds(3);
    /** What the soak allows beyond the deadline for scheduling on a loaded two-core machine. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    private final Settings settings;
    private final PrintStream out;

    private ChaosSoak(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** What to run. */
    record Settings(int seconds, int threads, String sandboxAdmin, Path report) {

        static Settings parse(String[] args) {
            int seconds = 60;
            int threads = 16;
            String admin = null;
            Path report = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                    case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                    case "--sandbox-admin" -> admin = args[i + 1];
                    case "--report" -> report = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Settings(seconds, threads, admin, report);
        }
    }

    /**
     * Runs the soak.
     *
     * @param args the options above
     * @throws Exception when the soak itself cannot run
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.log.io.engagive.sdk", "debug");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream errors = System.err;
        try {
            boolean held = new ChaosSoak(Settings.parse(args), out).run();
            System.exit(held ? 0 : 1);
        } catch (Exception | Error failure) {
            // standard error is the scanned log by now: the soak's own failure goes where the caller sees it
            failure.printStackTrace(errors);
            System.exit(2);
        }
    }

    private boolean run() throws Exception {
        LeakScanner scanner = new LeakScanner();
        ScanningLog log = ScanningLog.install(scanner);
        EngagiveSandbox embedded = settings.sandboxAdmin() == null
                ? EngagiveSandbox.builder().threads(2 * settings.threads()).start() : null;
        SandboxAdmin admin = new SandboxAdmin(embedded == null ? settings.sandboxAdmin() : embedded.adminUrl());
        Path tokenFile = Files.createTempDirectory("engagive-soak").resolve("token");
        TokenRotator rotator = new TokenRotator(admin, tokenFile, scanner, 7);
        rotator.start();
        EngagiveClient engagive = EngagiveClient.builder().baseUrl(admin.baseUrl())
                .tokenProvider(TokenProvider.fromFile(tokenFile))
                .logLevel(HttpLogLevel.FULL)
                .readTimeout(Duration.ofSeconds(1))
                .retryPolicy(RetryPolicy.builder().deadline(DEADLINE).build())
                .listener(scanning(scanner))
                .build();
        Tally tally = new Tally(scanner);
        FaultPlan faults = new FaultPlan(admin, 11);
        Resources resources = new Resources(admin, embedded != null);
        long start = System.nanoTime();
        ScheduledExecutorService chaos = Executors.newScheduledThreadPool(1);
        chaos.scheduleWithFixedDelay(faults::tick, 0, 200, TimeUnit.MILLISECONDS);
        chaos.scheduleWithFixedDelay(rotator::tick, 1, 1, TimeUnit.SECONDS);
        chaos.scheduleWithFixedDelay(() -> take(admin, tally.sends()), 1, 1, TimeUnit.SECONDS);
        chaos.scheduleWithFixedDelay(() -> resources.sample((System.nanoTime() - start) / 1e9), 0,
                Math.max(2, settings.seconds() / 60), TimeUnit.SECONDS);

        long end = start + TimeUnit.SECONDS.toNanos(settings.seconds());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            Thread worker = new Thread(new Worker(engagive, tally, () -> System.nanoTime() < end, 100 + i,
                    DEADLINE.plus(MARGIN)), "soak-worker-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        chaos.shutdown();
        chaos.awaitTermination(30, TimeUnit.SECONDS);
        admin.clearFaults();
        take(admin, tally.sends());
        resources.sample((System.nanoTime() - start) / 1e9);
        List<String> problems = admin.problems();
        if (embedded != null) {
            embedded.close();
        }
        Report report = new Report(settings, tally, scanner, log.lines(), rotator.rotations(),
                faults.injected(), resources, problems);
        report.print(out);
        if (settings.report() != null) {
            Files.writeString(settings.report(), report.markdown(), StandardCharsets.UTF_8);
        }
        return report.held();
    }

    /** Takes what the sandbox recorded since the last take into the ledger; run by one thread at a time. */
    private static void take(SandboxAdmin admin, Ledger sends) {
        admin.takeSentRecipients().forEach(sends::recorded);
    }

    private static CallListener scanning(LeakScanner scanner) {
        return new CallListener() {
            @Override
            public void attemptFinished(AttemptEvent attempt) {
                scanner.scan("attempt event", attempt.toString());
            }

            @Override
            public void callFinished(CallEvent call) {
                scanner.scan("call event", call.toString());
            }
        };
    }

    /** The client's process and the sandbox's, sampled after a collection. */
    static final class Resources {

        final Trend clientHeap = new Trend("client heap after GC", "MiB", 16);
        final Trend clientThreads = new Trend("client threads", "", 4);
        final Trend clientDescriptors = new Trend("client open descriptors", "", 16);
        final Trend sandboxHeap = new Trend("sandbox heap after GC", "MiB", 16);
        final Trend sandboxThreads = new Trend("sandbox threads", "", 4);
        final Trend sandboxDescriptors = new Trend("sandbox open descriptors", "", 16);
        private final SandboxAdmin admin;
        private final boolean sameProcess;

        Resources(SandboxAdmin admin, boolean sameProcess) {
            this.admin = admin;
            this.sameProcess = sameProcess;
        }

        void sample(double seconds) {
            SandboxAdmin.Figures sandbox = admin.figures();
            sandboxHeap.add(seconds, sandbox.heapBytes() / 1048576.0);
            sandboxThreads.add(seconds, sandbox.threads());
            sandboxDescriptors.add(seconds, sandbox.descriptors());
            if (!sameProcess) {
                System.gc();
                clientHeap.add(seconds, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
                clientThreads.add(seconds, ManagementFactory.getThreadMXBean().getThreadCount());
                clientDescriptors.add(seconds, openDescriptors());
            }
        }

        boolean sameProcess() {
            return sameProcess;
        }

        List<Trend> all() {
            return sameProcess ? List.of(sandboxHeap, sandboxThreads, sandboxDescriptors)
                    : List.of(clientHeap, clientThreads, clientDescriptors, sandboxHeap, sandboxThreads,
                            sandboxDescriptors);
        }

        private static long openDescriptors() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean
                    unix ? unix.getOpenFileDescriptorCount() : -1;
        }
    }
}
