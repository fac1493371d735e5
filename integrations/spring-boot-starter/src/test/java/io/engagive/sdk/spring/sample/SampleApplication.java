package io.engagive.sdk.spring.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample application a user writes: nothing but the starter on the classpath and {@code engagive.*} properties. */
@SpringBootApplication
public class SampleApplication {
}
