package io.engagive.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Finds where a request body as the user wrote it differs from what the client would send. */
final class BodyDifferences {

    private BodyDifferences() {
    }

    /**
     * Collects the JSON paths of every field the user wrote that would be dropped or changed.
     *
     * @param path the path of {@code given} (empty for the root)
     * @param given the body as written
     * @param sent the body as the client would send it
     * @param differences where the paths are added
     */
    static void collect(String path, JsonNode given, JsonNode sent, List<String> differences) {
        if (given.isObject()) {
            for (Map.Entry<String, JsonNode> field : given.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode counterpart = sent == null ? null : sent.get(field.getKey());
                if (field.getValue().isNull()) {
                    continue;
                }
                if (counterpart == null || counterpart.isNull()) {
                    differences.add(child);
                } else {
                    collect(child, field.getValue(), counterpart, differences);
                }
            }
        } else if (given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                JsonNode counterpart = sent == null || !sent.isArray() ? null : sent.get(i);
                if (counterpart == null) {
                    differences.add(path + "[" + i + "]");
                } else {
                    collect(path + "[" + i + "]", given.get(i), counterpart, differences);
                }
            }
        } else if (!given.equals(sent)) {
            differences.add(path);
        }
    }
}
