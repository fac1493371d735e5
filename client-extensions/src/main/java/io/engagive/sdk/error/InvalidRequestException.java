package io.engagive.sdk.error;

/** The API rejected the request as invalid (400, or 409/422): fix the body, query or path parameters before trying again. */
public final class InvalidRequestException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the invalid request exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    public InvalidRequestException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
