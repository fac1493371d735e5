package io.engagive.sdk.testkit;

/** The portal role permissions the sandbox enforces, named as in the Engagive documentation. */
public enum SandboxPermission {
    /** Read templates, lookups and template contents. */
    TEMPLATES_VIEW("WhatsApp Templates — View"),
    /** Send messages and reactions. */
    CHATS_ADD("WhatsApp Chats — Add");

    private final String portalName;

    SandboxPermission(String portalName) {
        this.portalName = portalName;
    }

    /** @return the permission's name as the portal shows it */
    public String portalName() {
        return portalName;
    }
}
