package io.engagive.sdk.transport.okhttp;

/** The compatibility kit through the asynchronous view over OkHttp ({@code enqueue}). */
class OkHttpTransportAsyncCompatibilityTest extends OkHttpTransportCompatibilityTest {

    @Override
    protected boolean viaAsync() {
        return true;
    }
}
