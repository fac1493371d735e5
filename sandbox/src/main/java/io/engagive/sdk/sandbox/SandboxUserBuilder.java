package io.engagive.sdk.sandbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Describes a user: organisation, accounts and permissions. */
public final class SandboxUserBuilder {
    private final SandboxState state;
    private final String id;
    private String organisation = SandboxStore.ORGANISATION;
    private Set<String> accounts = Set.of();
    private Set<SandboxPermission> permissions = EnumSet.noneOf(SandboxPermission.class);

    SandboxUserBuilder(SandboxState state, String id) {
        this.state = state;
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Sets the user's organisation.
     *
     * @param name the organisation (default "acme", which owns accounts 1 and 2)
     * @return this builder
     */
    public SandboxUserBuilder organisation(String name) {
        this.organisation = Objects.requireNonNull(name, "organisation");
        return this;
    }

    /**
     * Sets the accounts the user may use.
     *
     * @param accountIds the account ids
     * @return this builder
     */
    public SandboxUserBuilder accounts(String... accountIds) {
        this.accounts = Set.of(accountIds);
        return this;
    }

    /**
     * Sets the user's role permissions.
     *
     * @param granted the permissions
     * @return this builder
     */
    public SandboxUserBuilder permissions(SandboxPermission... granted) {
        this.permissions = granted.length == 0 ? EnumSet.noneOf(SandboxPermission.class)
                : EnumSet.copyOf(List.of(granted));
        return this;
    }

    /**
     * Builds the user without registering it: its tokens are refused as an unknown user until
     * {@link EngagiveSandbox#register(SandboxUser)} adds it.
     *
     * @return the user
     */
    public SandboxUser build() {
        return new SandboxUser(id, organisation, accounts, permissions, state.minter(), state.clock());
    }

    /**
     * Registers the user with the sandbox.
     *
     * @return the user
     */
    public SandboxUser register() {
        return state.register(build());
    }
}
