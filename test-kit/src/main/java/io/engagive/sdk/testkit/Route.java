package io.engagive.sdk.testkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The documented operations the sandbox serves, by HTTP method and path below the base path. */
public enum Route {
    /** {@code GET …/accounts/{accountId}/templates}. */
    LIST_TEMPLATES("GET", "/templates", SandboxPermission.TEMPLATES_VIEW),
    /** {@code GET …/accounts/{accountId}/templates/lookups/categories}. */
    LIST_CATEGORIES("GET", "/templates/lookups/categories", SandboxPermission.TEMPLATES_VIEW),
    /** {@code GET …/accounts/{accountId}/templates/lookups/categories/{categoryCode}/options}. */
    LIST_CATEGORY_OPTIONS("GET", "/templates/lookups/categories/([^/]+)/options", SandboxPermission.TEMPLATES_VIEW),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}/contents/lookups/languages}. */
    LIST_CONTENT_LANGUAGES("GET", "/templates/([^/]+)/contents/lookups/languages", SandboxPermission.TEMPLATES_VIEW),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}/contents}. */
    LIST_CONTENTS("GET", "/templates/([^/]+)/contents", SandboxPermission.TEMPLATES_VIEW),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}}. */
    GET_TEMPLATE("GET", "/templates/([^/]+)", SandboxPermission.TEMPLATES_VIEW),
    /** {@code POST …/accounts/{accountId}/messages/send-template}. */
    SEND_TEMPLATE("POST", "/messages/send-template", SandboxPermission.CHATS_ADD),
    /** {@code POST …/accounts/{accountId}/messages/send-reaction}. */
    SEND_REACTION("POST", "/messages/send-reaction", SandboxPermission.CHATS_ADD),
    /** {@code POST …/accounts/{accountId}/messages/send-single}. */
    SEND_SINGLE("POST", "/messages/send-single", SandboxPermission.CHATS_ADD);

    /** Where every route starts, below the sandbox's base URL. */
    static final String ACCOUNT_PREFIX = "/channels/whatsapp/accounts/([^/]+)";

    private final String method;
    private final Pattern pattern;
    private final SandboxPermission permission;

    Route(String method, String suffix, SandboxPermission permission) {
        this.method = method;
        this.pattern = Pattern.compile(ACCOUNT_PREFIX + suffix);
        this.permission = permission;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the permission the route needs */
    public SandboxPermission permission() {
        return permission;
    }

    /**
     * @param path a path below the base path
     * @return the match (account id, then the route's own parameters), when the path is this route's
     */
    Optional<Matcher> match(String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }
}
