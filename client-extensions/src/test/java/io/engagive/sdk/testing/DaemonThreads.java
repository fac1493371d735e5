package io.engagive.sdk.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Thread pools for the test servers, whose threads never keep a test JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A cached pool of daemon threads with this name. */
    static ExecutorService cachedPool(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
