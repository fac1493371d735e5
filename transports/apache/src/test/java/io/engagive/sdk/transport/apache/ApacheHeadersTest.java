package io.engagive.sdk.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

class ApacheHeadersTest {

    private final BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
    private final ApacheHeaders headers = new ApacheHeaders(response);

    ApacheHeadersTest() {
        response.addHeader("Content-Length", "12");
        response.addHeader("X-Request-Id", "one");
        response.addHeader("x-request-id", "two");
    }

    @Test
    void findsAHeaderByNameInAnyCase() {
        assertThat(headers.get("content-length")).containsExactly("12");
        assertThat(headers.get("X-REQUEST-ID")).containsExactly("one", "two");
        assertThat(headers.containsKey("Content-length")).isTrue();
    }

    @Test
    void answersNullForAHeaderThatIsNotThere() {
        assertThat(headers.get("Retry-After")).isNull();
        assertThat(headers.get(42)).isNull();
        assertThat(headers.containsKey("Retry-After")).isFalse();
    }

    @Test
    void walksEveryHeaderWithAllItsValuesWhateverTheirCase() {
        assertThat(headers).hasSize(2).containsEntry("X-Request-Id", List.of("one", "two"))
                .containsEntry("content-length", List.of("12"));
        assertThat(new ApacheHeaders(new BasicClassicHttpResponse(204))).isEmpty();
    }
}
