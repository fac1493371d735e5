package io.engagive.sdk.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider side of the contracts: one sandbox per verification class, a fresh start for each
 * interaction, and a {@code @State} handler per provider state that has the sandbox set itself up
 * (the same setup its HTTP state-change endpoint runs for verifiers in other languages) and hands
 * the contract the token to send. No request filter touches the contract's headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxProviderStates {

    /** The sandbox the pacts are verified against. */
    protected final EngagiveSandbox sandbox = EngagiveSandbox.start();

    @BeforeEach
    void pointAtTheSandbox(PactVerificationContext context) {
        sandbox.reset();
        URI base = URI.create(sandbox.baseUrl());
        context.setTarget(new HttpTestTarget(base.getHost(), base.getPort(), "/"));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void interactionHoldsAgainstTheSandbox(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @AfterEach
    void sandboxAnsweredWithinTheSpec() {
        sandbox.assertHealthy();
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    @State(Contract.NO_STATE)
    public Map<String, Object> nothing() {
        return setUp(Contract.NO_STATE);
    }

    @State(Contract.TEMPLATES_EXIST)
    public Map<String, Object> templatesExist() {
        return setUp(Contract.TEMPLATES_EXIST);
    }

    @State(Contract.USER_MAY_SEND)
    public Map<String, Object> userMaySend() {
        return setUp(Contract.USER_MAY_SEND);
    }

    @State(Contract.TOKEN_EXPIRED)
    public Map<String, Object> tokenExpired() {
        return setUp(Contract.TOKEN_EXPIRED);
    }

    @State(Contract.TOKEN_BAD_SIGNATURE)
    public Map<String, Object> tokenWithBadSignature() {
        return setUp(Contract.TOKEN_BAD_SIGNATURE);
    }

    @State(Contract.ACCOUNT_NOT_ALLOWED)
    public Map<String, Object> accountNotAllowed() {
        return setUp(Contract.ACCOUNT_NOT_ALLOWED);
    }

    @State(Contract.ACCOUNT_REFUSED_WITH_ERROR_BODY)
    public Map<String, Object> accountRefusedWithErrorBody() {
        return setUp(Contract.ACCOUNT_REFUSED_WITH_ERROR_BODY);
    }

    @State(Contract.ACCOUNT_REFUSED_ON_SUCCESS_STATUS)
    public Map<String, Object> accountRefusedOnSuccessStatus() {
        return setUp(Contract.ACCOUNT_REFUSED_ON_SUCCESS_STATUS);
    }

    @State(Contract.LACKS_TEMPLATES_VIEW)
    public Map<String, Object> lacksTemplatesView() {
        return setUp(Contract.LACKS_TEMPLATES_VIEW);
    }

    @State(Contract.LACKS_CHATS_ADD)
    public Map<String, Object> lacksChatsAdd() {
        return setUp(Contract.LACKS_CHATS_ADD);
    }

    @State(Contract.META_REJECTS_NEXT_SEND)
    public Map<String, Object> metaRejectsNextSend() {
        return setUp(Contract.META_REJECTS_NEXT_SEND);
    }

    /** The sandbox's own setup of the state, the same the standalone sandbox runs for other languages' verifiers. */
    private Map<String, Object> setUp(String state) {
        return new HashMap<>(sandbox.setUpProviderState(state));
    }
}
