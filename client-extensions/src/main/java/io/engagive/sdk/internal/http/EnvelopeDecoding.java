package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;

/**
 * The envelope stage, which makes the typed error envelope: sends the attempt through the wire, decodes a 2xx
 * envelope into the generated model, turns every other answer (an error status, {@code success: false}, a body that
 * is not the envelope) into its typed {@link EngagiveException}, and an I/O failure into a
 * {@link io.engagive.sdk.error.ConnectionException}. Nothing untyped leaves it. While the attempt is on the wire a
 * {@link Watchdog} cancels it once the call's deadline passes, so no transport waits past the deadline.
 */
final class EnvelopeDecoding implements Stage {

    private final EnvelopeDecoder decoder;
    private final ErrorClassifier classifier;
    private final int maxErrorBodyBytes;
    private final Watchdog deadlines;

    EnvelopeDecoding(EnvelopeDecoder decoder, ErrorClassifier classifier, int maxErrorBodyBytes, Watchdog deadlines) {
        this.decoder = decoder;
        this.classifier = classifier;
        this.maxErrorBodyBytes = maxErrorBodyBytes;
        this.deadlines = deadlines;
    }

    @Override
    public Object proceed(Call call, Pipeline.Chain next) {
        Attempt attempt = call.attempt();
        watch(attempt);
        TransportResponse response;
        try {
            response = next.exchange(attempt.request(), attempt);
        } catch (IOException failed) {
            attempt.finish();
            throw noAnswer(call, attempt, failed);
        } catch (RuntimeException unexpected) {
            attempt.finish();
            throw unexpected(unexpected, attempt, null);
        }
        return answer(call, attempt, response);
    }

    /** Watches the attempt while it is on the wire, cancelling it once the call's deadline passes. */
    void watch(Attempt attempt) {
        deadlines.watch(attempt);
    }

    /**
     * Decodes what came back for an attempt: a 2xx envelope into the generated model, anything else into its typed
     * failure; the response is closed and the attempt finished.
     *
     * @param call the call
     * @param attempt the attempt the response answers
     * @param response the response
     * @return the decoded answer
     * @throws EngagiveException the typed failure
     */
    Object answer(Call call, Attempt attempt, TransportResponse response) {
        try {
            attempt.responded(response.status(), response.headers());
            if (response.status() >= 200 && response.status() <= 299) {
                BoundedBody body = read(response, decoder.maxBodyBytes(), attempt);
                return decoder.decode(attempt, response, body, call.returnType());
            }
            throw classifier.fromStatus(attempt, response, errorBody(response, attempt));
        } catch (IOException failed) {
            throw noAnswer(call, attempt, failed);
        } catch (EngagiveException typed) {
            throw typed;
        } catch (RuntimeException unexpected) {
            throw unexpected(unexpected, attempt, response);
        } finally {
            closeQuietly(response);
            attempt.finish();
        }
    }

    /**
     * Types a failure to get an answer: the attempt is cancelled (freeing its connection) and the failure becomes a
     * {@link io.engagive.sdk.error.ConnectionException} saying whether the request may have reached the server.
     *
     * @param call the call
     * @param attempt the attempt that failed
     * @param failed what the transport reported
     * @return the typed failure
     */
    EngagiveException noAnswer(Call call, Attempt attempt, IOException failed) {
        boolean stoppedAtTheDeadline = attempt.deadlinePassed() && !(failed instanceof TransportTimeoutException);
        attempt.cancel();
        return ConnectionFailures.of(stoppedAtTheDeadline ? TransportTimeoutException.deadline(true) : failed,
                call.operation(), attempt.token());
    }

    /**
     * Returns the most body bytes this stage uses of a response with this status.
     *
     * @param status the response's status
     * @return the success limit for a 2xx, the error-body limit otherwise
     */
    int maxBodyBytes(int status) {
        return status >= 200 && status <= 299 ? decoder.maxBodyBytes() : maxErrorBodyBytes;
    }

    /** A bounded prefix of an error body; one that cannot be read is classified by its status alone. */
    private BoundedBody errorBody(TransportResponse response, Attempt attempt) {
        try {
            return read(response, maxErrorBodyBytes, attempt);
        } catch (IOException unreadable) {
            attempt.cancel();
            return BoundedBody.unreadable();
        }
    }

    /**
     * Reads at most {@code limit} bytes; a body with more is abandoned, so the attempt is cancelled and the transport
     * aborts the exchange rather than draining an endless body.
     */
    private static BoundedBody read(TransportResponse response, int limit, Attempt attempt) throws IOException {
        BoundedBody body = BoundedBody.read(response, limit);
        if (body.truncated()) {
            attempt.cancel();
        }
        return body;
    }

    /**
     * Types a failure nobody foresaw, redacted of the attempt's token.
     *
     * @param failure what went wrong
     * @param attempt the attempt
     * @param response its response, or null
     * @return the typed failure
     */
    static UnexpectedResponseException unexpected(RuntimeException failure, Attempt attempt,
            TransportResponse response) {
        Operation operation = attempt.operation();
        ErrorContext.Builder context = ErrorContext.forRequest(operation.httpMethod(), operation.pathTemplate());
        if (response != null) {
            context.httpStatus(response.status());
        }
        return new UnexpectedResponseException("The call " + operation + " failed unexpectedly ("
                + failure.getClass().getSimpleName() + ": " + SecretRedactor.redact(failure.getMessage(), attempt.token())
                + ").", context.build(), RedactedCause.of(failure, attempt.token()));
    }

    private static void closeQuietly(TransportResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the body was read as far as it is going to be; its connection is the transport's to clean up
            }
        }
    }

    @Override
    public String toString() {
        return "envelope decoding";
    }
}
