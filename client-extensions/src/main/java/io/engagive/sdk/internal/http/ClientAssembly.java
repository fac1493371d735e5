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
 * Puts the client together from its settings: one pooled java.net.http client, the transport, the
 * envelope decoders, the token guard and the invocation handler around every generated API.
 */
public final class ClientAssembly {

    private final ClientSettings settings;
    private final Feign.Builder feign;

    /**
     * Assembles the parts every API of one client shares.
     *
     * @param settings the client's settings
     */
    public ClientAssembly(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ObjectMapper mapper = ApiClient.newObjectMapper();
        OperationLookup operations = new OperationLookup();
        TokenGuard guard = new TokenGuard(settings.tokenProvider(), settings.clock(), settings.expiryWarning(),
                settings.localTokenChecks());
        ErrorClassifier classifier = new ErrorClassifier(mapper, settings.baseUrl().path(), settings.clock());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(settings.baseUrl().isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        this.feign = Feign.builder()
                .client(new JdkHttpTransport(http, settings.logLevel(), settings.maxLoggedLineLength()))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new EnvelopeDecoder(mapper, classifier, settings.maxResponseBytes()))
                .errorDecoder(new EnvelopeErrorDecoder(classifier, settings.maxErrorBodyBytes()))
                .retryer(Retryer.NEVER_RETRY)
                .invocationHandlerFactory((target, dispatch) -> new ApiInvocationHandler(
                        new DefaultInvocationHandlerFactory().create(target, dispatch), target.type().getSimpleName(),
                        operations, guard, settings.retryPolicy(), settings.connectTimeout(), settings.readTimeout(),
                        settings.timing()));
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
