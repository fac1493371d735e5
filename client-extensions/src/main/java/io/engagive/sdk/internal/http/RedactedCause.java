package io.engagive.sdk.internal.http;


/**
 * Stands in for a low-level exception as the cause of an {@link io.engagive.sdk.error.EngagiveException}:
 * the same class name, stack trace and cause chain, but its message redacted, bounded and without
 * control characters, since JDK exceptions quote server text (a bad status line, a header).
 */
final class RedactedCause extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE = 512;

    private final String originalClass;
    private final boolean timedOut;

    private RedactedCause(Throwable original, AccessToken token, int depth) {
        super(clean(original.getMessage(), token),
                original.getCause() == null || depth >= 8 ? null : new RedactedCause(original.getCause(), token, depth + 1),
                false, true);
        this.originalClass = original.getClass().getName();
        this.timedOut = ConnectionFailures.timedOut(original);
        setStackTrace(original.getStackTrace());
    }

    /**
     * Returns a stand-in for an exception and its causes.
     *
     * @param original what the JDK or a library threw, may be null
     * @param token the call's token, may be null
     * @return the stand-in, or null for null
     */
    static RedactedCause of(Throwable original, AccessToken token) {
        return original == null ? null : new RedactedCause(original, token, 0);
    }

    private static String clean(String message, AccessToken token) {
        if (message == null) {
            return null;
        }
        String redacted = SecretRedactor.redact(message, token).replaceAll("\\p{Cntrl}", " ");
        return redacted.length() > MAX_MESSAGE ? redacted.substring(0, MAX_MESSAGE) + "…" : redacted;
    }

    /**
     * Returns the name of the exception this stands in for.
     *
     * @return its class name, e.g. {@code java.net.ProtocolException}
     */
    String originalClass() {
        return originalClass;
    }

    /**
     * Tells whether the stand-in replaces a timeout.
     *
     * @return true when the original was a wait that ran out
     */
    boolean timedOut() {
        return timedOut;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
