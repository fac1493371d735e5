package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link EngagiveSandbox} per test class and injects it, and an
 * {@link io.engagive.sdk.EngagiveClient} for its default user, into constructors, lifecycle
 * methods and tests; after each test it fails on any response that broke the spec, then resets
 * the journal, sent messages and faults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EngagiveSandboxExtension.class)
public @interface EngagiveSandboxTest {

    /**
     * Returns whether every response is checked against the OpenAPI spec.
     *
     * @return whether every response is checked against the OpenAPI spec
     */
    boolean specConformanceCheck() default true;

    /**
     * Returns the status a wrong account is refused with (403, or the "error body" variant's).
     *
     * @return the status a wrong account is refused with (403, or the "error body" variant's)
     */
    int wrongAccountStatus() default 403;
}
