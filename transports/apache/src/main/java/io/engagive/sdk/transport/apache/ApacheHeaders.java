package io.engagive.sdk.transport.apache;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;

/**
 * HttpClient's response headers seen as the transport contract's map, without copying them: a look-up by name (any
 * case) asks the response; only walking the whole map copies them, each time, into a case-insensitive map.
 */
final class ApacheHeaders extends AbstractMap<String, List<String>> {

    private final HttpMessage response;

    ApacheHeaders(HttpMessage response) {
        this.response = response;
    }

    @Override
    public List<String> get(Object name) {
        if (!(name instanceof String)) {
            return null;
        }
        Header[] found = response.getHeaders((String) name);
        if (found.length == 0) {
            return null;
        }
        List<String> values = new ArrayList<>(found.length);
        for (Header header : found) {
            values.add(header.getValue());
        }
        return values;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String && response.containsHeader((String) name);
    }

    @Override
    public boolean isEmpty() {
        return response.getHeaders().length == 0;
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            all.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        return all.entrySet();
    }
}
