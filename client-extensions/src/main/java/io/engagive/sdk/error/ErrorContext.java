package io.engagive.sdk.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about one failed call: the HTTP status (absent when no response came), the
 * parsed envelope, the request method and path (never the query string or the token), the
 * response's request id and a bounded preview of its body.
 */
public final class ErrorContext {

    private final Integer httpStatus;
    private final ErrorEnvelope envelope;
    private final String method;
    private final String path;
    private final String requestId;
    private final String bodyPreview;
    private final Duration retryAfter;

    private ErrorContext(Builder builder) {
        this.httpStatus = builder.httpStatus;
        this.envelope = builder.envelope;
        this.method = Objects.requireNonNull(builder.method, "method");
        this.path = Objects.requireNonNull(builder.path, "path");
        this.requestId = builder.requestId;
        this.bodyPreview = builder.bodyPreview == null ? "" : builder.bodyPreview;
        this.retryAfter = builder.retryAfter;
    }

    /**
     * Starts a context for a request.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param path the request path without query string
     * @return a builder
     */
    public static Builder forRequest(String method, String path) {
        return new Builder(method, path);
    }

    /**
     * Returns the HTTP status, absent when no response came.
     *
     * @return the HTTP status, absent when no response came
     */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Returns the parsed error envelope, when the body was one.
     *
     * @return the parsed error envelope, when the body was one
     */
    public Optional<ErrorEnvelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    /**
     * Returns the HTTP method.
     *
     * @return the HTTP method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the request path, without query string.
     *
     * @return the request path, without query string
     */
    public String path() {
        return path;
    }

    /**
     * Returns the response's request-id header, when present.
     *
     * @return the response's request-id header, when present
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Returns the start of the response body (bounded, token redacted); empty when there was none.
     *
     * @return the start of the response body (bounded, token redacted); empty when there was none
     */
    public String bodyPreview() {
        return bodyPreview;
    }

    /**
     * Returns how long the server asked to wait before retrying (its Retry-After header), when it said.
     *
     * @return how long the server asked to wait before retrying (its Retry-After header), when it said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return "ErrorContext{" + method + " " + path + ", httpStatus=" + httpStatus + ", requestId=" + requestId
                + ", envelope=" + envelope + "}";
    }

    /** Builds an {@link ErrorContext}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private Integer httpStatus;
        private ErrorEnvelope envelope;
        private String requestId;
        private String bodyPreview;
        private Duration retryAfter;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /**
         * Sets {@code httpStatus}.
         *
         * @param status the HTTP status of the response
         * @return this builder
         */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /**
         * Sets {@code envelope}.
         *
         * @param parsed the parsed envelope, or null
         * @return this builder
         */
        public Builder envelope(ErrorEnvelope parsed) {
            this.envelope = parsed;
            return this;
        }

        /**
         * Sets {@code requestId}.
         *
         * @param id the response's request id, or null
         * @return this builder
         */
        public Builder requestId(String id) {
            this.requestId = id;
            return this;
        }

        /**
         * Sets {@code bodyPreview}.
         *
         * @param preview the bounded, redacted start of the body
         * @return this builder
         */
        public Builder bodyPreview(String preview) {
            this.bodyPreview = preview;
            return this;
        }

        /**
         * Sets {@code retryAfter}.
         *
         * @param wait the server's Retry-After, or null
         * @return this builder
         */
        public Builder retryAfter(Duration wait) {
            this.retryAfter = wait;
            return this;
        }

        /**
         * Returns the context.
         *
         * @return the context
         */
        public ErrorContext build() {
            return new ErrorContext(this);
        }
    }
}
