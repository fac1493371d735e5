package io.engagive.sdk;

/** How much of each HTTP exchange the client logs at DEBUG on logger {@code io.engagive.sdk.http}; the token is always redacted. */
public enum HttpLogLevel {
    /** Nothing. */
    NONE,
    /** Method, URL, status and timing. */
    BASIC,
    /** BASIC plus headers ({@code Authorization} redacted). */
    HEADERS,
    /** HEADERS plus bodies: as much of each as the client reads (never more than the body limits), cut to a bounded length. */
    FULL
}
