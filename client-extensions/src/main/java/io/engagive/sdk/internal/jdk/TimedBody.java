package io.engagive.sdk.internal.jdk;

import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream in which every wait for more bytes is bounded: by the read
 * timeout (a body that stops flowing) and by the call's deadline (a body that trickles). When
 * either passes, or the caller cancels the attempt, the exchange is cancelled, which closes its connection, and the
 * read fails with a {@link TransportTimeoutException} (an {@link InterruptedIOException} when cancelled).
 */
final class TimedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final List<ByteBuffer> END = List.of();
    private static final Object CANCELLED = new Object();

    private final TransportCall call;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private Iterator<ByteBuffer> buffers = END.iterator();
    private ByteBuffer current;
    private boolean finished;
    private boolean closed;

    TimedBody(TransportCall call) {
        this.call = Objects.requireNonNull(call, "call");
        call.onCancel(() -> {
            cancel();
            arrived.add(CANCELLED);
        });
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        if (!subscription.complete(given)) {
            given.cancel();
            return;
        }
        given.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        arrived.add(items);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        ByteBuffer buffer = nextBuffer();
        if (buffer == null) {
            return -1;
        }
        int count = Math.min(length, buffer.remaining());
        buffer.get(target, offset, count);
        return count;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    private ByteBuffer nextBuffer() throws IOException {
        if (closed) {
            throw new IOException("the response body was closed");
        }
        while (current == null || !current.hasRemaining()) {
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (finished) {
                return null;
            }
            awaitMore();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private void awaitMore() throws IOException {
        Duration wait = call.nextWait();
        Object next;
        try {
            next = arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("interrupted while reading the response body");
        }
        if (next == null) {
            cancel();
            throw call.deadlinePassed() ? TransportTimeoutException.deadline(true)
                    : TransportTimeoutException.read(wait.toMillis());
        }
        if (next == CANCELLED) {
            finished = true;
            throw new InterruptedIOException("the call was cancelled while reading the response body");
        }
        if (next instanceof Throwable failure) {
            finished = true;
            throw failure instanceof IOException io ? io : new IOException("the response body failed", failure);
        }
        List<ByteBuffer> items = (List<ByteBuffer>) next;
        if (items == END) {
            finished = true;
            return;
        }
        buffers = items.iterator();
        subscription.join().request(1);
    }

    private void cancel() {
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!finished) {
                cancel();
            }
            arrived.clear();
        }
    }
}
