package io.engagive.sdk.internal.jdk;

import io.engagive.sdk.internal.http.Watchdog;
import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The transport over one shared, pooled, keep-alive {@link HttpClient}: each request sent once on the calling thread,
 * the response headers awaited at most {@link TransportCall#nextWait()} (java.net.http's request timeout, connecting
 * included) and every wait for body bytes bounded the same way by {@link TimedBody} (and a {@link Watchdog} while
 * {@code send} takes the first part of the body). A proxy's 407 is answered here
 * (its request never reached the API), never by java.net.http's authenticator.
 */
final class JdkHttpTransport implements HttpTransport {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private final HttpClient http;
    private final ProxyCredentials proxyCredentials;
    private final Watchdog stallWatch = new Watchdog("engagive-body-watch");

    /**
     * Whether {@code sendAsync} completes without starting a thread: java.net.http hands every completion of
     * {@code sendAsync} to {@code CompletableFuture}'s default executor, which is the common pool only when its
     * parallelism is above one (three CPUs or more), else a new thread per task.
     */
    private final boolean sendAsyncStartsNoThread =
            new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool;

    /**
     * Creates the transport.
     *
     * @param http the shared JDK client (its connect timeout, proxy and TLS apply; it never follows redirects)
     * @param proxyCredentials answers a proxy's 407, or null
     */
    JdkHttpTransport(HttpClient http, ProxyCredentials proxyCredentials) {
        this.http = http;
        this.proxyCredentials = proxyCredentials;
    }

    @Override
    public TransportResponse execute(TransportRequest request, TransportCall call) throws IOException {
        String proxyAuthorization = proxyCredentials == null ? null
                : proxyCredentials.remembered(request.uri()).orElse(null);
        HttpResponse<InputStream> response = send(request, proxyAuthorization, call);
        if (response.statusCode() == PROXY_AUTHENTICATION_REQUIRED && proxyCredentials != null) {
            Optional<String> answer = proxyCredentials.answer(request.uri(), proxyAuthorization,
                    response.headers().firstValue("Proxy-Authenticate").orElse(null));
            if (answer.isPresent()) {
                bodyOf(response).close();
                response = send(request, answer.get(), call);
            }
        }
        return new TransportResponse(response.statusCode(), response.headers().map(), bodyOf(response));
    }

    /**
     * Sends with {@code sendAsync}: no thread waits for the network. The future completes as soon as the body's first
     * {@value TimedBody#WHOLE_BYTES} bytes (or all of it) have arrived — from the body handler, not from
     * {@code sendAsync}'s own future, which java.net.http completes through {@code CompletableFuture}'s default
     * executor (a new thread per call on machines with fewer than three CPUs); a body within that is then read on
     * {@code blocking} without waiting (a larger one's rest is read there, each wait bounded as for
     * {@link #execute}). Cancelling the attempt before the headers cancels the exchange, after them the body. Where
     * {@code sendAsync} would start a thread per call (fewer than three CPUs), and for a proxy that asks for
     * credentials, the exchange is {@link #execute}d on {@code blocking} instead.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request, TransportCall call,
            IntUnaryOperator bodyLimit, Executor blocking) {
        if (proxyCredentials != null || !sendAsyncStartsNoThread) {
            return HttpTransport.super.executeAsync(request, call, bodyLimit, blocking);
        }
        Duration wait;
        try {
            wait = call.nextWait();
        } catch (TransportTimeoutException beforeSending) {
            return CompletableFuture.failedFuture(TransportTimeoutException.deadline(false));
        }
        CompletableFuture<TransportResponse> answered = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> exchange = new AtomicReference<>();
        call.onCancel(() -> {
            CompletableFuture<?> sending = exchange.get();
            if (sending != null) {
                sending.cancel(true);
            }
        });
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(jdkRequest(request, wait, null), info -> {
            TimedBody body = new TimedBody(call, stallWatch);
            body.getBody().whenComplete((ready, failure) -> handOver(blocking, answered, () -> new TransportResponse(
                    info.statusCode(), info.headers().map(), body).readFully(bodyLimit.applyAsInt(info.statusCode()))));
            return body;
        });
        exchange.set(sent);
        if (call.isCancelled()) {
            sent.cancel(true);
        }
        sent.whenComplete((response, failure) -> {
            if (failure != null && !answered.isDone()) {
                IOException translated = translate(failure, call, wait);
                handOver(blocking, answered, () -> {
                    throw new CompletionException(translated);
                });
            }
        });
        return answered;
    }

    /** Completes the future on the caller's executor (here when it refuses), with what the step makes or throws. */
    private static void handOver(Executor blocking, CompletableFuture<TransportResponse> answered,
            Supplier<TransportResponse> step) {
        Runnable completion = () -> {
            try {
                answered.complete(step.get());
            } catch (CompletionException failed) {
                answered.completeExceptionally(failed.getCause());
            } catch (RuntimeException failed) {
                answered.completeExceptionally(failed);
            }
        };
        try {
            blocking.execute(completion);
        } catch (RuntimeException refused) {
            completion.run();
        }
    }

    /** What {@code sendAsync} failed with, in the words of the transport contract. */
    private static IOException translate(Throwable failure, TransportCall call, Duration wait) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return TransportTimeoutException.connect();
        }
        if (cause instanceof HttpTimeoutException) {
            return call.deadlinePassed() ? TransportTimeoutException.deadline(true)
                    : TransportTimeoutException.read(wait.toMillis());
        }
        if (cause instanceof CancellationException) {
            return call.deadlinePassed() ? TransportTimeoutException.deadline(true)
                    : new InterruptedIOException("the call was cancelled");
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException("java.net.http failed: " + cause.getClass().getName(), cause);
    }

    /** java.net.http resends an idempotent request by itself when its connection closes before any response byte. */
    @Override
    public boolean resendsIdempotentRequests() {
        return true;
    }

    /** The body, or an empty one for a proxy's answer to {@code CONNECT}, which has none. */
    private static InputStream bodyOf(HttpResponse<InputStream> response) {
        return response.body() == null ? InputStream.nullInputStream() : response.body();
    }

    /** Sends once; a proxy's 407 comes back as a response, its request never having reached the API. */
    private HttpResponse<InputStream> send(TransportRequest request, String proxyAuthorization, TransportCall call)
            throws IOException {
        Duration wait;
        try {
            wait = call.nextWait();
        } catch (TransportTimeoutException beforeSending) {
            throw TransportTimeoutException.deadline(false);
        }
        try {
            return http.send(jdkRequest(request, wait, proxyAuthorization), info -> new TimedBody(call, stallWatch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Engagive API");
        } catch (HttpConnectTimeoutException e) {
            throw TransportTimeoutException.connect();
        } catch (HttpTimeoutException e) {
            throw call.deadlinePassed() ? TransportTimeoutException.deadline(true)
                    : TransportTimeoutException.read(wait.toMillis());
        }
    }

    private static HttpRequest jdkRequest(TransportRequest request, Duration wait, String proxyAuthorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(wait);
        for (TransportRequest.Header header : request.headers()) {
            if (!RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
                builder.header(header.name(), header.value());
            }
        }
        if (proxyAuthorization != null) {
            builder.header("Proxy-Authorization", proxyAuthorization);
        }
        builder.method(request.method(), request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody());
        return builder.build();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + http.version() + "}";
    }
}
