package io.engagive.sdk.transport.apache;

/**
 * The compatibility kit through the asynchronous view over Apache HttpClient 5's classic client, which can only block:
 * each exchange runs on the view's executor.
 */
class ApacheTransportAsyncCompatibilityTest extends ApacheTransportCompatibilityTest {

    @Override
    protected boolean viaAsync() {
        return true;
    }
}
