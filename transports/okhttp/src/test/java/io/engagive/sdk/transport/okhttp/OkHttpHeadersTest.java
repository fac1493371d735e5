package io.engagive.sdk.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class OkHttpHeadersTest {

    private final OkHttpHeaders headers = new OkHttpHeaders(new Headers.Builder().add("Content-Length", "12")
            .add("X-Request-Id", "one").add("x-request-id", "two").build());

    @Test
    void findsAHeaderByNameInAnyCase() {
        assertThat(headers.get("content-length")).containsExactly("12");
        assertThat(headers.get("CONTENT-LENGTH")).containsExactly("12");
        assertThat(headers.containsKey("Content-length")).isTrue();
    }

    @Test
    void answersNullForAHeaderThatIsNotThere() {
        assertThat(headers.get("Retry-After")).isNull();
        assertThat(headers.get(42)).isNull();
        assertThat(headers.containsKey("Retry-After")).isFalse();
    }

    @Test
    void walksEveryHeaderWithAllItsValues() {
        assertThat(headers).hasSize(2).containsEntry("x-request-id", List.of("one", "two"))
                .containsEntry("content-length", List.of("12"));
        assertThat(headers.isEmpty()).isFalse();
        assertThat(new OkHttpHeaders(Headers.of())).isEmpty();
    }
}
