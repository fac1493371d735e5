package io.engagive.sdk.transport.okhttp;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;

/**
 * OkHttp's response headers seen as the transport contract's map, without copying them: a look-up by name (any case)
 * asks OkHttp's own headers; only walking the whole map builds OkHttp's multimap (lower-case names), each time.
 */
final class OkHttpHeaders extends AbstractMap<String, List<String>> {

    private final Headers headers;

    OkHttpHeaders(Headers headers) {
        this.headers = headers;
    }

    @Override
    public List<String> get(Object name) {
        if (!(name instanceof String)) {
            return null;
        }
        List<String> values = headers.values((String) name);
        return values.isEmpty() ? null : values;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public boolean isEmpty() {
        return headers.size() == 0;
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return headers.toMultimap().entrySet();
    }
}
