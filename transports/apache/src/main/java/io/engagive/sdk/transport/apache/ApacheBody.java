package io.engagive.sdk.transport.apache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;

/** The response body; closing it closes the response too, which returns or discards its connection. */
final class ApacheBody extends FilterInputStream {
    private final ClassicHttpResponse response;

    ApacheBody(InputStream body, ClassicHttpResponse response) {
        super(body);
        this.response = response;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            response.close();
        }
    }
}
