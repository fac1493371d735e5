package io.engagive.sdk.internal.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The front of every generated API: turns a method call into a {@link Call} — arguments checked and the request
 * encoded once, before anything is sent — and runs it through the {@link Pipeline}. Only
 * {@link io.engagive.sdk.error.EngagiveException}s (or {@link IllegalArgumentException} for an argument that cannot
 * be sent as written) leave it.
 */
final class ApiInvocationHandler implements InvocationHandler {

    /**
     * What is worked out once per generated method.
     *
     * @param operation what the spec says of it
     * @param requests encodes its arguments
     * @param decoded the type its answer decodes into (for a future, the future's type argument)
     */
    record Endpoint(Operation operation, RequestFactory requests, Type decoded) {

        /** Works out the decoded type from the method's return type. */
        static Endpoint of(Operation operation, RequestFactory requests, Method method) {
            Type returned = method.getGenericReturnType();
            Type decoded = returned instanceof ParameterizedType future
                    && future.getRawType() == CompletableFuture.class ? future.getActualTypeArguments()[0] : returned;
            return new Endpoint(operation, requests, decoded);
        }
    }

    private final String apiName;
    private final Map<Method, Endpoint> endpoints;
    private final Function<Call, Object> runner;
    private final Timing timing;
    private final Duration readTimeout;

    /**
     * Creates the handler of one API.
     *
     * @param apiName the interface's simple name
     * @param endpoints its methods
     * @param runner runs its calls: the blocking pipeline, or the async pipeline on its executor
     * @param timing the clock
     * @param readTimeout the read timeout
     */
    ApiInvocationHandler(String apiName, Map<Method, Endpoint> endpoints, Function<Call, Object> runner,
            Timing timing, Duration readTimeout) {
        this.apiName = apiName;
        this.endpoints = endpoints;
        this.runner = runner;
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
        Call call = new Call(endpoint.operation(), endpoint.requests().create(args), endpoint.decoded(), timing,
                readTimeout);
        return runner.apply(call);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Engagive " + apiName;
        };
    }
}
