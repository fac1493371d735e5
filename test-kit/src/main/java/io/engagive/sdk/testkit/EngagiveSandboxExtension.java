package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.EngagiveSandboxBuilder;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The JUnit 5 extension behind {@link EngagiveSandboxTest}. */
public final class EngagiveSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EngagiveSandboxExtension.class);

    /** Creates the extension; JUnit does, for every class annotated {@link EngagiveSandboxTest}. */
    public EngagiveSandboxExtension() {
        // JUnit instantiates extensions reflectively; the sandbox is created per test class in beforeAll.
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandboxes(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandboxes(context).sandbox.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sandboxes(context).sandbox.assertHealthy();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EngagiveSandbox.class || type == EngagiveClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = sandboxes(context);
        return parameter.getParameter().getType() == EngagiveSandbox.class ? started.sandbox : started.client;
    }

    private static Started sandboxes(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Started.class,
                key -> start(classContext), Started.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Started start(ExtensionContext classContext) {
        EngagiveSandboxTest settings = classContext.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, EngagiveSandboxTest.class))
                .orElse(null);
        EngagiveSandboxBuilder builder = EngagiveSandbox.builder();
        if (settings != null) {
            builder.specConformanceCheck(settings.specConformanceCheck()).wrongAccountStatus(settings.wrongAccountStatus());
        }
        EngagiveSandbox sandbox = builder.start();
        EngagiveClient client = EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(100)).deadline(Duration.ofSeconds(10)).build())
                .build();
        return new Started(sandbox, client);
    }

    /** The sandbox and client of one test class; closed by JUnit when the class is done. */
    static final class Started implements AutoCloseable {
        private final EngagiveSandbox sandbox;
        private final EngagiveClient client;

        Started(EngagiveSandbox sandbox, EngagiveClient client) {
            this.sandbox = sandbox;
            this.client = client;
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }
}
