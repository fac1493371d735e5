package io.engagive.sdk.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The soak's token scanner finds a token in every encoding it claims to, and nothing else. */
class LeakScannerTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZWZhdWx0LXVzZXIiLCJleHAiOjE5MDAwMDAwMDB9"
            + ".c2lnbmF0dXJlLW9mLXRoZS1zb2FrLXRva2VuLXRoYXQtaXMtbG9uZw";

    @ParameterizedTest
    @ValueSource(strings = {"raw", "signature", "base64", "base64-bearer", "base64-url", "percent"})
    void aTokenIsFoundInEveryEncoding(String encoding) {
        LeakScanner scanner = new LeakScanner();
        scanner.watch(TOKEN);
        String leaked = switch (encoding) {
            case "raw" -> TOKEN;
            case "signature" -> TOKEN.substring(TOKEN.lastIndexOf('.') + 1);
            case "base64" -> Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
            case "base64-bearer" -> Base64.getEncoder().encodeToString(("Bearer " + TOKEN).getBytes(StandardCharsets.UTF_8));
            case "base64-url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
            default -> URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        };

        scanner.scan("log", "DEBUG header: X-Echo: " + leaked + " end");

        assertThat(scanner.leaks()).isEqualTo(1);
        assertThat(scanner.examples()).singleElement().asString().contains("<TOKEN>").doesNotContain(leaked);
    }

    @Test
    void aRedactedLineIsNoLeak() {
        LeakScanner scanner = new LeakScanner();
        scanner.watch(TOKEN);

        scanner.scan("log", "DEBUG --> GET /templates Authorization: Bearer [REDACTED]");

        assertThat(scanner.leaks()).isZero();
        assertThat(scanner.scanned()).isEqualTo(1);
    }

    @Test
    void everyLogLineWrittenToStandardErrorIsScanned() {
        LeakScanner scanner = new LeakScanner();
        scanner.watch(TOKEN);
        java.io.PrintStream before = System.err;
        try {
            ScanningLog log = ScanningLog.install(scanner);
            System.err.println("first line");
            System.err.println("second line with " + TOKEN);

            assertThat(log.lines()).isEqualTo(2);
            assertThat(scanner.leaks()).isEqualTo(1);
        } finally {
            System.setErr(before);
        }
    }
}
