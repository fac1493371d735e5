package io.engagive.sdk.internal.http;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.util.Objects;

/**
 * Turns every non-2xx response into the typed exception for its status and body, reading a
 * bounded prefix of the body; a body that cannot be read (it stalled, the connection dropped) is
 * classified by its status alone.
 */
final class EnvelopeErrorDecoder implements ErrorDecoder {

    private final ErrorClassifier classifier;
    private final int maxBodyBytes;

    /**
     * Creates the decoder.
     *
     * @param classifier turns failures into typed exceptions
     * @param maxBodyBytes how much of an error body is read
     */
    EnvelopeErrorDecoder(ErrorClassifier classifier, int maxBodyBytes) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        BoundedBody body;
        try {
            body = BoundedBody.read(response, maxBodyBytes);
        } catch (IOException unreadable) {
            body = BoundedBody.unreadable();
        }
        return classifier.fromStatus(response, body);
    }

    @Override
    public String toString() {
        return "EnvelopeErrorDecoder{maxBodyBytes=" + maxBodyBytes + "}";
    }
}
