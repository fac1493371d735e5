package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Peak heap of one large list-templates call, through the full client and through the streaming
 * raw floor, each in a JVM of its own (the loopback server runs in the parent): the sum of every
 * heap pool's peak usage during the call less what was in use before it (an upper bound of the true
 * peak: it counts garbage not yet collected), and what the decoded model keeps after a GC.
 */
public final class PeakHeap {

    /** The client's default body limit. */
    private static final int LIMIT = 16 * 1024 * 1024;

    private PeakHeap() {
    }

    /**
     * {@code PeakHeap measure} serves the lists and runs one child per size and variant; {@code
     * PeakHeap call BASE_URL COUNT full|rawUrlConnection} is one child.
     *
     * @param args the mode and its arguments
     * @throws Exception when a call or a launch fails
     */
    public static void main(String[] args) throws Exception {
        if ("call".equals(args[0])) {
            call(args[1], Integer.parseInt(args[2]), args[3]);
            return;
        }
        try (LoopbackApi api = LoopbackApi.start()) {
            for (int count : new int[] {50_000, largestCountUnder(LIMIT - 64 * 1024)}) {
                launch(api.baseUrl(), count, "rawUrlConnection");
                launch(api.baseUrl(), count, "full");
            }
        }
    }

    private static int largestCountUnder(int bytes) {
        int low = 0;
        int high = LoopbackApi.MAX_SIZED_COUNT;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (LoopbackApi.bodySize(middle) <= bytes) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static void call(String baseUrl, int count, String variant) throws IOException {
        EngagiveClient client = EngagiveClient.builder().baseUrl(baseUrl).token(LoopbackApi.TOKEN)
                .readTimeout(Duration.ofSeconds(60)).build();
        ObjectMapper mapper = ApiClient.newObjectMapper();
        String account = LoopbackApi.sizedAccount(count);
        fetch(client, mapper, baseUrl, LoopbackApi.sizedAccount(10), variant);
        System.gc();
        long before = heapInUse();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        TemplateListResponse response = fetch(client, mapper, baseUrl, account, variant);
        long peak = heapPeaks() - before;
        System.gc();
        long retained = heapInUse() - before;
        if (response.getData().size() != count) {
            throw new IllegalStateException("expected " + count + " templates");
        }
        double body = LoopbackApi.bodySize(count);
        System.out.printf("peak heap %-16s %,7d templates, body %,11d bytes: peak %,12d bytes (%.2f x body),"
                + " model kept %,12d bytes (%.2f x body)%n", variant, count, (long) body, peak, peak / body,
                retained, retained / body);
    }

    private static TemplateListResponse fetch(EngagiveClient client, ObjectMapper mapper, String baseUrl,
            String account, String variant) throws IOException {
        if ("full".equals(variant)) {
            return client.templates().listTemplates(account, null);
        }
        return RawUrlConnection.listTemplates(baseUrl, account, mapper);
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static long heapPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static void launch(String baseUrl, int count, String variant) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PeakHeap.class.getName(), "call", baseUrl, Integer.toString(count), variant).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the call with " + count + " templates failed");
        }
    }
}
