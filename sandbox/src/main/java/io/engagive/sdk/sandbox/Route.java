package io.engagive.sdk.sandbox;

import feign.RequestLine;
import io.engagive.sdk.generated.SpecOperation;
import io.engagive.sdk.generated.SpecOperations;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented operations the sandbox serves. Each names its {@code operationId}; its HTTP
 * method, path and required permission are read from the generated client, which the generator
 * wrote from the spec, so the sandbox keeps no copy of them.
 */
public enum Route {
    /** {@code GET …/accounts/{accountId}/templates}. */
    LIST_TEMPLATES("listTemplates"),
    /** {@code GET …/accounts/{accountId}/templates/lookups/categories}. */
    LIST_CATEGORIES("listTemplateCategories"),
    /** {@code GET …/accounts/{accountId}/templates/lookups/categories/{categoryCode}/options}. */
    LIST_CATEGORY_OPTIONS("listCategoryOptions"),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}/contents/lookups/languages}. */
    LIST_CONTENT_LANGUAGES("listContentLanguages"),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}/contents}. */
    LIST_CONTENTS("listTemplateContents"),
    /** {@code GET …/accounts/{accountId}/templates/{templateCode}}. */
    GET_TEMPLATE("getTemplate"),
    /** {@code POST …/accounts/{accountId}/messages/send-template}. */
    SEND_TEMPLATE("sendTemplate"),
    /** {@code POST …/accounts/{accountId}/messages/send-reaction}. */
    SEND_REACTION("sendReaction"),
    /** {@code POST …/accounts/{accountId}/messages/send-single}. */
    SEND_SINGLE("sendSingle");

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final Pattern pattern;
    private final String requiredPermission;

    Route(String operationId) {
        Method generated = SpecOperations.method(operationId)
                .orElseThrow(() -> new IllegalStateException("the spec has no operation " + operationId));
        String line = generated.getAnnotation(RequestLine.class).value().trim();
        String uri = line.substring(line.indexOf(' ') + 1).trim();
        int query = uri.indexOf('?');
        this.operationId = operationId;
        this.method = line.substring(0, line.indexOf(' '));
        this.pathTemplate = query < 0 ? uri : uri.substring(0, query);
        this.pattern = Pattern.compile(pathTemplate.replaceAll("\\{[^}]+}", "([^/]+)"));
        this.requiredPermission = generated.getAnnotation(SpecOperation.class).requiredPermission();
    }

    /**
     * Returns the operation's {@code operationId} in the spec.
     *
     * @return e.g. {@code listTemplates}
     */
    public String operationId() {
        return operationId;
    }

    /**
     * Returns the HTTP method.
     *
     * @return e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the path template below the base path, as the spec writes it.
     *
     * @return e.g. {@code /channels/whatsapp/accounts/{accountId}/templates}
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /**
     * Returns the permission the route needs, as the spec's {@code x-required-permission} names it.
     *
     * @return the permission
     */
    public SandboxPermission permission() {
        return SandboxPermission.named(requiredPermission);
    }

    /** Returns the match (account id, then the route's own parameters), when the path is this route's. */
    Optional<Matcher> match(String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }
}
