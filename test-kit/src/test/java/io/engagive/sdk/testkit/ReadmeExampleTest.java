package io.engagive.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing your integration" example is {@link OrderNotificationsTest} to the letter, so it compiles and runs here. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleIsTheTestThatRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java\n", readme.indexOf("## Testing your integration")) + "```java\n".length();
        String example = readme.substring(start, readme.indexOf("```\n", start));
        String test = Files.readString(Path.of("src/test/java/io/engagive/sdk/testkit/OrderNotificationsTest.java"));

        assertThat(test).isEqualTo("package io.engagive.sdk.testkit;\n\n" + example);
    }
}
