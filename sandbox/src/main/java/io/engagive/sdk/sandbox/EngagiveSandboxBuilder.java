package io.engagive.sdk.sandbox;

import java.time.Clock;
import java.util.Objects;

/** Configures an {@link EngagiveSandbox}. */
public final class EngagiveSandboxBuilder {
    private boolean checkConformance = true;
    private int wrongAccountStatus = 403;
    private int threads = 16;
    private Clock clock = Clock.systemUTC();

    EngagiveSandboxBuilder() {
    }

    /**
     * Switches the check of every answer against the spec on or off (on by default).
     *
     * @param enabled whether to check
     * @return this builder
     */
    public EngagiveSandboxBuilder specConformanceCheck(boolean enabled) {
        this.checkConformance = enabled;
        return this;
    }

    /**
     * Sets the status a wrong account is answered with ("403 or error body"); 403 by default.
     *
     * @param status the status
     * @return this builder
     */
    public EngagiveSandboxBuilder wrongAccountStatus(int status) {
        this.wrongAccountStatus = status;
        return this;
    }

    /**
     * Sets how many requests the sandbox serves at once (16 by default).
     *
     * @param count the number of server threads, at least 1
     * @return this builder
     */
    public EngagiveSandboxBuilder threads(int count) {
        this.threads = Math.max(1, count);
        return this;
    }

    /**
     * Sets the clock tokens are minted and checked by.
     *
     * @param source the clock
     * @return this builder
     */
    public EngagiveSandboxBuilder clock(Clock source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /**
     * Starts the sandbox.
     *
     * @return the running sandbox
     */
    public EngagiveSandbox start() {
        return new EngagiveSandbox(new SandboxState(clock, checkConformance, wrongAccountStatus), threads);
    }
}
