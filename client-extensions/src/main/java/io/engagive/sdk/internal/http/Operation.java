package io.engagive.sdk.internal.http;

import feign.RequestLine;
import io.engagive.sdk.generated.SpecOperation;
import java.lang.reflect.Method;

/** One generated API method's HTTP method, path template and required portal permission, as the spec states them. */
final class Operation {

    private final String httpMethod;
    private final String pathTemplate;
    private final String requiredPermission;
    private final String operationId;

    private Operation(String httpMethod, String pathTemplate, String requiredPermission, String operationId) {
        this.httpMethod = httpMethod;
        this.pathTemplate = pathTemplate;
        this.requiredPermission = requiredPermission;
        this.operationId = operationId;
    }

    /**
     * Reads a generated method's {@code @RequestLine}.
     *
     * @param method a generated Feign API method
     * @return the operation
     * @throws IllegalArgumentException when the method has no request line
     */
    static Operation of(Method method) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        SpecOperation spec = method.getAnnotation(SpecOperation.class);
        if (line == null || spec == null) {
            throw new IllegalArgumentException(method + " is not a generated Engagive API method");
        }
        String value = line.value().trim();
        int space = value.indexOf(' ');
        String verb = value.substring(0, space);
        String uri = value.substring(space + 1).trim();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return new Operation(verb, path, spec.requiredPermission(), spec.id());
    }

    /**
     * Returns the HTTP method, e.g. {@code GET}.
     *
     * @return the HTTP method, e.g. {@code GET}
     */
    String httpMethod() {
        return httpMethod;
    }

    /**
     * Returns the path template relative to the base URL, e.g. {@code /channels/whatsapp/accounts/{accountId}/templates}.
     *
     * @return the path template relative to the base URL, e.g. {@code /channels/whatsapp/accounts/{accountId}/templates}
     */
    String pathTemplate() {
        return pathTemplate;
    }

    /**
     * Returns the operation's id in the spec.
     *
     * @return e.g. {@code listTemplates}
     */
    String operationId() {
        return operationId;
    }

    /**
     * Tells whether the HTTP method is idempotent, so that sending it twice does no harm.
     *
     * @return true for GET and HEAD
     */
    boolean isIdempotent() {
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
    }

    /**
     * Returns the portal permission the spec names for this operation.
     *
     * @return the portal permission the spec names for this operation
     */
    String requiredPermission() {
        return requiredPermission;
    }

    @Override
    public String toString() {
        return httpMethod + " " + pathTemplate;
    }
}
