package io.engagive.sdk.internal.http;

import feign.Param;
import feign.RequestLine;
import io.engagive.sdk.generated.SpecOperation;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.IntStream;

/** One generated API method's HTTP method, path template and required portal permission, as the spec states them. */
final class Operation {

    private final String httpMethod;
    private final String pathTemplate;
    private final String requiredPermission;
    private final String methodName;
    private final String operationId;
    private final int[] requiredArguments;
    private final int[] pathArguments;

    private Operation(String httpMethod, String pathTemplate, String requiredPermission, String methodName,
            String operationId, int[] requiredArguments, int[] pathArguments) {
        this.httpMethod = httpMethod;
        this.pathTemplate = pathTemplate;
        this.requiredPermission = requiredPermission;
        this.methodName = methodName;
        this.operationId = operationId;
        this.requiredArguments = requiredArguments;
        this.pathArguments = pathArguments;
    }

    /**
     * Reads a generated method's {@code @RequestLine}.
     *
     * @param method a generated Feign API method
     * @return the operation
     * @throws IllegalArgumentException when the method has no request line
     */
    public static Operation of(Method method) {
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
        return new Operation(verb, path, spec.requiredPermission(), method.getName(), spec.id(),
                requiredArguments(method), pathArguments(method, path));
    }

    private static int[] pathArguments(Method method, String pathTemplate) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(index -> Arrays.stream(annotations[index]).anyMatch(annotation -> annotation instanceof Param
                        && pathTemplate.contains("{" + ((Param) annotation).value() + "}")))
                .toArray();
    }

    private static int[] requiredArguments(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(index -> Arrays.stream(annotations[index]).anyMatch(jakarta.annotation.Nonnull.class::isInstance))
                .toArray();
    }

    /**
     * Checks a call's arguments and returns those to hand to Feign: path arguments encoded as
     * exactly one segment each, and one free slot at the end for the call's context.
     *
     * @param args the call's arguments
     * @return a new array, one longer than {@code args}
     * @throws IllegalArgumentException naming the argument that is missing or cannot be a path segment
     */
    Object[] prepareArguments(Object[] args) {
        Object[] given = args == null ? new Object[0] : args;
        for (int index : requiredArguments) {
            if (given[index] == null) {
                throw new IllegalArgumentException("argument " + (index + 1) + " of " + methodName
                        + " is required and must not be null");
            }
        }
        Object[] prepared = Arrays.copyOf(given, given.length + 1);
        for (int index : pathArguments) {
            try {
                prepared[index] = PathSegment.encode(String.valueOf(given[index]));
            } catch (IllegalArgumentException unsafe) {
                throw new IllegalArgumentException("argument " + (index + 1) + " of " + methodName
                        + " is a path segment (an account id or a code) and " + unsafe.getMessage()
                        + "; nothing was sent");
            }
        }
        return prepared;
    }

    /**
     * An operation known only by its request, for requests not built from a generated method.
     *
     * @param httpMethod the HTTP method
     * @param path the request path
     * @return the operation
     */
    static Operation unknown(String httpMethod, String path) {
        return new Operation(httpMethod, path, "(not known: the request was not built from a generated method)",
                httpMethod, httpMethod + " " + path, new int[0], new int[0]);
    }

    /**
     * Returns the HTTP method, e.g. {@code GET}.
     *
     * @return the HTTP method, e.g. {@code GET}
     */
    public String httpMethod() {
        return httpMethod;
    }

    /**
     * Returns the path template relative to the base URL, e.g. {@code /channels/whatsapp/accounts/{accountId}/templates}.
     *
     * @return the path template relative to the base URL, e.g. {@code /channels/whatsapp/accounts/{accountId}/templates}
     */
    public String pathTemplate() {
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
    public String requiredPermission() {
        return requiredPermission;
    }

    @Override
    public String toString() {
        return httpMethod + " " + pathTemplate;
    }
}
