package io.engagive.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example of docs/testing/junit.md is {@link OrderNotificationsTest} to the letter, so it compiles and runs here. */
class ReadmeExampleTest {

    @Test
    void theTestingPagesExampleIsTheTestThatRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "testing", "junit.md"));
        int start = readme.indexOf("```java\n", readme.indexOf("# Testing your integration")) + "```java\n".length();
        String example = readme.substring(start, readme.indexOf("```\n", start));
        String test = Files.readString(Path.of("src/test/java/io/engagive/sdk/testkit/OrderNotificationsTest.java"));

        assertThat(test).isEqualTo("package io.engagive.sdk.testkit;\n\n" + example);
    }
}
