package io.engagive.sdk.transport.okhttp;

import io.engagive.sdk.kit.KitNetwork;
import io.engagive.sdk.kit.TransportCompatibilityKit;
import io.engagive.sdk.transport.HttpTransport;

/** The compatibility kit on OkHttp. */
class OkHttpTransportCompatibilityTest extends TransportCompatibilityKit {

    @Override
    protected HttpTransport transport(KitNetwork network) {
        OkHttpTransportBuilder builder = OkHttpTransport.builder().connectTimeout(network.connectTimeout());
        if (network.proxy() != null) {
            builder.proxy(network.proxy());
        }
        if (network.proxyUser() != null) {
            builder.proxyCredentials(network.proxyUser(), network.proxyPassword());
        }
        if (network.trustManager() != null) {
            builder.trustManager(network.trustManager());
        }
        return builder.build();
    }

    /** java.net.http and OkHttp both negotiate HTTP/2 over TLS. */
    @Override
    protected boolean speaksHttp2() {
        return true;
    }
}
