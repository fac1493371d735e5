package io.engagive.sdk.internal.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's own threads for the asynchronous view, when the caller gives no executor: at most {@value #THREADS}
 * daemon threads named {@code engagive-async-N}, made as work arrives and gone after a second without any, so a client
 * nobody closes leaves nothing running. They decode answers, start retries, complete the calls' futures (so a
 * caller's callbacks run here, never on a transport's I/O thread) and carry the exchanges of a transport that can only
 * block.
 */
final class AsyncThreads implements Executor {

    /** The most threads at once. */
    static final int THREADS = 64;

    private final ThreadPoolExecutor pool;

    AsyncThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = runnable -> {
            Thread thread = new Thread(runnable, "engagive-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named);
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @Override
    public String toString() {
        return "AsyncThreads{" + pool.getPoolSize() + " of " + THREADS + "}";
    }
}
