package loopsmith.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that takes half of a matrix-vector product while the caller does the other half. A token needs
 * about fifty such products, each tens of microseconds, so the hand-off has to cost around a microsecond: the helper
 * spins (with {@link Thread#onSpinWait}) for a while before it parks. Whoever claims a posted half first runs it: a
 * caller done with its own half takes the other itself when the helper has not started it, so a helper that is parked
 * or not scheduled (the cores busy with a DAW, a training run) never holds the caller up; the caller only waits for a
 * half already under way. Lives for one generation (a KV cache) and is closed with it.
 */
final class RowSplitter implements AutoCloseable {
    private static final long SPIN_NANOS = 200_000; // a pause longer than this (between pieces) parks the helper
    private static final int SPINS_BEFORE_YIELD = 1_000;

    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger claimed = new AtomicInteger();
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
        if (claimed.compareAndSet(target - 1, target)) {
            task.run();
            done.set(target);
            return;
        }
        // The helper is mid-half; should it lose its core meanwhile, yielding lets it back on rather than spin it out.
        for (int spins = 0; done.get() != target; spins++) {
            if (spins < SPINS_BEFORE_YIELD) Thread.onSpinWait();
            else Thread.yield();
        }
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
            if (claimed.compareAndSet(seen - 1, seen)) {
                task.run();
                done.set(seen);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
