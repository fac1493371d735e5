package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.MethodMetadata;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.transport.TransportRequest;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one generated method's request from its arguments, as Feign's contract reads the method: required arguments
 * checked, path arguments encoded as exactly one segment each, query arguments encoded so they arrive exactly as
 * written (a null one left out), the body written once by Jackson, and the method's fixed headers plus the
 * {@code User-Agent}. Everything that can be worked out from the method alone is worked out once, here.
 */
final class RequestFactory {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Operation operation;
    private final String methodName;
    private final String baseUrl;
    private final String[] pathLiterals;
    private final int[] pathArguments;
    private final String[] queryNames;
    private final int[] queryArguments;
    private final int[] requiredArguments;
    private final int bodyIndex;
    private final ObjectWriter bodyWriter;
    private final List<TransportRequest.Header> headers;
    private volatile ParsedUri lastUri;

    private RequestFactory(Operation operation, Method method, MethodMetadata metadata, String baseUrl,
            ObjectMapper mapper, String userAgent) {
        this.operation = operation;
        this.methodName = method.getName();
        this.baseUrl = baseUrl;
        Map<String, Integer> argumentOf = argumentIndexes(metadata);
        List<String> literals = new ArrayList<>();
        List<Integer> pathIndexes = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(metadata.template().path());
        int end = 0;
        while (variable.find()) {
            literals.add(metadata.template().path().substring(end, variable.start()));
            pathIndexes.add(indexOf(argumentOf, variable.group(1), method));
            end = variable.end();
        }
        literals.add(metadata.template().path().substring(end));
        this.pathLiterals = literals.toArray(String[]::new);
        this.pathArguments = pathIndexes.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Collection<String>> queries = metadata.template().queries();
        this.queryNames = queries.keySet().toArray(String[]::new);
        this.queryArguments = new int[queryNames.length];
        for (int i = 0; i < queryNames.length; i++) {
            Matcher value = VARIABLE.matcher(String.join(",", queries.get(queryNames[i])));
            if (!value.matches()) {
                throw new IllegalArgumentException(method + ": query " + queryNames[i] + " is not one {variable}");
            }
            queryArguments[i] = indexOf(argumentOf, value.group(1), method);
        }
        this.requiredArguments = requiredArguments(method);
        this.bodyIndex = metadata.bodyIndex() == null ? -1 : metadata.bodyIndex();
        this.bodyWriter = bodyIndex < 0 ? null : mapper.writerFor(mapper.constructType(metadata.bodyType()));
        List<TransportRequest.Header> fixed = new ArrayList<>();
        metadata.template().headers().forEach((name, values) ->
                values.forEach(value -> fixed.add(new TransportRequest.Header(name, value))));
        fixed.add(new TransportRequest.Header("User-Agent", userAgent));
        this.headers = List.copyOf(fixed);
    }

    /**
     * Reads what Feign's contract says of a generated method.
     *
     * @param operation the spec's facts of the method
     * @param method the generated method
     * @param metadata Feign's reading of it
     * @param baseUrl the base URL, without a trailing slash
     * @param mapper writes the body
     * @param userAgent the {@code User-Agent} header's value
     * @return the factory
     */
    static RequestFactory of(Operation operation, Method method, MethodMetadata metadata, String baseUrl,
            ObjectMapper mapper, String userAgent) {
        return new RequestFactory(operation, method, metadata, baseUrl, mapper, userAgent);
    }

    /**
     * Builds the request for one call, without credentials.
     *
     * @param args the call's arguments
     * @return the request
     * @throws IllegalArgumentException naming the argument that is missing or cannot be sent as written
     * @throws InvalidRequestException when the body cannot be written as JSON; nothing was sent
     */
    TransportRequest create(Object[] args) {
        Object[] given = args == null ? new Object[0] : args;
        for (int index : requiredArguments) {
            if (given[index] == null) {
                throw new IllegalArgumentException("argument " + (index + 1) + " of " + methodName
                        + " is required and must not be null");
            }
        }
        StringBuilder uri = new StringBuilder(baseUrl.length() + 96).append(baseUrl);
        for (int i = 0; i < pathArguments.length; i++) {
            uri.append(pathLiterals[i]).append(pathSegment(given, pathArguments[i]));
        }
        uri.append(pathLiterals[pathLiterals.length - 1]);
        char separator = '?';
        for (int i = 0; i < queryNames.length; i++) {
            Object value = given[queryArguments[i]];
            if (value != null) {
                uri.append(separator).append(PathSegment.percentEncode(queryNames[i])).append('=')
                        .append(queryValue(value, queryArguments[i]));
                separator = '&';
            }
        }
        return new TransportRequest(operation.httpMethod(), parsed(uri.toString()), headers,
                bodyIndex < 0 ? null : body(given[bodyIndex]));
    }

    /**
     * The URI of this text: the last one parsed for this method when the text is the same (calls to one account's
     * resources repeat it; parsing was a tenth of the pipeline's own time), else parsed now and remembered.
     */
    private URI parsed(String text) {
        ParsedUri last = lastUri;
        if (last != null && last.text().equals(text)) {
            return last.uri();
        }
        URI uri = URI.create(text);
        lastUri = new ParsedUri(text, uri);
        return uri;
    }

    /** A request URI's text and the URI parsed from it. */
    private record ParsedUri(String text, URI uri) {
    }

    private String pathSegment(Object[] given, int index) {
        try {
            return PathSegment.encode(String.valueOf(given[index]));
        } catch (IllegalArgumentException unsafe) {
            throw new IllegalArgumentException("argument " + (index + 1) + " of " + methodName
                    + " is a path segment (an account id or a code) and " + unsafe.getMessage() + "; nothing was sent");
        }
    }

    private String queryValue(Object value, int index) {
        try {
            return QueryValue.encode(String.valueOf(value));
        } catch (IllegalArgumentException unsafe) {
            throw new IllegalArgumentException("argument " + (index + 1) + " of " + methodName
                    + " is a query value and " + unsafe.getMessage() + "; nothing was sent");
        }
    }

    private byte[] body(Object value) {
        try {
            return bodyWriter.writeValueAsBytes(value);
        } catch (JsonProcessingException | RuntimeException unwritable) {
            throw new InvalidRequestException("The request body for " + operation + " could not be encoded as JSON ("
                    + SecretRedactor.redact(unwritable.getMessage(), null) + "). Nothing was sent.",
                    ErrorContext.forRequest(operation.httpMethod(), operation.pathTemplate()).build(), null);
        }
    }

    private static Map<String, Integer> argumentIndexes(MethodMetadata metadata) {
        Map<String, Integer> indexes = new java.util.HashMap<>();
        metadata.indexToName().forEach((index, names) -> names.forEach(name -> indexes.put(name, index)));
        return indexes;
    }

    private static int indexOf(Map<String, Integer> argumentOf, String name, Method method) {
        Integer index = argumentOf.get(name);
        if (index == null) {
            throw new IllegalArgumentException(method + ": no argument is named " + name);
        }
        return index;
    }

    private static int[] requiredArguments(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        List<Integer> required = new ArrayList<>();
        for (int index = 0; index < annotations.length; index++) {
            for (Annotation annotation : annotations[index]) {
                if (annotation instanceof jakarta.annotation.Nonnull) {
                    required.add(index);
                }
            }
        }
        return required.stream().mapToInt(Integer::intValue).toArray();
    }
}
