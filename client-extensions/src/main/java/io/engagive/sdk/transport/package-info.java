/**
 * The transport seam: what the client hands a transport for one attempt ({@link io.engagive.sdk.transport.TransportRequest},
 * {@link io.engagive.sdk.transport.TransportCall}) and what it gets back ({@link io.engagive.sdk.transport.TransportResponse}).
 *
 * <p>A transport moves bytes and keeps time; it never decides anything about the API. It sends each request exactly
 * once (no resend of its own, no redirect), honours the call's waits for every byte it waits for, and reports a
 * timeout as a {@link io.engagive.sdk.transport.TransportTimeoutException}. Everything else — the token, retries,
 * logging, events, typed errors — happens above it, in the client's pipeline.
 */
package io.engagive.sdk.transport;
