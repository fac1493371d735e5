package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * How the cost of one list-templates call grows with the list: 10, 1,000 and 50,000 templates
 * through the full client and through the fastest raw floor (HttpURLConnection streamed into
 * Jackson, which keeps no copy of the body). Divide the score and {@code gc.alloc.rate.norm} by
 * {@code count} for the per-template figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScalingBenchmark {

    /** How many templates the list holds. */
    @Param({"10", "1000", "50000"})
    public int count;

    private LoopbackApi api;
    private String baseUrl;
    private String account;
    private ObjectMapper mapper;
    private EngagiveClient full;

    @Setup(Level.Trial)
    public void start() {
        baseUrl = System.getProperty(ClientBenchmark.EXTERNAL_SERVER);
        if (baseUrl == null) {
            api = LoopbackApi.start();
            baseUrl = api.baseUrl();
        }
        account = LoopbackApi.sizedAccount(count);
        mapper = ApiClient.newObjectMapper();
        full = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** The fastest raw floor: HttpURLConnection's stream straight into Jackson. */
    @Benchmark
    public TemplateListResponse rawUrlConnection() throws IOException {
        return RawUrlConnection.listTemplates(baseUrl, account, mapper);
    }

    /** The full client: bounded body read once into one array of its declared length, then decoded. */
    @Benchmark
    public TemplateListResponse full() {
        return full.templates().listTemplates(account, null);
    }
}
