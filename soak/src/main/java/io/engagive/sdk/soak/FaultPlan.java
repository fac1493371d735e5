package io.engagive.sdk.soak;

import java.util.List;
import java.util.SplittableRandom;

/** A new random fault every tick, on a random operation, for one to three requests: every fault the sandbox has. */
final class FaultPlan {

    static final List<String> OPERATIONS = List.of("listTemplates", "getTemplate", "listTemplateCategories",
            "listCategoryOptions", "listContentLanguages", "listTemplateContents", "sendTemplate", "sendReaction");

    private static final List<String> FAULTS = List.of(
            "{\"kind\":\"meta_error\"}", "{\"kind\":\"meta_error\",\"code\":130429}",
            "{\"kind\":\"rate_limited\",\"retry_after_seconds\":1}", "{\"kind\":\"unavailable\"}",
            "{\"kind\":\"delay\",\"delay_ms\":300}", "{\"kind\":\"delay\",\"delay_ms\":2500}",
            "{\"kind\":\"drop_connection\"}", "{\"kind\":\"reset_connection\"}",
            "{\"kind\":\"html_error_page\",\"status\":502}",
            "{\"kind\":\"answer_lost\"}", "{\"kind\":\"truncated_body\"}", "{\"kind\":\"dripping_body\",\"pause_ms\":50}",
            "{\"kind\":\"stalled_body\",\"stall_ms\":2500}", "{\"kind\":\"lying_content_length\"}",
            "{\"kind\":\"token_echoed_in_headers\"}");

    private final SandboxAdmin admin;
    private final SplittableRandom random;
    private long injected;

    FaultPlan(SandboxAdmin admin, long seed) {
        this.admin = admin;
        this.random = new SplittableRandom(seed);
    }

    void tick() {
        admin.inject(OPERATIONS.get(random.nextInt(OPERATIONS.size())), FAULTS.get(random.nextInt(FAULTS.size())),
                1 + random.nextInt(3));
        injected++;
    }

    long injected() {
        return injected;
    }

    static int kinds() {
        return FAULTS.size();
    }
}
