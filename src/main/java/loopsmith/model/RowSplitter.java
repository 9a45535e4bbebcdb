package loopsmith.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that takes half of a matrix-vector product while the caller does the other half. A token needs
 * about fifty such products, each tens of microseconds, so the hand-off has to cost around a microsecond: the helper
 * spins (with {@link Thread#onSpinWait}) for a while before it parks, and the caller spins while it waits. Lives for
 * one generation (a KV cache) and is closed with it.
 */
final class RowSplitter implements AutoCloseable {
    private static final long SPIN_NANOS = 200_000; // a pause longer than this (between pieces) parks the helper

    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Runnable task;
    private volatile boolean closed;
    private final Thread helper;

    RowSplitter() {
        helper = new Thread(this::loop, "loopsmith-matvec");
        helper.setDaemon(true);
        helper.start();
    }

    void run(Runnable work) {
        task = work;
        posted.incrementAndGet();
        LockSupport.unpark(helper);
    }

    void await() {
        int target = posted.get();
        while (done.get() != target) Thread.onSpinWait();
    }

    private void loop() {
        int seen = 0;
        while (!closed) {
            long spinStart = System.nanoTime();
            while (posted.get() == seen && !closed) {
                if (System.nanoTime() - spinStart > SPIN_NANOS) LockSupport.parkNanos(1_000_000);
                else Thread.onSpinWait();
            }
            if (closed) return;
            seen = posted.get();
            task.run();
            done.set(seen);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
