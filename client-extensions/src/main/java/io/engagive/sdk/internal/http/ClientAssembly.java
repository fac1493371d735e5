package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.DefaultInvocationHandlerFactory;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.internal.auth.TokenGuard;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * Puts the client together from its settings: one pooled java.net.http client (or the caller's own), the transport, the
 * envelope decoders, the token guard and the invocation handler around every generated API. A
 * client derived with other per-call settings shares the connection pool and the token guard.
 */
public final class ClientAssembly {

    /** What every client derived from one builder shares: the connection pool, the mapper, the token guard. */
    private record Shared(HttpClient http, ProxyCredentials proxyCredentials, ObjectMapper mapper, TokenGuard guard,
            OperationLookup operations) {
    }

    private final ClientSettings settings;
    private final Shared shared;
    private final Feign.Builder feign;

    /**
     * Assembles the parts every API of one client shares.
     *
     * @param settings the client's settings
     */
    public ClientAssembly(ClientSettings settings) {
        this(settings, new Shared(settings.network().httpClient(settings.baseUrl().isHttps(),
                settings.connectTimeout()), settings.network().proxyCredentials(), ApiClient.newObjectMapper(), new TokenGuard(settings.tokenProvider(), settings.clock(),
                settings.expiryWarning(), settings.localTokenChecks()), new OperationLookup()));
    }

    private ClientAssembly(ClientSettings settings, Shared shared) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        ErrorClassifier classifier = new ErrorClassifier(shared.mapper(), settings.baseUrl().path(), settings.clock());
        this.feign = Feign.builder()
                .client(new JdkHttpTransport(shared.http(), settings.logLevel(), settings.maxLoggedLineLength(),
                        settings.userAgent(), shared.proxyCredentials()))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .encoder(new JacksonEncoder(shared.mapper()))
                .decoder(new EnvelopeDecoder(shared.mapper(), classifier, settings.maxResponseBytes()))
                .errorDecoder(new EnvelopeErrorDecoder(classifier, settings.maxErrorBodyBytes()))
                .retryer(Retryer.NEVER_RETRY)
                .invocationHandlerFactory((target, dispatch) -> new ApiInvocationHandler(
                        new DefaultInvocationHandlerFactory().create(target, dispatch), target.type().getSimpleName(),
                        shared.operations(), shared.guard(), settings.retryPolicy(), settings.connectTimeout(),
                        settings.readTimeout(), settings.timing(), settings.listener()));
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
     * Returns an assembly with other per-call settings over the same connection pool and token guard.
     *
     * @param changed the settings to use; the base URL, token provider and connect timeout stay this one's
     * @return the derived assembly
     */
    public ClientAssembly with(ClientSettings changed) {
        return new ClientAssembly(changed, shared);
    }

    /**
     * Returns a proxy of one generated API that sends through this client.
     *
     * @param api the generated interface, e.g. {@code TemplatesApi.class}
     * @param <T> its type
     * @return the proxy
     */
    public <T> T api(Class<T> api) {
        return feign.target(api, settings.baseUrl().toString());
    }
}
