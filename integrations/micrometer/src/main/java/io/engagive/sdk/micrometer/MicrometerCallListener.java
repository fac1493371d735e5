package io.engagive.sdk.micrometer;

import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.events.CallStart;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Makes every call of an Engagive client a Micrometer {@link Observation} named
 * {@value #CALLS}, so one instrumentation gives a timer per operation and outcome and, through a
 * tracing bridge (Micrometer Tracing, OpenTelemetry), a span per call; and counts retries
 * ({@value #RETRIES}) and calls refused locally for their token ({@value #TOKEN_REFUSALS}).
 *
 * <p>Tags are low-cardinality only: {@code operation}, {@code method}, {@code status} (the status
 * class, e.g. {@code 4xx}), {@code outcome} and {@code exception} (the exception's simple type
 * name); never account ids, phone numbers or template codes. The request id, the path template and
 * the number of attempts are high-cardinality values, for spans only.
 *
 * <pre>{@code
 * EngagiveClient engagive = EngagiveClient.builder()
 *         .listener(MicrometerCallListener.of(meterRegistry, observationRegistry))
 *         .build();
 * }</pre>
 */
public final class MicrometerCallListener implements CallListener {

    /** The observation's name, and so the name of the timer a meter handler records for it. */
    public static final String CALLS = "engagive.client.calls";

    /** The counter of attempts that failed and were sent again. */
    public static final String RETRIES = "engagive.client.retries";

    /** The counter of calls refused before sending because the token was missing, malformed or expired. */
    public static final String TOKEN_REFUSALS = "engagive.client.token.refusals";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    private MicrometerCallListener(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meterRegistry");
        this.observations = Objects.requireNonNull(observations, "observationRegistry");
    }

    /**
     * Returns a listener that records the call timer and the counters in the meter registry, with no tracing.
     *
     * @param meters where the timer {@value #CALLS} and the counters go
     * @return the listener
     */
    public static MicrometerCallListener of(MeterRegistry meters) {
        ObservationRegistry timersOnly = ObservationRegistry.create();
        timersOnly.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new MicrometerCallListener(meters, timersOnly);
    }

    /**
     * Returns a listener whose observations go to the given registry, whose handlers decide what
     * they become: with a meter handler (as Spring Boot configures) the timer {@value #CALLS},
     * with a tracing handler a span per call.
     *
     * @param meters where the counters go
     * @param observations where each call's observation goes
     * @return the listener
     */
    public static MicrometerCallListener of(MeterRegistry meters, ObservationRegistry observations) {
        return new MicrometerCallListener(meters, observations);
    }

    @Override
    public CallListener callStarted(CallStart call) {
        return ObservedCall.start(call, meters, observations);
    }

    @Override
    public String toString() {
        return "MicrometerCallListener{" + meters.getClass().getSimpleName() + "}";
    }
}
