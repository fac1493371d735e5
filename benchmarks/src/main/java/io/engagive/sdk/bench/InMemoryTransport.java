package io.engagive.sdk.bench;

import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A transport that answers every request 200 with the same body from memory: the pipeline's cost without a wire. */
final class InMemoryTransport implements HttpTransport {

    private final byte[] body;
    private final Map<String, List<String>> headers;

    InMemoryTransport(byte[] body) {
        this.body = body.clone();
        TreeMap<String, List<String>> fixed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fixed.put("Content-Type", List.of("application/json"));
        fixed.put("Content-Length", List.of(Integer.toString(body.length)));
        this.headers = fixed;
    }

    @Override
    public TransportResponse execute(TransportRequest request, TransportCall call) {
        return new TransportResponse(200, headers, new ByteArrayInputStream(body));
    }
}
