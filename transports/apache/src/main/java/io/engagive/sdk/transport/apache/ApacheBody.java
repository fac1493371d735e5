package io.engagive.sdk.transport.apache;

import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.apache.hc.core5.http.ClassicHttpResponse;

/** The response body: its failures in the transport contract's words; closing it ends the exchange. */
final class ApacheBody extends FilterInputStream {
    private final ClassicHttpResponse response;
    private final TransportCall attempt;

    ApacheBody(InputStream body, ClassicHttpResponse response, TransportCall attempt) {
        super(body);
        this.response = response;
        this.attempt = attempt;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException failed) {
            throw bodyFailure(failed);
        }
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        try {
            return super.read(target, offset, length);
        } catch (IOException failed) {
            throw bodyFailure(failed);
        }
    }

    private IOException bodyFailure(IOException failed) {
        if (attempt.deadlinePassed()) {
            return TransportTimeoutException.deadline(true);
        }
        if (failed instanceof SocketTimeoutException) {
            return TransportTimeoutException.read(attempt.readTimeout().toMillis());
        }
        return failed;
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
