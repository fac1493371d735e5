package io.engagive.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The provider states the pacts use are plain printable ASCII and none is a prefix of another, so
 * verifiers in other languages, which send them as header values and match them as patterns, set
 * up the right one.
 */
class PactStateNamesIT {

    @Test
    void stateNamesArePrintableAsciiAndNoneIsAPrefixOfAnother() {
        Set<String> names = new TreeSet<>();
        for (File pact : PactFiles.written()) {
            for (Interaction interaction : DefaultPactReader.INSTANCE.loadPact(pact).getInteractions()) {
                interaction.getProviderStates().stream().map(ProviderState::getName).forEach(names::add);
            }
        }

        assertThat(names).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(name -> assertThat(name).matches("[\\x20-\\x7E]+"));
        List<String> sorted = List.copyOf(names);
        for (String name : sorted) {
            assertThat(sorted).as("state names that start with \"%s\"", name)
                    .filteredOn(other -> !other.equals(name) && other.startsWith(name)).isEmpty();
        }
    }
}
