package io.engagive.sdk.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

/** An HttpClient of the caller's own is taken only when it keeps every promise, and refused naming what it breaks. */
class ApacheClientOfYourOwnTest {

    @Test
    void httpClientsDefaultsAreRefusedNamingEachBrokenPromise() {
        assertThatIllegalArgumentException().isThrownBy(() -> ApacheTransport.of(HttpClients.createDefault()))
                .withMessageContaining("disableAutomaticRetries()")
                .withMessageContaining("disableRedirectHandling()");
    }

    @Test
    void aClientThatKeepsThePromisesIsTaken() {
        assertThat(ApacheTransport.of(HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build()))
                .isNotNull();
    }
}
