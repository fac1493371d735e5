package io.engagive.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.swagger.v3.oas.models.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered reference page (Redocly, built by the Maven build into target/reference): it loads
 * nothing from other hosts, and headless Chromium, with no network and a fresh profile, shows every
 * operation and the security description.
 */
class RenderedReferenceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern EXTERNAL_LOAD = Pattern.compile(
            "<(script|link|img|iframe|source|video|audio|embed|object)\\b[^>]*\\b(src|href|data)\\s*=\\s*[\"']?(https?:)?//",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_CSS = Pattern.compile("(@import|url\\()\\s*[\"']?(https?:)?//",
            Pattern.CASE_INSENSITIVE);

    private final Path page = Path.of(System.getProperty("engagive.reference.html", "target/reference/index.html"));

    @TempDir
    Path profile;

    @Test
    void thePageLoadsNothingFromOtherHosts() throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);

        assertThat(EXTERNAL_LOAD.matcher("<link rel=\"modulepreload\" href=\"https://cdn.example.com/redoc.js\">").find())
                .as("the check itself sees a CDN script").isTrue();
        assertThat(html).hasSizeGreaterThan(100_000).contains("<script");
        assertThat(EXTERNAL_LOAD.matcher(html).find()).as("an element loading from another host").isFalse();
        assertThat(EXTERNAL_CSS.matcher(html).find()).as("CSS loading from another host").isFalse();
    }

    @Test
    void headlessChromiumShowsEveryOperationAndTheSecurityDescription() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium package is not installed (.ci/run installs it)");

        String dom = renderedDom();

        List<String> summaries = new ArrayList<>();
        SpecFixture.resolvedModel().getPaths().values().forEach(item -> item.readOperations().stream()
                .map(Operation::getSummary).forEach(summaries::add));
        assertThat(summaries).hasSize(9);
        assertThat(dom).contains(summaries);
        assertThat(dom).contains("bearerAuth").contains("Profile → API access token").contains("365 days")
                .contains("403 or an error body").contains("WhatsApp Chats — Add");
    }

    private String renderedDom() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            command.addAll(List.of("/usr/bin/unshare", "--net"));
        }
        command.addAll(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom",
                page.toAbsolutePath().toUri().toString()));
        Path dom = profile.resolveSibling(profile.getFileName() + "-dom.html");
        Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(chromium.waitFor(2, TimeUnit.MINUTES)).as("chromium finished").isTrue();
        assertThat(chromium.exitValue()).as("chromium exit code").isZero();
        return Files.readString(dom, StandardCharsets.UTF_8);
    }
}
