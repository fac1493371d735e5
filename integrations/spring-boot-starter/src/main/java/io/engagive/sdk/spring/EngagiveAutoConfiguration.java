package io.engagive.sdk.spring;

import io.engagive.sdk.EngagiveAsyncClient;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.EngagiveClientBuilder;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * The Engagive client from {@code engagive.*}: a {@link TokenProvider}, an {@link EngagiveClient} and its
 * {@link EngagiveAsyncClient} bean, each only when the application defines none, with every {@link EngagiveClientCustomizer}
 * applied. Misconfiguration fails start-up with a message that names the property.
 */
@AutoConfiguration
@EnableConfigurationProperties(EngagiveProperties.class)
public class EngagiveAutoConfiguration {

    /** The name of the {@link Executor} bean the asynchronous view's futures complete on, when there is one. */
    public static final String ASYNC_EXECUTOR = "engagiveAsyncExecutor";

    /** Creates the auto-configuration; Spring Boot does. */
    public EngagiveAutoConfiguration() {
    }

    /**
     * The token source: {@code engagive.token.file}, {@code .env} or {@code .value} (at most one),
     * else the {@code ENGAGIVE_API_TOKEN} environment variable.
     *
     * @param properties the settings
     * @return the token provider
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenProvider engagiveTokenProvider(EngagiveProperties properties) {
        EngagiveProperties.Token token = properties.getToken();
        List<String> sources = new ArrayList<>();
        if (token.getFile() != null) {
            sources.add("engagive.token.file");
        }
        if (token.getEnv() != null) {
            sources.add("engagive.token.env");
        }
        if (token.getValue() != null) {
            sources.add("engagive.token.value");
        }
        if (sources.size() > 1) {
            throw new InvalidConfigurationPropertyValueException("engagive.token", sources,
                    "Set only one of engagive.token.file, engagive.token.env and engagive.token.value");
        }
        if (token.getFile() != null) {
            return TokenProvider.fromFile(token.getFile());
        }
        if (token.getValue() != null) {
            if (token.getValue().isBlank()) {
                throw new InvalidConfigurationPropertyValueException("engagive.token.value", "(blank)",
                        "The token must not be blank; prefer engagive.token.file or engagive.token.env");
            }
            return TokenProvider.of(token.getValue());
        }
        return token.getEnv() == null ? TokenProvider.fromEnvironment() : TokenProvider.fromEnvironment(token.getEnv());
    }

    /**
     * The client, built from the properties, the application's transport if it defines one, and then the
     * customizers, in their order.
     *
     * @param properties the settings
     * @param tokens the token source
     * @param transport the application's {@link HttpTransport} bean, if any (OkHttp, Apache HttpClient, its own)
     * @param customizers the application's customizers
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public EngagiveClient engagiveClient(EngagiveProperties properties, TokenProvider tokens,
            ObjectProvider<HttpTransport> transport, ObjectProvider<EngagiveClientCustomizer> customizers) {
        EngagiveClientBuilder builder = EngagiveClient.builder().tokenProvider(tokens)
                .logLevel(properties.getLogLevel());
        transport.ifAvailable(builder::transport);
        apply("engagive.base-url", properties.getBaseUrl(), () -> builder.baseUrl(properties.getBaseUrl()));
        apply("engagive.connect-timeout", properties.getConnectTimeout(),
                () -> builder.connectTimeout(properties.getConnectTimeout()));
        apply("engagive.read-timeout", properties.getReadTimeout(), () -> builder.readTimeout(properties.getReadTimeout()));
        apply("engagive.retry", properties.getRetry(), () -> builder.retryPolicy(retryPolicy(properties.getRetry())));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (IllegalArgumentException refused) {
            boolean baseUrl = properties.getBaseUrl() != null && refused.getMessage() != null
                    && (refused.getMessage().contains("base URL") || refused.getMessage().contains("HTTPS only"));
            throw new InvalidConfigurationPropertyValueException(baseUrl ? "engagive.base-url" : "engagive",
                    baseUrl ? properties.getBaseUrl() : "(the client's settings)", refused.getMessage());
        }
    }

    /**
     * The client's asynchronous view: its futures complete on the application's {@link Executor} bean named
     * {@value #ASYNC_EXECUTOR} if it defines one, else on the client's own daemon threads.
     *
     * @param client the client
     * @param executor the application's executor for Engagive's futures, if any
     * @return the asynchronous view
     */
    @Bean
    @ConditionalOnMissingBean
    public EngagiveAsyncClient engagiveAsyncClient(EngagiveClient client,
            @Qualifier(ASYNC_EXECUTOR) ObjectProvider<Executor> executor) {
        Executor given = executor.getIfAvailable();
        return given == null ? client.async() : client.async(given);
    }

    private static RetryPolicy retryPolicy(EngagiveProperties.Retry retry) {
        RetryPolicy.Builder policy = RetryPolicy.builder();
        if (!retry.isEnabled()) {
            policy.maxAttempts(1);
        } else if (retry.getMaxAttempts() != null) {
            policy.maxAttempts(retry.getMaxAttempts());
        }
        if (retry.getInitialBackoff() != null) {
            policy.initialBackoff(retry.getInitialBackoff());
        }
        if (retry.getMaxBackoff() != null) {
            policy.maxBackoff(retry.getMaxBackoff());
        }
        Duration deadline = retry.getDeadline();
        if (deadline != null) {
            policy.deadline(deadline);
        }
        return policy.build();
    }

    /** Applies one setting; a value the client refuses fails start-up naming the property. */
    private static void apply(String property, Object value, Runnable setting) {
        if (value == null) {
            return;
        }
        try {
            setting.run();
        } catch (IllegalArgumentException refused) {
            throw new InvalidConfigurationPropertyValueException(property, value, refused.getMessage());
        }
    }
}
