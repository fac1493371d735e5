package io.engagive.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cases the contracts cover with a token the client cannot judge: with its checks on, the
 * client refuses expired and malformed tokens itself, and nothing reaches the API.
 */
class LocalRefusalTest {

    private final EngagiveSandbox sandbox = EngagiveSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anExpiredJwtIsRefusedBeforeAnyRequest() {
        AuthenticationException error = refusal(sandbox.defaultUser().expiredToken());

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.EXPIRED_TOKEN);
        assertThat(error.expiredAt()).hasValueSatisfying(expiry -> assertThat(expiry).isBefore(Instant.now()));
        assertThat(sandbox.journal()).isEmpty();
    }

    @Test
    void aTokenThatIsNotAJwtIsRefusedBeforeAnyRequest() {
        AuthenticationException error = refusal("not-a-jwt");

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.MALFORMED_TOKEN);
        assertThat(sandbox.journal()).isEmpty();
    }

    private AuthenticationException refusal(String token) {
        EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl()).token(token).build();
        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> engagive.templates().listTemplates("1", null));
        assertThat(error.sentToServer()).isFalse();
        return error;
    }
}
