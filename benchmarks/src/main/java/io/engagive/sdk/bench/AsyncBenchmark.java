package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.EngagiveAsyncClient;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * List-templates calls kept {@link #concurrency} in flight at once, as a service fanning out would: each invocation
 * waits for a free slot and starts one call, which frees its slot when it completes, so the score is calls started
 * (and, within {@code concurrency}, completed) per second. Three ways: the blocking client on a pool of
 * {@code concurrency} threads, the async view ({@code engagive.async()}) on no thread of its own per call, and the raw
 * floor (java.net.http {@code sendAsync} + Jackson into the same model). A call that fails fails the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
public class AsyncBenchmark {

    /** How many calls are in flight at once. */
    @Param({"8", "64"})
    public int concurrency;

    private LoopbackApi api;
    private TemplatesApi blocking;
    private EngagiveAsyncClient async;
    private HttpClient raw;
    private HttpRequest rawRequest;
    private ObjectMapper mapper;
    private ExecutorService callers;
    private Semaphore slots;
    private final AtomicLong failures = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        String baseUrl = System.getProperty(ClientBenchmark.EXTERNAL_SERVER);
        if (baseUrl == null) {
            api = LoopbackApi.start();
            baseUrl = api.baseUrl();
        }
        EngagiveClient client = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN).build();
        blocking = client.templates();
        async = client.async();
        raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Runnable::run).build();
        rawRequest = HttpRequest.newBuilder(URI.create(baseUrl + LoopbackApi.TEMPLATES_PATH))
                .header("Authorization", "Bearer " + LoopbackApi.TOKEN).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        mapper = ApiClient.newObjectMapper();
        callers = Executors.newFixedThreadPool(concurrency);
        slots = new Semaphore(concurrency);
    }

    /** Lets every call of the iteration end before the next one starts. */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        slots.acquire(concurrency);
        slots.release(concurrency);
    }

    @TearDown(Level.Trial)
    public void stop() {
        callers.shutdownNow();
        if (api != null) {
            api.close();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls failed");
        }
    }

    /** The blocking client, one of {@code concurrency} threads per call in flight. */
    @Benchmark
    public void blockingClient() throws InterruptedException {
        slots.acquire();
        callers.execute(() -> {
            try {
                blocking.listTemplates("1", null);
            } catch (RuntimeException failed) {
                failures.incrementAndGet();
            } finally {
                slots.release();
            }
        });
    }

    /** The async view: no thread waits for the network. */
    @Benchmark
    public void asyncClient() throws InterruptedException {
        slots.acquire();
        async.templates().listTemplates("1", null).whenComplete((list, failed) -> {
            if (failed != null) {
                failures.incrementAndGet();
            }
            slots.release();
        });
    }

    /** The floor: java.net.http's sendAsync and Jackson into the same model, nothing else. */
    @Benchmark
    public void rawSendAsync() throws InterruptedException {
        slots.acquire();
        raw.sendAsync(rawRequest, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            try {
                return mapper.readValue(response.body(), TemplateListResponse.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((list, failed) -> {
            if (failed != null) {
                failures.incrementAndGet();
            }
            slots.release();
        });
    }
}
