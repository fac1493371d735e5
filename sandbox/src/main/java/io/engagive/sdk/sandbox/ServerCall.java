package io.engagive.sdk.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request on the server and the way to answer it, blocking: a whole reply, a reply cut short or
 * spread out in time, or no reply at all (the connection closed or reset). Every way ends the exchange once.
 */
final class ServerCall {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Duration keepAlive;
    private boolean ended;

    ServerCall(Request request, Response response, Callback callback, Duration keepAlive) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.keepAlive = keepAlive;
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The path as it came, percent-encoding kept. */
    String rawPath() {
        return request.getHttpURI().getPath();
    }

    /** Returns the request's protocol as on its request line: {@code HTTP/1.1} or {@code HTTP/2.0}. */
    String protocol() {
        return request.getConnectionMetaData().getHttpVersion().asString();
    }

    /** The query as it came, or null. */
    String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The request's headers by name as sent (values in order). */
    Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    /** The body's declared length, or -1 when it is not declared (chunked, or HTTP/2 without the header). */
    long declaredLength() {
        return request.getLength();
    }

    /**
     * Reads the body, at most {@code limit + 1} bytes so that a longer one is told apart without being read whole.
     *
     * @throws IOException when the client stops sending or goes away
     */
    byte[] body(int limit) throws IOException {
        InputStream in = Request.asInputStream(request);
        return in.readNBytes(limit + 1);
    }

    /**
     * Reads and throws away what is left of the body, when that is at most {@code limit} bytes, so the connection
     * can carry the next request.
     *
     * @return whether the body was read to its end
     * @throws IOException when the client stops sending or goes away
     */
    boolean discardRest(long limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) {
            return false;
        }
        InputStream in = Request.asInputStream(request);
        byte[] scratch = new byte[64 * 1024];
        long left = limit;
        for (int read = in.read(scratch); read >= 0; read = in.read(scratch)) {
            left -= read;
            if (left < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Answers in full. {@code closing} adds {@code Connection: close} (HTTP/1.1), after which the server closes the
     * connection; otherwise an HTTP/1.1 answer says how long the idle connection is kept ({@code Keep-Alive}).
     *
     * @throws IOException when the client went away
     */
    void reply(int status, Map<String, String> headers, byte[] body, boolean closing) throws IOException {
        head(status, headers, body.length, closing);
        write(true, body);
        end();
    }

    /** Answers with the headers and the first {@code sent} bytes of a body whose full length is declared, then
     *  breaks the exchange: on HTTP/1.1 the connection is closed, on HTTP/2 the stream is reset. */
    void replyCutShort(int status, Map<String, String> headers, byte[] body, int sent) throws IOException {
        head(status, headers, body.length, false);
        write(false, slice(body, 0, sent));
        fail(new IOException("the sandbox cut this answer short on purpose"));
    }

    /** Answers with the headers and the body in {@code pieces} parts, waiting {@code pause} before each but the first. */
    void replySlowly(int status, Map<String, String> headers, byte[] body, int pieces, Duration pause)
            throws IOException {
        head(status, headers, body.length, false);
        int size = Math.max(1, (body.length + pieces - 1) / pieces);
        for (int from = 0; from < body.length; from += size) {
            if (from > 0) {
                sleep(pause);
            }
            write(false, slice(body, from, Math.min(body.length, from + size)));
        }
        write(true, new byte[0]);
        end();
    }

    /**
     * Writes a whole HTTP/1.1 answer of its own bytes straight to the connection, head and body as given (so its
     * {@code Content-Length} may lie), then closes the connection. Only for HTTP/1.1; false on HTTP/2 and nothing
     * is written.
     */
    boolean replyRaw(byte[] wholeAnswer) throws IOException {
        if (request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1) {
            return false;
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        try (Blocker.Callback written = Blocker.callback()) {
            endPoint.write(written, ByteBuffer.wrap(wholeAnswer));
            written.block();
        }
        endPoint.close();
        fail(new IOException("the sandbox wrote this answer itself"));
        return true;
    }

    /** Closes the connection without an answer; with {@code reset}, as a TCP reset (RST) where the socket allows. */
    void drop(boolean reset) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint instanceof SocketChannelEndPoint socket) {
            try {
                socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // the connection is closed below either way; only the kind of close is lost
                endPoint.close(e);
            }
        }
        endPoint.close();
        fail(new IOException("the sandbox dropped this connection on purpose"));
    }

    /** Ends the exchange as failed, when nothing else has: the server then closes or resets what is left. */
    void fail(Throwable failure) {
        if (!ended) {
            ended = true;
            callback.failed(failure);
        }
    }

    /** Ends the exchange as answered, when nothing else has. */
    void end() {
        if (!ended) {
            ended = true;
            callback.succeeded();
        }
    }

    private void head(int status, Map<String, String> headers, int length, boolean closing) {
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().add(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1) {
            if (closing) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            } else {
                response.getHeaders().put(HttpHeader.KEEP_ALIVE, "timeout=" + keepAlive.toSeconds());
            }
        }
    }

    private void write(boolean last, byte[] bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] part = new byte[Math.max(0, to - from)];
        System.arraycopy(bytes, from, part, 0, part.length);
        return part;
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
