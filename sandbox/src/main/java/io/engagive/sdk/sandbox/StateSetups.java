package io.engagive.sdk.sandbox;

import java.util.Map;

/** Sets each of the {@link ProviderStates} up on a sandbox for real, and returns what it offers the pact. */
final class StateSetups {

    private final EngagiveSandbox sandbox;

    StateSetups(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Map<String, String> setUp(String name) {
        return switch (name) {
            case ProviderStates.NO_STATE -> Map.of();
            case ProviderStates.TEMPLATES_EXIST -> token(sandbox.newUser("viewer")
                    .accounts(EngagiveSandbox.DEFAULT_ACCOUNT).permissions(SandboxPermission.TEMPLATES_VIEW).register());
            case ProviderStates.USER_MAY_SEND -> userMaySend();
            case ProviderStates.TOKEN_EXPIRED -> Map.of("expiredToken", sandbox.defaultUser().expiredToken());
            case ProviderStates.TOKEN_BAD_SIGNATURE -> Map.of("badToken", sandbox.defaultUser().tokenWithBadSignature());
            case ProviderStates.ACCOUNT_NOT_ALLOWED -> accountNotAllowed();
            case ProviderStates.ACCOUNT_REFUSED_WITH_ERROR_BODY -> {
                sandbox.answerWrongAccountWith(400);
                yield accountNotAllowed();
            }
            case ProviderStates.ACCOUNT_REFUSED_ON_SUCCESS_STATUS -> {
                sandbox.answerWrongAccountWith(200);
                yield accountNotAllowed();
            }
            case ProviderStates.LACKS_TEMPLATES_VIEW ->
                    token(sandbox.register(sandbox.defaultUser().withoutPermission(SandboxPermission.TEMPLATES_VIEW)));
            case ProviderStates.LACKS_CHATS_ADD ->
                    token(sandbox.register(sandbox.defaultUser().withoutPermission(SandboxPermission.CHATS_ADD)));
            case ProviderStates.META_REJECTS_NEXT_SEND -> {
                sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());
                yield userMaySend();
            }
            default -> throw new IllegalArgumentException("unknown provider state \"" + name + "\"; known: "
                    + ProviderStates.names());
        };
    }

    private Map<String, String> userMaySend() {
        return token(sandbox.newUser("sender").accounts(EngagiveSandbox.DEFAULT_ACCOUNT)
                .permissions(SandboxPermission.CHATS_ADD).register());
    }

    private Map<String, String> accountNotAllowed() {
        return token(sandbox.newUser("one-account").accounts(EngagiveSandbox.DEFAULT_ACCOUNT)
                .permissions(SandboxPermission.values()).register());
    }

    private static Map<String, String> token(SandboxUser user) {
        return Map.of("token", user.token());
    }
}
