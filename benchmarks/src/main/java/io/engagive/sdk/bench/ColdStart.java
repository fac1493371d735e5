package io.engagive.sdk.bench;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.transport.apache.ApacheTransport;
import io.engagive.sdk.transport.okhttp.OkHttpTransport;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: the whole time from JVM launch to the first successful list-templates call, for the
 * full client and the two raw floors, measured as separate processes over several runs.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * {@code ColdStart measure RUNS} starts a loopback API and times RUNS launches of each variant;
     * {@code ColdStart full|raw|rawUrlConnection|fullOkHttp|rawOkHttp|fullApache|rawApache BASE_URL} is one launch.
     *
     * @param args the mode and its argument
     * @throws Exception when a launch fails
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "full":
                TemplateListResponse viaClient = EngagiveClient.builder().baseUrl(args[1]).token(LoopbackApi.TOKEN)
                        .build().templates().listTemplates("1", null);
                check(viaClient);
                return;
            case "fullOkHttp":
                check(EngagiveClient.builder().baseUrl(args[1]).token(LoopbackApi.TOKEN)
                        .transport(OkHttpTransport.create()).build().templates().listTemplates("1", null));
                return;
            case "fullApache":
                check(EngagiveClient.builder().baseUrl(args[1]).token(LoopbackApi.TOKEN)
                        .transport(ApacheTransport.create()).build().templates().listTemplates("1", null));
                return;
            case "rawOkHttp":
                try (okhttp3.Response ok = new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                        .url(args[1] + LoopbackApi.TEMPLATES_PATH).header("Authorization", "Bearer " + LoopbackApi.TOKEN)
                        .build()).execute()) {
                    check(ApiClient.newObjectMapper().readValue(ok.body().byteStream(), TemplateListResponse.class));
                }
                return;
            case "rawApache":
                org.apache.hc.client5.http.classic.methods.HttpGet get =
                        new org.apache.hc.client5.http.classic.methods.HttpGet(args[1] + LoopbackApi.TEMPLATES_PATH);
                get.setHeader("Authorization", "Bearer " + LoopbackApi.TOKEN);
                try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache =
                        org.apache.hc.client5.http.impl.classic.HttpClients.createDefault()) {
                    check(apache.execute(get, answer -> ApiClient.newObjectMapper()
                            .readValue(answer.getEntity().getContent(), TemplateListResponse.class)));
                }
                return;
            case "rawUrlConnection":
                check(RawUrlConnection.listTemplates(args[1], "1", ApiClient.newObjectMapper()));
                return;
            case "raw":
                HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(args[1] + LoopbackApi.TEMPLATES_PATH))
                                .header("Authorization", "Bearer " + LoopbackApi.TOKEN).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                check(ApiClient.newObjectMapper().readValue(response.body(), TemplateListResponse.class));
                return;
            default:
                measure(Integer.parseInt(args[1]));
        }
    }

    private static void check(TemplateListResponse response) {
        if (response.getData() == null || response.getData().size() != 25) {
            throw new IllegalStateException("unexpected response");
        }
    }

    /**
     * Launches the variants round by round (each once per round, in the same order), so the machine's drift over the
     * minutes this takes falls on every variant alike; one launch of each first, untimed, warms the file cache.
     */
    private static void measure(int runs) throws IOException, InterruptedException {
        List<String> variants = List.of("rawUrlConnection", "raw", "full", "rawOkHttp", "fullOkHttp", "rawApache",
                "fullApache");
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        try (LoopbackApi api = LoopbackApi.start()) {
            for (String variant : variants) {
                launch(variant, api.baseUrl());
                millis.put(variant, new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                for (String variant : variants) {
                    long start = System.nanoTime();
                    launch(variant, api.baseUrl());
                    millis.get(variant).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        millis.forEach((variant, times) -> {
            Collections.sort(times);
            System.out.printf("cold start %-16s: median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n", variant,
                    times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), runs);
        });
    }

    private static void launch(String variant, String baseUrl) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), variant, baseUrl).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(variant + " launch failed");
        }
    }
}
