package io.engagive.sdk.bulk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** WhatsApp's message id in Meta's payload of a send: {@code messages[0].id}. */
final class MessageIds {

    private MessageIds() {
    }

    static Optional<String> of(Map<String, Object> metaResponse) {
        if (metaResponse != null && metaResponse.get("messages") instanceof List<?> messages && !messages.isEmpty()
                && messages.get(0) instanceof Map<?, ?> first && first.get("id") instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }
}
