package io.engagive.sdk.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SandboxPermission;
import io.engagive.sdk.sandbox.SandboxUser;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider side of the contracts: one sandbox per verification class, a fresh start for each
 * interaction, and a {@code @State} handler per provider state that really sets the sandbox up
 * and hands the contract the token to send. No request filter touches the contract's headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxProviderStates {

    /** The sandbox the pacts are verified against. */
    protected final EngagiveSandbox sandbox = EngagiveSandbox.start();

    @BeforeEach
    void pointAtTheSandbox(PactVerificationContext context) {
        sandbox.reset();
        sandbox.register(sandbox.defaultUser());
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
        return Map.of();
    }

    @State(Contract.TEMPLATES_EXIST)
    public Map<String, Object> templatesExist() {
        return token(sandbox.newUser("viewer").accounts(EngagiveSandbox.DEFAULT_ACCOUNT)
                .permissions(SandboxPermission.TEMPLATES_VIEW).register());
    }

    @State(Contract.USER_MAY_SEND)
    public Map<String, Object> userMaySend() {
        return token(sandbox.newUser("sender").accounts(EngagiveSandbox.DEFAULT_ACCOUNT)
                .permissions(SandboxPermission.CHATS_ADD).register());
    }

    @State(Contract.TOKEN_EXPIRED)
    public Map<String, Object> tokenExpired() {
        return Map.of("expiredToken", sandbox.defaultUser().expiredToken());
    }

    @State(Contract.TOKEN_BAD_SIGNATURE)
    public Map<String, Object> tokenWithBadSignature() {
        return Map.of("badToken", sandbox.defaultUser().tokenWithBadSignature());
    }

    @State(Contract.ACCOUNT_NOT_ALLOWED)
    public Map<String, Object> accountNotAllowed() {
        return token(sandbox.newUser("one-account").accounts(EngagiveSandbox.DEFAULT_ACCOUNT)
                .permissions(SandboxPermission.values()).register());
    }

    @State(Contract.ACCOUNT_REFUSED_WITH_ERROR_BODY)
    public Map<String, Object> accountRefusedWithErrorBody() {
        sandbox.answerWrongAccountWith(400);
        return accountNotAllowed();
    }

    @State(Contract.LACKS_TEMPLATES_VIEW)
    public Map<String, Object> lacksTemplatesView() {
        return token(sandbox.register(sandbox.defaultUser().withoutPermission(SandboxPermission.TEMPLATES_VIEW)));
    }

    @State(Contract.LACKS_CHATS_ADD)
    public Map<String, Object> lacksChatsAdd() {
        return token(sandbox.register(sandbox.defaultUser().withoutPermission(SandboxPermission.CHATS_ADD)));
    }

    @State(Contract.META_REJECTS_NEXT_SEND)
    public Map<String, Object> metaRejectsNextSend() {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());
        return userMaySend();
    }

    private static Map<String, Object> token(SandboxUser user) {
        return Map.of("token", user.token());
    }
}
