package io.engagive.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import java.io.File;
import org.junit.jupiter.api.Test;

/** Every interaction the consumer tests wrote, request and response, matches the OpenAPI spec. */
class PactSpecConformanceIT {

    @Test
    void everyContractedInteractionMatchesTheSpec() {
        PactSpecCheck check = new PactSpecCheck();
        for (File pact : PactFiles.written()) {
            assertThat(DefaultPactReader.INSTANCE.loadPact(pact).getInteractions()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(check.check(pact)).as(pact.getName()).isEmpty();
        }
    }
}
