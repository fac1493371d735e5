package io.engagive.sdk.internal.jdk;

import io.engagive.sdk.internal.http.Watchdog;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response body in which every wait for more bytes is bounded: by the read timeout (a body that stops flowing) and
 * by the call's deadline (a body that trickles). When either passes, or the caller cancels the attempt, the exchange
 * is cancelled, which closes its connection, and the read fails with a {@link TransportTimeoutException} (an
 * {@link InterruptedIOException} when cancelled).
 *
 * <p>Its first {@value #WHOLE_BYTES} bytes are taken as java.net.http delivers them, before {@code send} returns, so
 * a small body costs its caller one wake-up, like {@code ofByteArray}; a {@link Watchdog} bounds that wait. The rest
 * of a larger body is read as a stream, each wait bounded by the read timeout and the deadline.
 */
final class TimedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream>, Watchdog.Watched {

    private static final List<ByteBuffer> END = List.of();
    private static final Object CANCELLED = new Object();

    /**
     * How many parts of the body java.net.http may deliver ahead of the reader: enough that a small body arrives
     * whole in the pass that parsed its headers, few enough (each part is at most java.net.http's buffer size) that an
     * endless body cannot pile up.
     */
    private static final int PARTS_AHEAD = 4;

    /** How much of a body is taken before {@code send} returns. */
    static final int WHOLE_BYTES = 1024 * 1024;

    private final TransportCall call;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final CompletableFuture<InputStream> ready = new CompletableFuture<>();
    private final long readTimeoutNanos;
    private volatile long lastArrivalNanos = System.nanoTime();
    private long bytesTaken;
    private final AtomicInteger prepaid = new AtomicInteger();
    private Iterator<ByteBuffer> buffers = END.iterator();
    private ByteBuffer current;
    private boolean finished;
    private boolean closed;

    TimedBody(TransportCall call, Watchdog watch) {
        this.call = Objects.requireNonNull(call, "call");
        this.readTimeoutNanos = call.readTimeout().toNanos();
        call.onCancel(() -> {
            arrived.add(CANCELLED);
            ready.complete(this);
            cancel();
        });
        watch.watch(this);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return ready;
    }

    @Override
    public boolean settled() {
        return ready.isDone();
    }

    /** Stops a body still being taken whose server went quiet for a read timeout, or whose deadline passed. */
    @Override
    public void check(long nowNanos) {
        if (ready.isDone()) {
            return;
        }
        boolean late = call.deadlinePassed();
        long quiet = nowNanos - lastArrivalNanos;
        if (late || quiet >= readTimeoutNanos) {
            // queued before the exchange is cancelled: cancelling makes java.net.http report its own failure, which
            // the reader must find only after the reason it was stopped for
            arrived.add(late ? TransportTimeoutException.deadline(true)
                    : TransportTimeoutException.read(TimeUnit.NANOSECONDS.toMillis(quiet)));
            ready.complete(this);
            cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        if (!subscription.complete(given)) {
            given.cancel();
            return;
        }
        given.request(PARTS_AHEAD);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastArrivalNanos = System.nanoTime();
        arrived.add(items);
        if (!ready.isDone()) {
            for (ByteBuffer item : items) {
                bytesTaken += item.remaining();
            }
            if (bytesTaken >= WHOLE_BYTES) {
                ready.complete(this);
            } else {
                prepaid.incrementAndGet();
                subscription.join().request(1);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
        ready.complete(this);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
        ready.complete(this);
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
            next = arrived.poll();
            if (next == null) {
                next = arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
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
        if (prepaid.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            subscription.join().request(1);
        }
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
