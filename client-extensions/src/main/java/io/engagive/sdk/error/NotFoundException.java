package io.engagive.sdk.error;

/** The resource does not exist or is not visible to the token's organisation (404). */
public final class NotFoundException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the not found exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
