package io.engagive.sdk.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * WhatsApp (Meta) failed behind the Engagive API (502): Meta's error, typed, is {@link #metaError()}
 * (its {@link MetaError#reason() reason} says whether the same request can succeed later and what
 * to do), and Meta's raw payload {@link #metaResponse()}.
 */
public final class UpstreamException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the upstream exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     */
    public UpstreamException(String message, ErrorContext context) {
        super(message, context, null);
    }

    /**
     * Returns Meta's payload from the envelope's {@code metaResponse}, when present.
     *
     * @return Meta's payload from the envelope's {@code metaResponse}, when present
     */
    public Optional<JsonNode> metaResponse() {
        return envelope().flatMap(ErrorEnvelope::metaResponse);
    }

    /**
     * Returns Meta's error, typed, with its reason and advice.
     *
     * @return Meta's error, when {@code metaResponse} holds one
     */
    public Optional<MetaError> metaError() {
        return envelope().flatMap(ErrorEnvelope::metaError);
    }

    /**
     * Whether the same request can succeed later: as Meta's error's reason says (a throughput limit
     * is transient, a template that does not exist is not); true when Meta sent no error or one the
     * table does not know. A send is never retried automatically either way.
     *
     * @return whether a later attempt can succeed
     */
    @Override
    public boolean isTransient() {
        return metaError().map(error -> error.reason().isTransient()).orElse(true);
    }
}
