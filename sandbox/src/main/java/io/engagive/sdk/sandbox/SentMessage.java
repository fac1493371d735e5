package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the sandbox accepted for sending.
 *
 * @param accountId the account it was sent from
 * @param to the recipient
 * @param type {@code template}, {@code reaction} or the send-single body's {@code type}
 * @param request the request body as received
 * @param wamid the generated WhatsApp message id ({@code wamid.…}) returned in {@code metaResponse}
 */
public record SentMessage(String accountId, String to, String type, JsonNode request, String wamid) {

    /**
     * Keeps a copy of the body, so the caller's later changes do not reach it.
     *
     * @param accountId the account it was sent from
     * @param to the recipient
     * @param type the message type
     * @param request the request body as received
     * @param wamid the generated WhatsApp message id
     */
    public SentMessage {
        request = request.deepCopy();
    }

    /**
     * Returns the request body as received.
     *
     * @return a copy of it
     */
    @Override
    public JsonNode request() {
        return request.deepCopy();
    }

    @Override
    public String toString() {
        return "SentMessage{" + type + " from " + accountId + " to " + to + ", " + wamid + "}";
    }
}
