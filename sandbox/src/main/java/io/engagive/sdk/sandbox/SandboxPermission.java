package io.engagive.sdk.sandbox;

import io.engagive.sdk.generated.SpecOperations;

/**
 * The portal role permissions the sandbox enforces. Each is known by an operation that needs it;
 * its portal name is that operation's {@code x-required-permission} in the spec.
 */
public enum SandboxPermission {
    /** Read templates, lookups and template contents: what {@code listTemplates} needs. */
    TEMPLATES_VIEW("listTemplates"),
    /** Send messages and reactions: what {@code sendTemplate} needs. */
    CHATS_ADD("sendTemplate");

    private final String portalName;

    SandboxPermission(String operationId) {
        this.portalName = SpecOperations.of(operationId).requiredPermission();
    }

    /**
     * Returns the permission's name as the portal shows it.
     *
     * @return e.g. {@code WhatsApp Chats — Add}
     */
    public String portalName() {
        return portalName;
    }

    /** Returns the permission with this portal name, failing for one the sandbox does not know. */
    static SandboxPermission named(String portalName) {
        for (SandboxPermission permission : values()) {
            if (permission.portalName.equals(portalName)) {
                return permission;
            }
        }
        throw new IllegalStateException("the spec names a permission the sandbox does not know: " + portalName);
    }
}
