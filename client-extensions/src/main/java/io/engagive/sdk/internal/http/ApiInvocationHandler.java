package io.engagive.sdk.internal.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

/**
 * The front of every generated API: turns a method call into a {@link Call} — arguments checked and the request
 * encoded once, before anything is sent — and runs it through the {@link Pipeline}. Only
 * {@link io.engagive.sdk.error.EngagiveException}s (or {@link IllegalArgumentException} for an argument that cannot
 * be sent as written) leave it.
 */
final class ApiInvocationHandler implements InvocationHandler {

    /** What is worked out once per generated method. */
    record Endpoint(Operation operation, RequestFactory requests) {
    }

    private final String apiName;
    private final Map<Method, Endpoint> endpoints;
    private final Pipeline pipeline;
    private final Timing timing;
    private final Duration readTimeout;

    ApiInvocationHandler(String apiName, Map<Method, Endpoint> endpoints, Pipeline pipeline, Timing timing,
            Duration readTimeout) {
        this.apiName = apiName;
        this.endpoints = endpoints;
        this.pipeline = pipeline;
        this.timing = timing;
        this.readTimeout = readTimeout;
    }

    /**
     * Returns a proxy of one generated API whose calls run through this handler.
     *
     * @param api the generated interface
     * @param handler the handler
     * @param <T> the interface
     * @return the proxy
     */
    static <T> T proxy(Class<T> api, ApiInvocationHandler handler) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        Endpoint endpoint = endpoints.get(method);
        if (endpoint == null) {
            throw new UnsupportedOperationException(method + " is not a generated Engagive API method");
        }
        Call call = new Call(endpoint.operation(), endpoint.requests().create(args), method.getGenericReturnType(),
                timing, readTimeout);
        return pipeline.execute(call);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Engagive " + apiName;
        };
    }
}
