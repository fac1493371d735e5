package io.engagive.sdk;

import io.engagive.sdk.generated.api.MessagesAsyncApi;
import io.engagive.sdk.generated.api.TemplateContentsAsyncApi;
import io.engagive.sdk.generated.api.TemplateLookupsAsyncApi;
import io.engagive.sdk.generated.api.TemplatesAsyncApi;
import io.engagive.sdk.internal.http.ClientAssembly;
import java.util.concurrent.Executor;

/**
 * The asynchronous view of an {@link EngagiveClient}: the same APIs, each method returning at once with a
 * {@link java.util.concurrent.CompletableFuture}, over the same connections, token provider, retry policy, deadline,
 * listener and logging. Every promise of the blocking client holds: an unusable token fails the future with nothing
 * sent, the deadline covers the whole call with the waits between attempts scheduled (no thread sleeps), a message send
 * is never resent once it may have reached the server, and cancelling the future aborts the exchange and frees its
 * connection.
 *
 * <p>A failed call's future fails with the same typed {@link io.engagive.sdk.error.EngagiveException} the blocking
 * call throws: {@code exceptionally}/{@code handle}/{@code whenComplete} see it as it is, {@code join()} throws it
 * wrapped in a {@link java.util.concurrent.CompletionException} and {@code get()} in an
 * {@link java.util.concurrent.ExecutionException} (its {@code getCause()} in both). An argument that cannot be sent
 * as written is refused at once with an {@link IllegalArgumentException}, as by the blocking client.
 *
 * <p>The futures complete on the view's executor — the client's own {@code engagive-async-N} daemon threads unless
 * {@link EngagiveClient#async(Executor)} names another — so callbacks never run on a transport's I/O thread; a call
 * refused before anything is sent returns an already-failed future.
 *
 * <pre>{@code
 * engagive.async().templates().listTemplates("1", "order")
 *         .thenAccept(list -> System.out.println(list.getData().size() + " templates"));
 * }</pre>
 */
public final class EngagiveAsyncClient {

    private final TemplatesAsyncApi templates;
    private final TemplateLookupsAsyncApi templateLookups;
    private final TemplateContentsAsyncApi templateContents;
    private final MessagesAsyncApi messages;

    EngagiveAsyncClient(ClientAssembly assembly, Executor executor) {
        this.templates = assembly.asyncApi(TemplatesAsyncApi.class, executor);
        this.templateLookups = assembly.asyncApi(TemplateLookupsAsyncApi.class, executor);
        this.templateContents = assembly.asyncApi(TemplateContentsAsyncApi.class, executor);
        this.messages = assembly.asyncApi(MessagesAsyncApi.class, executor);
    }

    /**
     * Returns the templates API, asynchronously (permission "WhatsApp Templates — View").
     *
     * @return list and get templates
     */
    public TemplatesAsyncApi templates() {
        return templates;
    }

    /**
     * Returns the template lookups API, asynchronously (permission "WhatsApp Templates — View").
     *
     * @return category and option lookups
     */
    public TemplateLookupsAsyncApi templateLookups() {
        return templateLookups;
    }

    /**
     * Returns the template contents API, asynchronously (permission "WhatsApp Templates — View").
     *
     * @return template contents and their languages
     */
    public TemplateContentsAsyncApi templateContents() {
        return templateContents;
    }

    /**
     * Returns the messages API, asynchronously: sends, never resent once they may have reached the server
     * (permission "WhatsApp Chats — Add").
     *
     * @return message sends
     */
    public MessagesAsyncApi messages() {
        return messages;
    }

    @Override
    public String toString() {
        return "EngagiveAsyncClient{" + templates + "}";
    }
}
