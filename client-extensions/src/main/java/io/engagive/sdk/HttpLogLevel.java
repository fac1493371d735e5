package io.engagive.sdk;

import feign.Logger;

/** How much of each HTTP exchange the client logs at DEBUG on logger {@code io.engagive.sdk.http}; the token is always redacted. */
public enum HttpLogLevel {
    /** Nothing. */
    NONE(Logger.Level.NONE),
    /** Method, URL, status and timing. */
    BASIC(Logger.Level.BASIC),
    /** BASIC plus headers ({@code Authorization} redacted). */
    HEADERS(Logger.Level.HEADERS),
    /** HEADERS plus bodies, each cut to a bounded length. */
    FULL(Logger.Level.FULL);

    private final Logger.Level feignLevel;

    HttpLogLevel(Logger.Level feignLevel) {
        this.feignLevel = feignLevel;
    }

    Logger.Level feignLevel() {
        return feignLevel;
    }
}
