package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A message the sandbox accepted for sending: account, recipient, type, the request body and the WhatsApp-style id it generated. */
public final class SentMessage {

    private final String accountId;
    private final String to;
    private final String type;
    private final JsonNode request;
    private final String wamid;

    SentMessage(String accountId, String to, String type, JsonNode request, String wamid) {
        this.accountId = accountId;
        this.to = to;
        this.type = type;
        this.request = request.deepCopy();
        this.wamid = wamid;
    }

    /** @return the account it was sent from */
    public String accountId() {
        return accountId;
    }

    /** @return the recipient */
    public String to() {
        return to;
    }

    /** @return {@code template}, {@code reaction} or the send-single body's {@code type} */
    public String type() {
        return type;
    }

    /** @return the request body as received (a copy) */
    public JsonNode request() {
        return request.deepCopy();
    }

    /** @return the generated WhatsApp message id ({@code wamid.…}) returned in {@code metaResponse} */
    public String wamid() {
        return wamid;
    }

    @Override
    public String toString() {
        return "SentMessage{" + type + " from " + accountId + " to " + to + ", " + wamid + "}";
    }
}
