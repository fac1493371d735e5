package io.engagive.sdk.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** WhatsApp (Meta) failed behind the Engagive API (502); Meta's own payload is in {@link #metaResponse()}. */
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

    @Override
    public boolean isTransient() {
        return true;
    }
}
