package io.engagive.sdk.spring;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.EngagiveClientBuilder;

/**
 * Changes the client's builder before the starter builds the {@link EngagiveClient} bean, after
 * the {@code engagive.*} properties are applied: for a proxy, an SSLContext, app info or a listener.
 */
@FunctionalInterface
public interface EngagiveClientCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(EngagiveClientBuilder builder);
}
