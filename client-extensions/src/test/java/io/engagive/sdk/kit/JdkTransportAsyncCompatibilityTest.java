package io.engagive.sdk.kit;

/** The compatibility kit through the asynchronous view over java.net.http ({@code sendAsync}). */
class JdkTransportAsyncCompatibilityTest extends JdkTransportCompatibilityTest {

    @Override
    protected boolean viaAsync() {
        return true;
    }
}
