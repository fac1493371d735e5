package io.engagive.sdk.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void eachSendsOutcomeAndRecordingsAreKeptAcrossBlocks() {
        Set<String> recipients = new HashSet<>();
        for (int i = 0; i < 70_000; i++) {
            String recipient = ledger.nextRecipient();
            recipients.add(recipient);
            ledger.ended(recipient, i % 2 == 0 ? SendOutcome.SENT : SendOutcome.UNKNOWN);
        }
        ledger.recorded("920000000065536");
        ledger.recorded("920000000065536");
        ledger.recorded("920000000000001");

        assertThat(recipients).hasSize(70_000).allSatisfy(recipient -> assertThat(recipient).hasSize(15));
        assertThat(ledger.issued()).isEqualTo(70_000);
        assertThat(ledger.outcome(1)).isEqualTo(SendOutcome.SENT);
        assertThat(ledger.outcome(65_536)).isEqualTo(SendOutcome.UNKNOWN);
        assertThat(ledger.recordedTimes(65_536)).isEqualTo(2);
        assertThat(ledger.recordedTimes(1)).isEqualTo(1);
        assertThat(ledger.recordedTimes(2)).isZero();
        assertThat(ledger.outcome(70_001)).isNull();
    }

    @Test
    void aRecipientTheRunNeverHandedOutIsAStranger() {
        ledger.nextRecipient();

        ledger.recorded("920000000000002");
        ledger.recorded("+44 20 7946 0000");

        assertThat(ledger.strangers()).containsOnlyKeys("920000000000002", "+44 20 7946 0000");
        assertThat(ledger.recordedTimes(1)).isZero();
    }
}
