package io.engagive.sdk.internal.http;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Objects;

/** A response body that carries the context of the call it answers, so the decoders know the call without a thread-local. */
final class CallBody implements Response.Body {

    private final InputStream stream;
    private final Integer length;
    private final CallContext call;

    CallBody(InputStream stream, Integer length, CallContext call) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.length = length;
        this.call = Objects.requireNonNull(call, "call");
    }

    /**
     * Returns the context of the call a response answers.
     *
     * @throws IllegalStateException when the response did not come from this client's transport
     */
    static CallContext callOf(Response response) {
        if (response.body() instanceof CallBody body) {
            return body.call;
        }
        throw new IllegalStateException("the response did not come through the Engagive transport");
    }

    @Override
    public Integer length() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public InputStream asInputStream() {
        return stream;
    }

    @Override
    public Reader asReader(Charset charset) {
        return new InputStreamReader(stream, charset);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
