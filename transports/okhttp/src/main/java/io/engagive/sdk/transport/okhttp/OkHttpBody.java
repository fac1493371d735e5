package io.engagive.sdk.transport.okhttp;

import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import okhttp3.Call;

/** The response body, its failures in the transport contract's words; closing it early cancels the call. */
final class OkHttpBody extends FilterInputStream {
    private final Call call;
    private final TransportCall attempt;

    OkHttpBody(InputStream body, Call call, TransportCall attempt) {
        super(body);
        this.call = call;
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
            if (attempt.isCancelled()) {
                call.cancel();
            }
        }
    }
}
