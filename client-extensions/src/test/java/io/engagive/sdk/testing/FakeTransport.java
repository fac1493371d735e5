package io.engagive.sdk.testing;

import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory transport for the pipeline's tests: answers from a script, records every request with its attempt
 * number, and "waits" only by moving a {@link FakeTiming} on, so stalls, read timeouts and deadlines are exact and
 * instant. No socket, no thread, no sleep.
 */
public final class FakeTransport implements HttpTransport {

    /** How the fake answers one request. */
    @FunctionalInterface
    public interface Answer {
        /**
         * Answers.
         *
         * @param request what the pipeline sent
         * @param call the attempt's timing
         * @param timing the clock a stall moves on
         * @return the response
         * @throws IOException when the exchange is to fail
         */
        TransportResponse answer(TransportRequest request, TransportCall call, FakeTiming timing) throws IOException;
    }

    /** One request the pipeline sent, with the attempt number it carried and whether it was cancelled later. */
    public record Sent(TransportRequest request, int attempt, AtomicBoolean cancelled) {
        /** Returns the first value of a request header, or null. */
        public String header(String name) {
            return request.header(name).orElse(null);
        }
    }

    private final FakeTiming timing;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final boolean resends;
    private Answer otherwise = json(404, "{\"success\":false,\"message\":\"nothing scripted\"}");

    /**
     * Creates the fake.
     *
     * @param timing the clock stalls move on
     */
    public FakeTransport(FakeTiming timing) {
        this(timing, false);
    }

    private FakeTransport(FakeTiming timing, boolean resends) {
        this.timing = timing;
        this.resends = resends;
    }

    /** Returns a fake that, like java.net.http, says it may resend idempotent requests by itself. */
    public static FakeTransport resendingIdempotent(FakeTiming timing) {
        return new FakeTransport(timing, true);
    }

    /** Answers the next requests in order. */
    public synchronized FakeTransport enqueue(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers every request once the script is used up. */
    public synchronized FakeTransport otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    /** Returns every request sent, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public TransportResponse execute(TransportRequest request, TransportCall call) throws IOException {
        AtomicBoolean cancelled = new AtomicBoolean();
        call.onCancel(() -> cancelled.set(true));
        sent.add(new Sent(request, call.attempt(), cancelled));
        Answer answer;
        synchronized (this) {
            answer = script.isEmpty() ? otherwise : script.poll();
        }
        return answer.answer(request, call, timing);
    }

    @Override
    public boolean resendsIdempotentRequests() {
        return resends;
    }

    /** A JSON answer. */
    public static Answer json(int status, String body) {
        return json(status, body, Map.of());
    }

    /** A JSON answer with more headers. */
    public static Answer json(int status, String body, Map<String, String> headers) {
        return (request, call, timing) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.put("Content-Type", List.of("application/json"));
            all.put("Content-Length", List.of(Integer.toString(bytes.length)));
            headers.forEach((name, value) -> all.put(name, List.of(value)));
            return new TransportResponse(status, all, new ByteArrayInputStream(bytes));
        };
    }

    /** The exchange fails with this exception. */
    public static Answer fails(IOException failure) {
        return (request, call, timing) -> {
            throw failure;
        };
    }

    /** The server never answers: the wait runs out (its read timeout or the deadline, whichever is first). */
    public static Answer stalls() {
        return (request, call, timing) -> {
            throw stall(call, timing);
        };
    }

    /** Headers arrive, then the body never does. */
    public static Answer stallingBody(int status) {
        return (request, call, timing) -> new TransportResponse(status, Map.of("Content-Type", List.of("application/json")),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw stall(call, timing);
                    }
                });
    }

    /** A body with no end and no declared length. */
    public static Answer endlessBody(int status) {
        return (request, call, timing) -> new TransportResponse(status, Map.of("Content-Type", List.of("application/json")),
                new InputStream() {
                    @Override
                    public int read() {
                        return '[';
                    }
                });
    }

    private static TransportTimeoutException stall(TransportCall call, FakeTiming timing)
            throws TransportTimeoutException {
        Duration wait = call.nextWait();
        timing.advance(wait);
        return call.deadlinePassed() ? TransportTimeoutException.deadline(true)
                : TransportTimeoutException.read(wait.toMillis());
    }
}
