package io.engagive.sdk.internal.http;

import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.transport.HttpTransport;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything the client's builder was given, checked, as one value.
 *
 * @param baseUrl the API base URL
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long any one wait for the server may take
 * @param tokenProvider where the token comes from
 * @param retryPolicy when to send again, and the call's deadline
 * @param logLevel how much of each exchange to log
 * @param clock what token expiry and Retry-After dates are judged by
 * @param expiryWarning how long before the token's expiry to warn
 * @param localTokenChecks whether the token must be an unexpired JWT
 * @param maxResponseBytes the largest success body accepted
 * @param maxErrorBodyBytes how much of an error body is read
 * @param maxLoggedLineLength the longest logged line
 * @param timing where elapsed time is read and how the client waits between attempts
 * @param userAgent the {@code User-Agent} header's value
 * @param listener hears about every call and attempt
 * @param transport sends each attempt
 */
public record ClientSettings(BaseUrl baseUrl, Duration connectTimeout, Duration readTimeout,
        TokenProvider tokenProvider, RetryPolicy retryPolicy, HttpLogLevel logLevel, Clock clock,
        Duration expiryWarning, boolean localTokenChecks, int maxResponseBytes, int maxErrorBodyBytes,
        int maxLoggedLineLength, Timing timing, String userAgent, CallListener listener,
        HttpTransport transport) {
}
