package io.engagive.sdk.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** An OkHttpClient of the caller's own is taken only when it keeps every promise, and refused naming what it breaks. */
class OkHttpClientOfYourOwnTest {

    @Test
    void okHttpsDefaultsAreRefusedNamingEachBrokenPromise() {
        assertThatIllegalArgumentException().isThrownBy(() -> OkHttpTransport.of(new OkHttpClient()))
                .withMessageContaining("followRedirects(false)")
                .withMessageContaining("retryOnConnectionFailure(false)");
    }

    @Test
    void aClientWithAnInterceptorIsRefusedBecauseItSeesTheToken() {
        OkHttpClient intercepted = safe().addInterceptor(chain -> chain.proceed(chain.request())).build();

        assertThatIllegalArgumentException().isThrownBy(() -> OkHttpTransport.of(intercepted))
                .withMessageContaining("interceptors");
    }

    @Test
    void aClientThatKeepsThePromisesIsTaken() {
        assertThat(OkHttpTransport.of(safe().build())).isNotNull();
    }

    private static OkHttpClient.Builder safe() {
        return new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false);
    }
}
