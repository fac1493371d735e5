package io.engagive.sdk.internal.http;

import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.io.IOException;

/** One named step between the pipeline and the transport, seeing each request as it goes out and its response. */
interface ExchangeStage {

    /**
     * Hands the request on with {@code next.exchange(request, attempt)} and returns what came back.
     *
     * @param request the request as it will be sent
     * @param attempt the attempt it belongs to
     * @param next the rest of the way to the transport
     * @return the response
     * @throws IOException when no response came
     */
    TransportResponse exchange(TransportRequest request, Attempt attempt, Pipeline.Wire next) throws IOException;
}
