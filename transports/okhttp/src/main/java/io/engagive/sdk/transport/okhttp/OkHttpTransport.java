package io.engagive.sdk.transport.okhttp;

import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntUnaryOperator;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The client's transport over OkHttp: each attempt one OkHttp call on the calling thread, every read bounded by OkHttp's
 * read timeout and the whole call by the client's deadline (the pipeline cancels the call when it passes); never
 * retried by OkHttp ({@code retryOnConnectionFailure(false)}), never redirected.
 *
 * <pre>{@code
 * EngagiveClient engagive = EngagiveClient.builder().transport(OkHttpTransport.create()).build();
 * }</pre>
 */
public final class OkHttpTransport implements HttpTransport {

    private final OkHttpClient client;
    private final AtomicReference<OkHttpClient> forReadTimeout = new AtomicReference<>();
    private final OkHttpRequests requests = new OkHttpRequests();

    OkHttpTransport(OkHttpClient client) {
        this.client = client.newBuilder().eventListenerFactory(OkHttpTransport::progressOf).build();
    }

    /**
     * Returns a transport with its own connection pool and the defaults: 10 s to connect, the JVM's proxy selector and
     * TLS trust.
     *
     * @return the transport
     */
    public static OkHttpTransport create() {
        return builder().build();
    }

    /**
     * Returns a builder for a transport with its own connection pool.
     *
     * @return the builder
     */
    public static OkHttpTransportBuilder builder() {
        return new OkHttpTransportBuilder();
    }

    /**
     * Returns a transport over an OkHttp client of the caller's own (sharing its connection pool and dispatcher),
     * after checking it keeps the client's promises. The calls it carries report to the transport's own event
     * listener, which notes whether a request began to be written; an event listener set on the given client does
     * not hear them.
     *
     * @param client the caller's OkHttp client
     * @return the transport
     * @throws IllegalArgumentException naming every setting that would break a promise: following redirects (the
     *     token would follow them), retrying on connection failure (a send could be sent twice), an authenticator
     *     for the server (it would answer a 401 by resending), or interceptors (they see the token and may resend)
     */
    public static OkHttpTransport of(OkHttpClient client) {
        Objects.requireNonNull(client, "client");
        List<String> broken = new ArrayList<>();
        if (client.followRedirects() || client.followSslRedirects()) {
            broken.add("followRedirects(false) and followSslRedirects(false): a redirect would carry the token "
                    + "wherever it points");
        }
        if (client.retryOnConnectionFailure()) {
            broken.add("retryOnConnectionFailure(false): OkHttp would resend a message on a stale or dropped "
                    + "connection, which may deliver it twice");
        }
        if (client.authenticator() != Authenticator.NONE) {
            broken.add("no authenticator(...): it would answer the API's 401 by sending the request again");
        }
        if (!client.interceptors().isEmpty() || !client.networkInterceptors().isEmpty()) {
            broken.add("no interceptors: they see every request's token and may send a request again");
        }
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("This OkHttpClient cannot carry Engagive calls safely; build it with "
                    + String.join("; ", broken));
        }
        return new OkHttpTransport(client);
    }

    @Override
    public TransportResponse execute(TransportRequest request, TransportCall attempt) throws IOException {
        if (attempt.deadlinePassed()) {
            throw TransportTimeoutException.deadline(false);
        }
        WireProgress progress = new WireProgress();
        Call call = clientFor(attempt.readTimeout()).newCall(requests.builder(request).tag(WireProgress.class, progress).build());
        attempt.onCancel(call::cancel);
        Response response;
        try {
            response = call.execute();
        } catch (IOException failed) {
            throw translate(failed, progress, attempt);
        }
        return new TransportResponse(response.code(), new OkHttpHeaders(response.headers()),
                response.body().byteStream());
    }

    /**
     * Sends with OkHttp's {@code enqueue}: the exchange and the read of its body run on OkHttp's dispatcher (one of
     * its threads per call in flight, at most its {@code maxRequests}), never on the caller's; the future completes on
     * {@code blocking}.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request, TransportCall attempt,
            IntUnaryOperator bodyLimit, Executor blocking) {
        if (attempt.deadlinePassed()) {
            return CompletableFuture.failedFuture(TransportTimeoutException.deadline(false));
        }
        WireProgress progress = new WireProgress();
        Call call = clientFor(attempt.readTimeout()).newCall(requests.builder(request).tag(WireProgress.class, progress).build());
        attempt.onCancel(call::cancel);
        CompletableFuture<TransportResponse> answered = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException failure) {
                IOException translated = translate(failure, progress, attempt);
                handOver(blocking, () -> answered.completeExceptionally(translated));
            }

            @Override
            public void onResponse(Call done, Response response) {
                TransportResponse read = new TransportResponse(response.code(), new OkHttpHeaders(response.headers()),
                        response.body().byteStream()).readFully(bodyLimit.applyAsInt(response.code()));
                handOver(blocking, () -> answered.complete(read));
            }
        });
        return answered;
    }

    /** Runs the completion on the caller's executor, or here when it refuses, so the future always completes. */
    private static void handOver(Executor blocking, Runnable completion) {
        try {
            blocking.execute(completion);
        } catch (RuntimeException refused) {
            completion.run();
        }
    }

    /**
     * The client with this read timeout, sharing the pool: made once per read timeout in use (a client's calls all
     * have one), never per call. The deadline needs no OkHttp timeout: the pipeline cancels the call when it passes.
     */
    private OkHttpClient clientFor(Duration readTimeout) {
        if (client.readTimeoutMillis() == readTimeout.toMillis()) {
            return client;
        }
        OkHttpClient cached = forReadTimeout.get();
        if (cached != null && cached.readTimeoutMillis() == readTimeout.toMillis()) {
            return cached;
        }
        OkHttpClient made = client.newBuilder().readTimeout(readTimeout).build();
        forReadTimeout.set(made);
        return made;
    }

    /**
     * OkHttp's words for what failed, in the transport contract's: a cancel after the deadline is the deadline, a
     * read that timed out is the read timeout, a connect that timed out sent nothing.
     */
    private static IOException translate(IOException failed, WireProgress progress, TransportCall attempt) {
        boolean written = progress.requestStarted;
        if (failed instanceof SocketTimeoutException && !written) {
            return TransportTimeoutException.connect();
        }
        if (attempt.isCancelled() && attempt.deadlinePassed()) {
            return TransportTimeoutException.deadline(written);
        }
        if (failed instanceof SocketTimeoutException) {
            return TransportTimeoutException.read(attempt.readTimeout().toMillis());
        }
        return failed;
    }

    private static EventListener progressOf(Call call) {
        WireProgress progress = call.request().tag(WireProgress.class);
        return progress == null ? EventListener.NONE : progress;
    }

    @Override
    public String toString() {
        return "OkHttpTransport{connectTimeout=" + client.connectTimeoutMillis() + " ms}";
    }

    /** Notes whether OkHttp began to write the request, which decides whether a failure may have reached the server. */
    private static final class WireProgress extends EventListener {
        private volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(Call call) {
            requestStarted = true;
        }
    }

}
