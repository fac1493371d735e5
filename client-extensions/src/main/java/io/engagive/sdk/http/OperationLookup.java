package io.engagive.sdk.http;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds, and remembers, the {@link Operation} behind a generated method or a request Feign built from one. */
public final class OperationLookup {

    private final Map<Method, Operation> byMethod = new ConcurrentHashMap<>();

    /**
     * @param method a generated Feign API method
     * @return its operation
     */
    public Operation of(Method method) {
        return byMethod.computeIfAbsent(method, Operation::of);
    }

    /**
     * @param request a request Feign built from a generated method
     * @return its operation
     */
    Operation find(Request request) {
        RequestTemplate template = request.requestTemplate();
        MethodMetadata metadata = template == null ? null : template.methodMetadata();
        if (metadata == null || metadata.method() == null) {
            return Operation.unknown(request.httpMethod().name(), template == null ? "" : template.path());
        }
        return of(metadata.method());
    }
}
