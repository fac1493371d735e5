package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.DefaultClient;
import feign.http2client.Http2Client;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.generated.model.ErrorEnvelope;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.transport.apache.ApacheTransport;
import io.engagive.sdk.transport.okhttp.OkHttpTransport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One list-templates call (and one 401) per invocation, through: the raw floor (java.net.http +
 * Jackson into the same model), the generated Feign interface on two transports, and the full
 * {@link EngagiveClient} (token check, interceptor, envelope decoding, error decoder, retry policy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
public class ClientBenchmark {

    /** A system property naming the base URL of a {@link LoopbackApi} run as its own process (on its own core). */
    public static final String EXTERNAL_SERVER = "engagive.bench.baseUrl";

    private LoopbackApi api;
    private ObjectMapper mapper;
    private HttpClient rawClient;
    private HttpClient rawDirectClient;
    private HttpRequest rawRequest;
    private HttpRequest rawUnauthorizedRequest;
    private TemplatesApi generatedJava11;
    private TemplatesApi generatedUrlConnection;
    private EngagiveClient full;
    private EngagiveClient fullWithListener;
    private EngagiveClient fullJdkExecutor;
    private EngagiveClient pipelineInMemory;
    private EngagiveClient fullOkHttp;
    private EngagiveClient fullApache;
    private OkHttpClient rawOkHttpClient;
    private Request rawOkHttpRequest;
    private CloseableHttpClient rawApacheClient;
    private String baseUrl;

    @Setup(Level.Trial)
    public void start() {
        baseUrl = System.getProperty(EXTERNAL_SERVER);
        if (baseUrl == null) {
            api = LoopbackApi.start();
            baseUrl = api.baseUrl();
        }
        mapper = ApiClient.newObjectMapper();
        rawClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        rawDirectClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Runnable::run).build();
        rawRequest = request(LoopbackApi.TEMPLATES_PATH);
        rawUnauthorizedRequest = request(LoopbackApi.UNAUTHORIZED_PATH);
        HttpClient feignHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        generatedJava11 = ApiClient.newFeignBuilder(mapper).client(new Http2Client(feignHttp))
                .requestInterceptor(template -> template.header("Authorization", "Bearer " + LoopbackApi.TOKEN))
                .target(TemplatesApi.class, baseUrl);
        generatedUrlConnection = ApiClient.newFeignBuilder(mapper).client(new DefaultClient(null, null))
                .requestInterceptor(template -> template.header("Authorization", "Bearer " + LoopbackApi.TOKEN))
                .target(TemplatesApi.class, baseUrl);
        full = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .retryPolicy(RetryPolicy.defaults()).build();
        fullJdkExecutor = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .retryPolicy(RetryPolicy.defaults()).httpClient(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER).build()).build();
        fullOkHttp = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .transport(OkHttpTransport.create()).build();
        fullApache = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .transport(ApacheTransport.create()).build();
        rawOkHttpClient = new OkHttpClient();
        rawOkHttpRequest = new Request.Builder().url(baseUrl + LoopbackApi.TEMPLATES_PATH)
                .header("Authorization", "Bearer " + LoopbackApi.TOKEN).header("Accept", "application/json").build();
        rawApacheClient = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(64).setMaxConnTotal(64).build()).build();
        pipelineInMemory = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .transport(new InMemoryTransport(LoopbackApi.TEMPLATES_BODY)).build();
        fullWithListener = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .retryPolicy(RetryPolicy.defaults()).listener(new CallListener() {
                }).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + LoopbackApi.TOKEN)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    /** The floor: java.net.http and Jackson into the generated model, nothing else. */
    @Benchmark
    public TemplateListResponse raw() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readValue(response.body(), TemplateListResponse.class);
    }

    /** The floor read as a stream ({@code ofInputStream}), as a transport with bounded bodies must. */
    @Benchmark
    public TemplateListResponse rawStream() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = rawClient.send(rawRequest, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return mapper.readValue(body, TemplateListResponse.class);
        }
    }

    /** The floor with java.net.http's asynchronous work run on its selector thread instead of its pool. */
    @Benchmark
    public TemplateListResponse rawDirectExecutor() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = rawDirectClient.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readValue(response.body(), TemplateListResponse.class);
    }

    /** Diagnostic: {@link #rawDirectExecutor()} with its request built per call (URI, headers, timeout), as a client must. */
    @Benchmark
    public TemplateListResponse rawDirectFreshRequest() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = rawDirectClient.send(request(LoopbackApi.TEMPLATES_PATH),
                HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readValue(response.body(), TemplateListResponse.class);
    }

    /** Diagnostic: {@link #rawDirectExecutor()} read as a stream ({@code ofInputStream}). */
    @Benchmark
    public TemplateListResponse rawDirectStream() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = rawDirectClient.send(rawRequest, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return mapper.readValue(body, TemplateListResponse.class);
        }
    }

    /**
     * The other raw floor: the JDK's HttpURLConnection (its keep-alive pool) and Jackson into the
     * generated model, nothing else.
     */
    @Benchmark
    public TemplateListResponse rawUrlConnection() throws IOException {
        return RawUrlConnection.listTemplates(baseUrl, "1", mapper);
    }

    /** The floor's error path: the 401 body read into the generated error model. */
    @Benchmark
    public ErrorEnvelope rawUnauthorized() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = rawClient.send(rawUnauthorizedRequest, HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readValue(response.body(), ErrorEnvelope.class);
    }

    /** The generated Feign interface with a plain Feign builder on the JDK java.net.http transport (feign-java11). */
    @Benchmark
    public TemplateListResponse generatedJava11() {
        return generatedJava11.listTemplates("1", null);
    }

    /** The generated Feign interface on Feign's default transport (HttpURLConnection, JDK keep-alive pool). */
    @Benchmark
    public TemplateListResponse generatedUrlConnection() {
        return generatedUrlConnection.listTemplates("1", null);
    }

    /** The full client: token check, interceptor, envelope decoding, error decoder, retry policy. */
    @Benchmark
    public TemplateListResponse full() {
        return full.templates().listTemplates("1", null);
    }

    /** The full client on a java.net.http client with the JDK's default executor (a pool), as before issue 16. */
    @Benchmark
    public TemplateListResponse fullJdkExecutor() {
        return fullJdkExecutor.templates().listTemplates("1", null);
    }

    /** The full client with a listener that does nothing: what building the call events costs. */
    @Benchmark
    public TemplateListResponse fullWithListener() {
        return fullWithListener.templates().listTemplates("1", null);
    }

    /** The floor of the OkHttp transport: a plain OkHttp call (its defaults) and Jackson into the same model. */
    @Benchmark
    public TemplateListResponse rawOkHttp() throws IOException {
        try (Response response = rawOkHttpClient.newCall(rawOkHttpRequest).execute()) {
            return mapper.readValue(response.body().byteStream(), TemplateListResponse.class);
        }
    }

    /**
     * The floor of the Apache transport: a plain HttpClient 5 classic call and Jackson into the same model, each thread
     * reusing its own request ({@link HttpGet} holds the exchange it is part of, so threads cannot share one: a shared
     * one failed at eight threads with "Endpoint not acquired / already released").
     */
    @Benchmark
    public TemplateListResponse rawApache(ApacheRequest request) throws IOException {
        return rawApacheClient.execute(request.get,
                response -> mapper.readValue(response.getEntity().getContent(), TemplateListResponse.class));
    }

    /** The full client on the OkHttp transport. */
    @Benchmark
    public TemplateListResponse fullOkHttp() {
        return fullOkHttp.templates().listTemplates("1", null);
    }

    /** The full client on the Apache HttpClient 5 transport. */
    @Benchmark
    public TemplateListResponse fullApache() {
        return fullApache.templates().listTemplates("1", null);
    }

    /**
     * Diagnostic, not a floor: the client's whole pipeline (request building, token, retry, events, decoding) over a
     * transport that answers the same bytes from memory, so the pipeline's own cost is seen without any waiting.
     */
    @Benchmark
    public TemplateListResponse pipelineInMemory() {
        return pipelineInMemory.templates().listTemplates("1", null);
    }

    /** Diagnostic, the counterpart of {@link #pipelineInMemory()}: Jackson alone reading the same bytes. */
    @Benchmark
    public TemplateListResponse decodeInMemory() throws IOException {
        return mapper.readValue(LoopbackApi.TEMPLATES_BODY, TemplateListResponse.class);
    }

    /** The full client's error path: a 401 decoded into the typed AuthenticationException. */
    @Benchmark
    public AuthenticationException fullUnauthorized() {
        try {
            full.templates().listTemplates("401", null);
            throw new IllegalStateException("expected a 401");
        } catch (AuthenticationException expected) {
            return expected;
        }
    }

    /** One thread's prebuilt Apache request, reused call after call as the other floors reuse theirs. */
    @State(Scope.Thread)
    public static class ApacheRequest {
        private HttpGet get;

        /** Builds the request for the benchmark's server. */
        @Setup(Level.Trial)
        public void build(ClientBenchmark benchmark) {
            get = new HttpGet(benchmark.baseUrl + LoopbackApi.TEMPLATES_PATH);
            get.setHeader("Authorization", "Bearer " + LoopbackApi.TOKEN);
            get.setHeader("Accept", "application/json");
        }
    }
}
