package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.DefaultContract;
import feign.MethodMetadata;
import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.transport.HttpTransport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Puts the client together from its settings, and is the one place the call pipeline is composed:
 * call events → retry → token interceptor → envelope decoding ⇒ exchange logging → the transport. A client derived
 * with other per-call settings shares the transport (and its connection pool), the mapper and the token guard.
 */
public final class ClientAssembly {

    /** What every client derived from one builder shares. */
    private record Shared(HttpTransport transport, ObjectMapper mapper, TokenGuard guard,
            Map<Class<?>, Map<Method, MethodMetadata>> contracts, Watchdog deadlines, AsyncThreads asyncThreads) {
    }

    private final ClientSettings settings;
    private final Shared shared;
    private final Pipeline pipeline;
    private final AsyncPipeline asyncPipeline;

    /**
     * Assembles the parts every API of one client shares.
     *
     * @param settings the client's settings
     */
    public ClientAssembly(ClientSettings settings) {
        this(settings, new Shared(settings.transport(), ApiClient.newObjectMapper(),
                new TokenGuard(settings.tokenProvider(), settings.clock(), settings.expiryWarning(),
                        settings.localTokenChecks()), new ConcurrentHashMap<>(), new Watchdog("engagive-deadlines"),
                new AsyncThreads()));
    }

    private ClientAssembly(ClientSettings settings, Shared shared) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        Stages stages = Stages.of(settings, shared);
        this.pipeline = compose(stages, settings, shared);
        this.asyncPipeline = new AsyncPipeline(settings.listener(), settings.timing(), stages.retry(), stages.tokens(),
                stages.decoding(), pipeline, shared.transport());
    }

    /** The call pipeline's stages, which the asynchronous view drives too. */
    private record Stages(CallEventsStage events, RetryStage retry, TokenInterceptor tokens,
            EnvelopeDecoding decoding) {

        static Stages of(ClientSettings settings, Shared shared) {
            ErrorClassifier classifier = new ErrorClassifier(shared.mapper(), settings.baseUrl().path(),
                    settings.clock());
            return new Stages(new CallEventsStage(settings.listener(), settings.timing()),
                    new RetryStage(settings.retryPolicy(), settings.timing(),
                            shared.transport().resendsIdempotentRequests()),
                    new TokenInterceptor(shared.guard()),
                    new EnvelopeDecoding(new EnvelopeDecoder(shared.mapper(), classifier, settings.maxResponseBytes()),
                            classifier, settings.maxErrorBodyBytes(), shared.deadlines()));
        }

        /** The stages in the order ARCHITECTURE.md lists them. */
        List<Stage> inOrder() {
            return List.of(events, retry, tokens, decoding);
        }
    }

    /** The call pipeline: the stages, then the exchange stages, then the transport. */
    private static Pipeline compose(Stages stages, ClientSettings settings, Shared shared) {
        List<ExchangeStage> exchangeStages = settings.logLevel() == HttpLogLevel.NONE ? List.of()
                : List.of(new ExchangeLogging(settings.logLevel(), settings.maxLoggedLineLength()));
        return new Pipeline(stages.inOrder(), exchangeStages, shared.transport());
    }

    /**
     * Returns the settings this assembly was made from.
     *
     * @return the settings
     */
    public ClientSettings settings() {
        return settings;
    }

    /**
     * Returns an assembly with other per-call settings over the same transport and token guard.
     *
     * @param changed the settings to use; the base URL, token provider, transport and connect timeout stay this one's
     * @return the derived assembly
     */
    public ClientAssembly with(ClientSettings changed) {
        return new ClientAssembly(changed, shared);
    }

    /**
     * Returns a proxy of one generated API that sends through this client's pipeline.
     *
     * @param api the generated interface, e.g. {@code TemplatesApi.class}
     * @param <T> its type
     * @return the proxy
     */
    public <T> T api(Class<T> api) {
        return ApiInvocationHandler.proxy(api, new ApiInvocationHandler(api.getSimpleName(), endpoints(api),
                pipeline::execute, settings.timing(), settings.readTimeout()));
    }

    /**
     * Returns a proxy of one generated asynchronous API whose calls run through this client's pipeline without a
     * waiting thread.
     *
     * @param api the generated interface, e.g. {@code TemplatesAsyncApi.class}
     * @param executor where the calls' futures complete and their work between exchanges runs, or null for the
     *     client's own threads
     * @param <T> its type
     * @return the proxy
     */
    public <T> T asyncApi(Class<T> api, Executor executor) {
        Executor completing = executor == null ? shared.asyncThreads() : executor;
        return ApiInvocationHandler.proxy(api, new ApiInvocationHandler(api.getSimpleName(), endpoints(api),
                call -> asyncPipeline.execute(call, completing), settings.timing(), settings.readTimeout()));
    }

    private Map<Method, ApiInvocationHandler.Endpoint> endpoints(Class<?> api) {
        Map<Method, MethodMetadata> contract = shared.contracts().computeIfAbsent(api, ClientAssembly::readContract);
        String baseUrl = settings.baseUrl().toString();
        Map<Method, ApiInvocationHandler.Endpoint> endpoints = new HashMap<>();
        contract.forEach((method, metadata) -> {
            Operation operation = Operation.of(method);
            endpoints.put(method, ApiInvocationHandler.Endpoint.of(operation,
                    RequestFactory.of(operation, method, metadata, baseUrl, shared.mapper(), settings.userAgent()),
                    method));
        });
        return Map.copyOf(endpoints);
    }

    /** Feign's reading of a generated interface, by method. */
    private static Map<Method, MethodMetadata> readContract(Class<?> api) {
        List<MethodMetadata> methods = new ArrayList<>(new DefaultContract().parseAndValidateMetadata(api));
        Map<Method, MethodMetadata> byMethod = new HashMap<>();
        methods.forEach(metadata -> byMethod.put(metadata.method(), metadata));
        return Map.copyOf(byMethod);
    }

    @Override
    public String toString() {
        return "ClientAssembly{" + pipeline + "}";
    }
}
