package io.engagive.sdk.generated;

import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.MessagesAsyncApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplateContentsAsyncApi;
import io.engagive.sdk.generated.api.TemplateLookupsApi;
import io.engagive.sdk.generated.api.TemplateLookupsAsyncApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.generated.api.TemplatesAsyncApi;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Finds a generated API method, and the spec's facts on it, by the operation's {@code operationId}. */
public final class SpecOperations {

    /** Every generated API interface, one per tag of the spec. */
    public static final List<Class<?>> APIS =
            List.of(TemplatesApi.class, TemplateLookupsApi.class, TemplateContentsApi.class, MessagesApi.class);

    /** Every generated asynchronous API interface, in the order of {@link #APIS}: the same methods, returning futures. */
    public static final List<Class<?>> ASYNC_APIS = List.of(TemplatesAsyncApi.class, TemplateLookupsAsyncApi.class,
            TemplateContentsAsyncApi.class, MessagesAsyncApi.class);

    private static final Map<String, Method> BY_ID = index();

    private SpecOperations() {
    }

    /**
     * Returns the generated method that calls an operation (not its {@code …WithHttpInfo} twin).
     *
     * @param operationId the operation's id in the spec, e.g. {@code listTemplates}
     * @return the method, when the spec has the operation
     */
    public static Optional<Method> method(String operationId) {
        return Optional.ofNullable(BY_ID.get(operationId));
    }

    /**
     * Returns the spec's facts on an operation.
     *
     * @param operationId the operation's id in the spec
     * @return its id and required permission
     * @throws IllegalArgumentException when the spec has no such operation
     */
    public static SpecOperation of(String operationId) {
        return method(operationId).map(found -> found.getAnnotation(SpecOperation.class))
                .orElseThrow(() -> new IllegalArgumentException("the spec has no operation " + operationId));
    }

    private static Map<String, Method> index() {
        Map<String, Method> byId = new TreeMap<>();
        for (Class<?> api : APIS) {
            for (Method method : api.getMethods()) {
                SpecOperation spec = method.getAnnotation(SpecOperation.class);
                if (spec != null && method.getName().equals(spec.id())) {
                    byId.put(spec.id(), method);
                }
            }
        }
        return Map.copyOf(byId);
    }
}
