package io.engagive.sdk;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplateLookupsApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.internal.http.ClientAssembly;
import io.engagive.sdk.internal.http.ClientSettings;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Engagive API client: build it once, share it across threads, and call its typed APIs; every
 * failure surfaces as an {@link io.engagive.sdk.error.EngagiveException}.
 *
 * <pre>{@code
 * EngagiveClient engagive = EngagiveClient.builder().tokenProvider(TokenProvider.fromEnvironment()).build();
 * TemplateListResponse templates = engagive.templates().listTemplates("1", "order");
 * }</pre>
 */
public final class EngagiveClient {

    /** The base URL the spec declares: Engagive's stage environment. */
    public static final String DEFAULT_BASE_URL = ApiClient.DEFAULT_BASE_PATH;

    private final ClientAssembly assembly;
    private final AtomicReference<TemplatesApi> templates = new AtomicReference<>();
    private final AtomicReference<TemplateLookupsApi> templateLookups = new AtomicReference<>();
    private final AtomicReference<TemplateContentsApi> templateContents = new AtomicReference<>();
    private final AtomicReference<MessagesApi> messages = new AtomicReference<>();
    private final AtomicReference<EngagiveAsyncClient> async = new AtomicReference<>();

    EngagiveClient(ClientAssembly assembly) {
        this.assembly = assembly;
    }

    /**
     * Returns the asynchronous view of this client: the same APIs returning {@code CompletableFuture}s, completed on
     * the client's own daemon threads ({@code engagive-async-N}, at most 64).
     *
     * @return the asynchronous view, sharing everything with this client (made on first use, so a client that never
     *     goes async loads none of it)
     */
    public EngagiveAsyncClient async() {
        EngagiveAsyncClient view = async.get();
        return view != null ? view : once(async, () -> new EngagiveAsyncClient(assembly, null));
    }

    /**
     * Returns an asynchronous view whose futures complete on the given executor: your callbacks, the decoding of each
     * answer and the start of each retry run there (and the exchanges themselves, for a transport that can only
     * block). {@code Runnable::run} completes them on the thread that finished the exchange, which may be the
     * transport's own.
     *
     * @param executor where the calls complete
     * @return the asynchronous view, sharing everything else with this client
     */
    public EngagiveAsyncClient async(Executor executor) {
        return new EngagiveAsyncClient(assembly, Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Returns a client for the calls that need other options (a longer read timeout, no retries),
     * sharing this one's connection pool, token provider and everything else.
     *
     * <pre>{@code
     * engagive.withOptions(options -> options.readTimeout(Duration.ofMinutes(2)).retryPolicy(RetryPolicy.none()))
     *         .templates().listTemplates("1", null);
     * }</pre>
     *
     * @param change sets the options that differ
     * @return the derived client; this one is unchanged
     */
    public EngagiveClient withOptions(Consumer<CallOptions> change) {
        CallOptions options = new CallOptions();
        change.accept(options);
        ClientSettings now = assembly.settings();
        return new EngagiveClient(assembly.with(new ClientSettings(now.baseUrl(), now.connectTimeout(),
                options.readTimeoutOr(now.readTimeout()), now.tokenProvider(), options.retryPolicyOr(now.retryPolicy()),
                now.logLevel(), now.clock(), now.expiryWarning(), now.localTokenChecks(),
                options.maxResponseBytesOr(now.maxResponseBytes()), now.maxErrorBodyBytes(), now.maxLoggedLineLength(),
                now.timing(), now.userAgent(), now.listener(), now.transport())));
    }

    /**
     * Returns a builder with the documented defaults.
     *
     * @return a builder with the documented defaults
     */
    public static EngagiveClientBuilder builder() {
        return new EngagiveClientBuilder();
    }

    /**
     * Returns the templates API: list and get templates (permission "WhatsApp Templates — View").
     *
     * @return list and get templates (permission "WhatsApp Templates — View")
     */
    public TemplatesApi templates() {
        TemplatesApi api = templates.get();
        return api != null ? api : once(templates, () -> assembly.api(TemplatesApi.class));
    }

    /**
     * Returns the template lookups API: categories and their options (permission "WhatsApp Templates — View").
     *
     * @return category and option lookups (permission "WhatsApp Templates — View")
     */
    public TemplateLookupsApi templateLookups() {
        TemplateLookupsApi api = templateLookups.get();
        return api != null ? api : once(templateLookups, () -> assembly.api(TemplateLookupsApi.class));
    }

    /**
     * Returns the template contents API: a template's language versions (permission "WhatsApp Templates — View").
     *
     * @return template contents and their languages (permission "WhatsApp Templates — View")
     */
    public TemplateContentsApi templateContents() {
        TemplateContentsApi api = templateContents.get();
        return api != null ? api : once(templateContents, () -> assembly.api(TemplateContentsApi.class));
    }

    /**
     * Returns the messages API: sends, never retried once they may have reached the server (permission "WhatsApp Chats — Add").
     *
     * @return message sends, never retried once they may have reached the server (permission "WhatsApp Chats — Add")
     */
    public MessagesApi messages() {
        MessagesApi api = messages.get();
        return api != null ? api : once(messages, () -> assembly.api(MessagesApi.class));
    }

    /**
     * Makes an API's proxy or the async view on its first use (a client loads only what it calls), the same one ever
     * after; called only when {@code made} is still empty, so the hot path allocates nothing.
     */
    private static <T> T once(AtomicReference<T> made, Supplier<T> make) {
        made.compareAndSet(null, make.get());
        return made.get();
    }

    @Override
    public String toString() {
        ClientSettings settings = assembly.settings();
        return "EngagiveClient{baseUrl=" + settings.baseUrl() + ", connectTimeout=" + settings.connectTimeout()
                + ", readTimeout=" + settings.readTimeout() + ", tokenProvider=" + settings.tokenProvider()
                + ", localTokenChecks=" + settings.localTokenChecks() + ", retryPolicy=" + settings.retryPolicy()
                + ", logLevel=" + settings.logLevel() + "}";
    }
}
