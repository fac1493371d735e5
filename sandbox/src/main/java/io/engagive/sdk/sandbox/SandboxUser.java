package io.engagive.sdk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A portal user of the sandbox: organisation, the accounts it may use and its role permissions;
 * it mints the signed tokens that act as it. Immutable: change a user with the {@code with…}
 * methods and {@link EngagiveSandbox#register(SandboxUser)} the result.
 */
public final class SandboxUser {

    private final String id;
    private final String organisation;
    private final Set<String> accounts;
    private final Set<SandboxPermission> permissions;
    private final TokenMinter minter;
    private final Clock clock;

    SandboxUser(String id, String organisation, Set<String> accounts, Set<SandboxPermission> permissions,
            TokenMinter minter, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.accounts = Set.copyOf(accounts);
        this.permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        this.minter = minter;
        this.clock = clock;
    }

    /**
     * Returns the user's id (the tokens' subject).
     *
     * @return the user's id (the tokens' subject)
     */
    public String id() {
        return id;
    }

    /**
     * Returns the user's organisation.
     *
     * @return the user's organisation
     */
    public String organisation() {
        return organisation;
    }

    /**
     * Returns the account ids the user may use.
     *
     * @return the account ids the user may use
     */
    public Set<String> accounts() {
        return accounts;
    }

    /**
     * Returns the user's role permissions.
     *
     * @return the user's role permissions
     */
    public Set<SandboxPermission> permissions() {
        return permissions;
    }

    /**
     * Returns a signed token valid for 30 days, the portal's common choice.
     *
     * @return a signed token valid for 30 days, the portal's common choice
     */
    public String token() {
        return token(Duration.ofDays(30));
    }

    /**
     * Mints a token for this user valid for the given time.
     *
     * @param validity how long the token is valid from now
     * @return a signed token
     */
    public String token(Duration validity) {
        return minter.mint(this, clock.instant().plus(validity));
    }

    /**
     * Returns a correctly signed token that expired an hour ago.
     *
     * @return a correctly signed token that expired an hour ago
     */
    public String expiredToken() {
        return minter.mint(this, clock.instant().minus(Duration.ofHours(1)));
    }

    /**
     * Returns a token for this user signed with a key the sandbox does not know (a bad signature).
     *
     * @return a token for this user signed with a key the sandbox does not know (a bad signature)
     */
    public String tokenWithBadSignature() {
        return minter.mintWithForeignKey(this, clock.instant().plus(Duration.ofDays(30)));
    }

    /**
     * Returns a copy of this user without one permission (register it to take effect).
     *
     * @param permission the permission to take away
     * @return a copy of this user without it
     */
    public SandboxUser withoutPermission(SandboxPermission permission) {
        Set<SandboxPermission> fewer = EnumSet.noneOf(SandboxPermission.class);
        fewer.addAll(permissions);
        fewer.remove(permission);
        return new SandboxUser(id, organisation, accounts, fewer, minter, clock);
    }

    /**
     * Returns a copy of this user allowed on other accounts (register it to take effect).
     *
     * @param accountIds the only accounts the copy may use
     * @return a copy of this user restricted to those accounts
     */
    public SandboxUser withAccounts(String... accountIds) {
        return new SandboxUser(id, organisation, Set.of(accountIds), permissions, minter, clock);
    }

    @Override
    public String toString() {
        return "SandboxUser{" + id + ", organisation=" + organisation + ", accounts=" + accounts + ", permissions="
                + permissions + "}";
    }
}
