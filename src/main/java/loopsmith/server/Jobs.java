package loopsmith.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;

/**
 * The bounded worker pool every generation goes through: {@code workers} jobs run, {@code queueCapacity} wait, and
 * a job beyond that is refused at once ({@link Full}) instead of piling up memory. Finished jobs are remembered up to
 * a limit so clients can still poll them.
 */
public final class Jobs implements AutoCloseable {
    /** The pool and its queue are full; {@code retryAfterSeconds} is a guess at when a place frees up. */
    public static final class Full extends RuntimeException {
        private final int retryAfterSeconds;

        Full(int retryAfterSeconds) {
            super("the generation queue is full; retry in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final ThreadPoolExecutor pool;
    private final Function<GenerateOptions, GenerateService.Outcome> service;
    private final Clock clock;
    private final int workers;
    private final Map<String, Job> jobs;
    /** Mean seconds of recent jobs (exponential average): for progress estimates and Retry-After. */
    private volatile double meanSeconds;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();

    public Jobs(int workers, int queueCapacity, int keptJobs, Function<GenerateOptions, GenerateService.Outcome> service, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.workers = workers;
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "loopsmith-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        jobs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
                return size() > keptJobs && isFinished(eldest.getValue());
            }
        };
    }

    /** Queues a generation; {@code after} runs when it has finished either way (e.g. to delete an upload). */
    public Job submit(GenerateOptions options, Runnable after) {
        Job job = new Job(UUID.randomUUID().toString(), clock.instant());
        try {
            pool.execute(() -> run(job, options, after));
        } catch (RejectedExecutionException e) {
            after.run();
            throw new Full(retryAfterSeconds());
        }
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        accepted.incrementAndGet();
        return job;
    }

    /** Jobs accepted since start. */
    public long accepted() {
        return accepted.get();
    }

    public Optional<Job> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    public double expectedSeconds() {
        return meanSeconds;
    }

    public int queued() {
        return pool.getQueue().size();
    }

    public int running() {
        return pool.getActiveCount();
    }

    private void run(Job job, GenerateOptions options, Runnable after) {
        long t0 = System.nanoTime();
        job.running(t0);
        try {
            GenerateService.Outcome o = service.apply(options);
            double s = (System.nanoTime() - t0) / 1e9;
            meanSeconds = meanSeconds == 0 ? s : 0.7 * meanSeconds + 0.3 * s;
            job.done(o.folders(), o.warnings(), s);
        } catch (LoopsmithException e) {
            job.failed((e.file() == null ? "" : e.file().getFileName() + ": ") + e.reason(), (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | OutOfMemoryError e) {
            // A bug, not bad input: the client still learns that and why, and the worker lives on for the next job.
            job.failed("internal error: " + e, (System.nanoTime() - t0) / 1e9);
        } finally {
            after.run();
        }
    }

    private int retryAfterSeconds() {
        double perJob = meanSeconds == 0 ? 2 : meanSeconds;
        return (int) Math.max(1, Math.ceil(perJob * (pool.getQueue().size() + workers) / workers));
    }

    private static boolean isFinished(Job j) {
        Job.Status s = j.status();
        return s == Job.Status.DONE || s == Job.Status.FAILED;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
