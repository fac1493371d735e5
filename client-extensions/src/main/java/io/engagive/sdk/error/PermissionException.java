package io.engagive.sdk.error;

import java.util.Objects;

/**
 * The token is valid but may not do this (403, or the "403 or error body" case): the account is
 * not one its user may use, or the user's role lacks the operation's permission.
 */
public final class PermissionException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /** Which rule refused the call, as far as the response tells. */
    public enum Reason {
        /** The {@code accountId} is not an account the token's user may use. */
        ACCOUNT_NOT_ALLOWED,
        /** The user's role lacks the permission the operation needs. */
        PERMISSION_MISSING,
        /** The response did not say which rule. */
        UNKNOWN
    }

    /** Why it failed. */
    private final Reason reason;
    /** The portal permission the operation needs. */
    private final String requiredPermission;

    /**
     * Creates the permission exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param reason which rule refused the call
     * @param requiredPermission the portal permission the operation needs
     */
    public PermissionException(String message, ErrorContext context, Reason reason, String requiredPermission) {
        super(message, context, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.requiredPermission = Objects.requireNonNull(requiredPermission, "requiredPermission");
    }

    /**
     * Returns which rule refused the call.
     *
     * @return which rule refused the call
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the portal role permission the operation needs, e.g. "WhatsApp Chats — Add".
     *
     * @return the portal role permission the operation needs, e.g. "WhatsApp Chats — Add"
     */
    public String requiredPermission() {
        return requiredPermission;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
