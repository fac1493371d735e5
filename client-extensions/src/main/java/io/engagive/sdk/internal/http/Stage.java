package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.EngagiveException;

/** One named step of the call pipeline above the wire: it does its one job and hands the call on. */
interface Stage {

    /**
     * Handles the call, handing it on with {@code next.proceed(call)} (once, several times, or not at all).
     *
     * @param call the call
     * @param next the rest of the pipeline
     * @return the decoded answer
     * @throws EngagiveException the typed failure
     */
    Object proceed(Call call, Pipeline.Chain next);
}
