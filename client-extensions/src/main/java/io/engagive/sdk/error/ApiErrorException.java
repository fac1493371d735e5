package io.engagive.sdk.error;

/** The API reported a failure (`success: false` or an unlisted status) without saying which kind. */
public final class ApiErrorException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the api error exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    public ApiErrorException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
