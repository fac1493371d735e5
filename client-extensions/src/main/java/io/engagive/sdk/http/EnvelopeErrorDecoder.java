package io.engagive.sdk.http;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.UnexpectedResponseException;
import java.io.IOException;
import java.util.Objects;

/** Turns every non-2xx response into the typed exception for its status and body, reading a bounded prefix of the body. */
public final class EnvelopeErrorDecoder implements ErrorDecoder {

    private final ErrorClassifier classifier;
    private final OperationLookup operations;
    private final int maxBodyBytes;

    /**
     * @param classifier turns failures into typed exceptions
     * @param operations finds the operation of a request
     * @param maxBodyBytes how much of an error body is read
     */
    public EnvelopeErrorDecoder(ErrorClassifier classifier, OperationLookup operations, int maxBodyBytes) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String method = response.request().httpMethod().name();
        String url = response.request().url();
        try {
            BoundedBody body = BoundedBody.read(response, maxBodyBytes);
            return classifier.fromStatus(response.status(), body, response.headers(), method, url,
                    operations.find(response.request()));
        } catch (IOException e) {
            return new UnexpectedResponseException("The Engagive API answered HTTP " + response.status() + " on "
                    + method + " " + classifier.relativePath(url) + " but its body could not be read ("
                    + e.getClass().getSimpleName() + ").",
                    ErrorContext.forRequest(method, classifier.relativePath(url)).httpStatus(response.status()).build(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "EnvelopeErrorDecoder{maxBodyBytes=" + maxBodyBytes + "}";
    }
}
