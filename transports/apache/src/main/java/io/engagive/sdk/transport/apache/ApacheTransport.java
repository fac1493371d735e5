package io.engagive.sdk.transport.apache;

import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's transport over Apache HttpClient 5 (classic): each attempt one exchange on the calling thread, every
 * wait for the server bounded by the response timeout (the read timeout, cut to what is left of the deadline) and the
 * whole exchange by the client's deadline (the pipeline cancels the exchange when it passes); never retried, never
 * redirected.
 *
 * <pre>{@code
 * EngagiveClient engagive = EngagiveClient.builder().transport(ApacheTransport.create()).build();
 * }</pre>
 */
public final class ApacheTransport implements HttpTransport {

    /** Headers HttpClient sets itself from the request and its entity. */
    private static final Set<String> SET_BY_HTTPCLIENT = Set.of("host", "content-length", "connection",
            "transfer-encoding", "content-type");

    private final CloseableHttpClient client;

    ApacheTransport(CloseableHttpClient client) {
        this.client = client;
    }

    /**
     * Returns a transport with its own connection pool and the defaults: 10 s to connect, no proxy, the JVM's TLS
     * trust.
     *
     * @return the transport
     */
    public static ApacheTransport create() {
        return builder().build();
    }

    /**
     * Returns a builder for a transport with its own connection pool.
     *
     * @return the builder
     */
    public static ApacheTransportBuilder builder() {
        return new ApacheTransportBuilder();
    }

    /**
     * Returns a transport over an HttpClient of the caller's own, after checking it keeps the client's promises.
     *
     * @param client the caller's client, built with {@code disableAutomaticRetries()} and
     *     {@code disableRedirectHandling()}
     * @return the transport
     * @throws IllegalArgumentException when the client retries by itself (a send could be delivered twice) or follows
     *     redirects (the token would follow them), or when that cannot be told
     */
    public static ApacheTransport of(CloseableHttpClient client) {
        Objects.requireNonNull(client, "client");
        List<String> handlers = execChainOf(client);
        List<String> broken = new ArrayList<>();
        if (handlers.stream().anyMatch(name -> name.endsWith("HttpRequestRetryExec"))) {
            broken.add("disableAutomaticRetries(): HttpClient would resend a request after an I/O error or a 503, "
                    + "which may deliver a message twice");
        }
        if (handlers.stream().anyMatch(name -> name.endsWith("RedirectExec"))) {
            broken.add("disableRedirectHandling(): a redirect would carry the token wherever it points");
        }
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("This HttpClient cannot carry Engagive calls safely; build it with "
                    + String.join(" and ", broken));
        }
        return new ApacheTransport(client);
    }

    /** The classes of the client's execution chain, read reflectively: HttpClient has no public view of it. */
    private static List<String> execChainOf(CloseableHttpClient client) {
        List<String> names = new ArrayList<>();
        try {
            Object element = field(client, "execChain");
            while (element != null) {
                Object handler = field(element, "handler");
                if (handler != null) {
                    names.add(handler.getClass().getName());
                }
                element = field(element, "next");
            }
            return names;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            throw new IllegalArgumentException("Cannot tell whether this HttpClient (" + client.getClass().getName()
                    + ") retries or follows redirects; configure one with ApacheTransport.builder() instead", unreadable);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Override
    public TransportResponse execute(TransportRequest request, TransportCall attempt) throws IOException {
        Duration wait;
        try {
            wait = attempt.nextWait();
        } catch (TransportTimeoutException late) {
            throw TransportTimeoutException.deadline(false);
        }
        HttpUriRequestBase exchange = apacheRequest(request, wait);
        attempt.onCancel(exchange::cancel);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, exchange, HttpClientContext.create());
        } catch (IOException failed) {
            throw translate(failed);
        }
        HttpEntity entity = response.getEntity();
        InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        return new TransportResponse(response.getCode(), new ApacheHeaders(response), new ApacheBody(body, response));
    }

    private static HttpUriRequestBase apacheRequest(TransportRequest request, Duration wait) {
        HttpUriRequestBase exchange = new HttpUriRequestBase(request.method(), request.uri());
        String contentType = null;
        for (TransportRequest.Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if ("content-type".equals(name)) {
                contentType = header.value();
            }
            if (!SET_BY_HTTPCLIENT.contains(name)) {
                exchange.addHeader(header.name(), header.value());
            }
        }
        if (request.hasBody() || !"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            exchange.setEntity(new ByteArrayEntity(request.body(),
                    contentType == null ? null : ContentType.parse(contentType)));
        }
        Timeout timeout = Timeout.of(wait.toNanos(), TimeUnit.NANOSECONDS);
        exchange.setConfig(RequestConfig.custom()
                .setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .setRedirectsEnabled(false)
                .build());
        return exchange;
    }

    /**
     * A connect that timed out sent nothing, which HttpClient says with its own exception; every other failure goes to
     * the pipeline as it is (it takes a failure after the deadline as the deadline, a socket timeout as the read
     * timeout).
     */
    private static IOException translate(IOException failed) {
        return failed instanceof ConnectTimeoutException ? TransportTimeoutException.connect() : failed;
    }

    @Override
    public String toString() {
        return "ApacheTransport{" + client.getClass().getSimpleName() + "}";
    }

}
