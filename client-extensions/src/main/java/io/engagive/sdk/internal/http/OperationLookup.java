package io.engagive.sdk.internal.http;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds, and remembers, the {@link Operation} behind a generated method. */
final class OperationLookup {

    private final Map<Method, Operation> byMethod = new ConcurrentHashMap<>();

    /**
     * Of.
     *
     * @param method a generated Feign API method
     * @return its operation
     */
    public Operation of(Method method) {
        return byMethod.computeIfAbsent(method, Operation::of);
    }
}
