package io.engagive.sdk.internal.http;

import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The call pipeline: named stages in a fixed order, then exchange stages, then the transport. The links are made once
 * when the client is built, so a call allocates nothing to walk them.
 */
final class Pipeline {

    /** The rest of the pipeline, as a stage sees it. */
    interface Chain {

        /**
         * Hands the call to the next stage.
         *
         * @param call the call
         * @return the decoded answer
         */
        Object proceed(Call call);

        /**
         * Sends a request through the exchange stages and the transport.
         *
         * @param request the request as it is to be sent
         * @param attempt the attempt it belongs to
         * @return the response
         * @throws IOException when no response came
         */
        TransportResponse exchange(TransportRequest request, Attempt attempt) throws IOException;
    }

    /** The way from the last stage to the transport. */
    interface Wire {

        /**
         * Sends a request through the remaining exchange stages and the transport.
         *
         * @param request the request as it is to be sent
         * @param attempt the attempt it belongs to
         * @return the response
         * @throws IOException when no response came
         */
        TransportResponse exchange(TransportRequest request, Attempt attempt) throws IOException;
    }

    private final List<Stage> stages;
    private final List<ExchangeStage> exchangeStages;
    private final HttpTransport transport;
    private final Chain first;

    /**
     * Composes the pipeline.
     *
     * @param stages the stages, outermost first; the last one sends through the wire
     * @param exchangeStages the exchange stages, outermost first
     * @param transport what sends
     */
    Pipeline(List<Stage> stages, List<ExchangeStage> exchangeStages, HttpTransport transport) {
        this.stages = List.copyOf(stages);
        this.exchangeStages = List.copyOf(exchangeStages);
        this.transport = transport;
        Wire wire = (request, attempt) -> {
            attempt.exchanging();
            return transport.execute(request, attempt);
        };
        for (int i = this.exchangeStages.size() - 1; i >= 0; i--) {
            ExchangeStage stage = this.exchangeStages.get(i);
            Wire next = wire;
            wire = (request, attempt) -> stage.exchange(request, attempt, next);
        }
        Chain chain = new End(wire);
        for (int i = this.stages.size() - 1; i >= 0; i--) {
            chain = new Link(this.stages.get(i), chain, wire);
        }
        this.first = chain;
    }

    /**
     * Runs a call through every stage.
     *
     * @param call the call
     * @return the decoded answer
     */
    Object execute(Call call) {
        return first.proceed(call);
    }

    private record Link(Stage stage, Chain next, Wire wire) implements Chain {
        @Override
        public Object proceed(Call call) {
            return stage.proceed(call, next);
        }

        @Override
        public TransportResponse exchange(TransportRequest request, Attempt attempt) throws IOException {
            return wire.exchange(request, attempt);
        }
    }

    private record End(Wire wire) implements Chain {
        @Override
        public Object proceed(Call call) {
            throw new IllegalStateException("the pipeline's last stage must send the call, not hand it on");
        }

        @Override
        public TransportResponse exchange(TransportRequest request, Attempt attempt) throws IOException {
            return wire.exchange(request, attempt);
        }
    }

    /**
     * Runs the exchange stages over an exchange that has already happened (the asynchronous view's), so they see it
     * as they see any other: its request, then its response or failure.
     *
     * @param request the request as it was sent
     * @param attempt the attempt it belongs to
     * @param happened gives what came back, or throws how it failed
     * @return the response as the stages hand it on
     * @throws IOException when no response came
     */
    TransportResponse replay(TransportRequest request, Attempt attempt, Wire happened) throws IOException {
        Wire wire = happened;
        for (int i = exchangeStages.size() - 1; i >= 0; i--) {
            ExchangeStage stage = exchangeStages.get(i);
            Wire next = wire;
            wire = (sent, its) -> stage.exchange(sent, its, next);
        }
        return wire.exchange(request, attempt);
    }

    @Override
    public String toString() {
        return stages.stream().map(Object::toString).collect(Collectors.joining(" → ", "Pipeline{", " ⇒ "))
                + exchangeStages.stream().map(Object::toString).collect(Collectors.joining(" → "))
                + (exchangeStages.isEmpty() ? "" : " → ") + transport + "}";
    }
}
