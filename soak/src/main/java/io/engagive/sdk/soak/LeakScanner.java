package io.engagive.sdk.soak;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks for the tokens the soak handed the client in any text: as given, its signature alone, in Base64 (standard and
 * URL-safe, with and without padding, alone and in {@code Bearer …}) and percent-encoded. Keeps the newest tokens,
 * which are the ones the client can hold.
 */
final class LeakScanner {

    private static final int KEPT_TOKENS = 8;

    private final Deque<List<String>> needles = new ConcurrentLinkedDeque<>();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong leaks = new AtomicLong();
    private final Deque<String> examples = new ConcurrentLinkedDeque<>();

    /** Adds a token's encodings to look for. */
    void watch(String token) {
        if (token.length() < 16) {
            return;
        }
        List<String> forms = new ArrayList<>();
        forms.add(token);
        int signature = token.lastIndexOf('.');
        if (signature > 0 && token.length() - signature > 16) {
            forms.add(token.substring(signature + 1));
        }
        for (String text : List.of(token, "Bearer " + token)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        forms.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
        needles.addFirst(forms);
        while (needles.size() > KEPT_TOKENS) {
            needles.pollLast();
        }
    }

    /** Scans one text; {@code where} names it in the report when a token is found. */
    void scan(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        scanned.incrementAndGet();
        for (List<String> forms : needles) {
            for (String form : forms) {
                if (text.contains(form)) {
                    leaks.incrementAndGet();
                    if (examples.size() < 5) {
                        String shown = text.replace(form, "<TOKEN>");
                        examples.add(where + ": …" + shown.substring(0, Math.min(200, shown.length())) + "…");
                    }
                    return;
                }
            }
        }
    }

    long scanned() {
        return scanned.get();
    }

    long leaks() {
        return leaks.get();
    }

    List<String> examples() {
        return List.copyOf(examples);
    }
}
