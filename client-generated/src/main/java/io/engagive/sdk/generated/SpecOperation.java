package io.engagive.sdk.generated;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec's facts about the operation a generated method calls: its {@code operationId} and the
 * portal permission its {@code x-required-permission} names. The generator writes it on every API
 * method, so the client, the sandbox and the tools read these facts from the spec, never from a copy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SpecOperation {

    /**
     * Returns the operation's {@code operationId} in the spec.
     *
     * @return e.g. {@code listTemplates}
     */
    String id();

    /**
     * Returns the portal role permission the operation needs, from its {@code x-required-permission}.
     *
     * @return e.g. {@code WhatsApp Templates — View}
     */
    String requiredPermission();
}
