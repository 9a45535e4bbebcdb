package loopsmith.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;

/**
 * The bounded worker pool every generation goes through: {@code workers} jobs run, {@code queueCapacity} wait, and
 * a job beyond that is refused at once ({@link Full}) instead of piling up memory. Finished jobs are remembered up to
 * a limit so clients can still poll them. A job may be cancelled ({@link #cancel}), and one still running at its
 * deadline fails with that reason: either way it ends at once, its worker is interrupted (the generator stops at the
 * next token, stem rendering at the next block, the export before the next variation), and any folder it still writes
 * is deleted.
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
    private final BiFunction<GenerateOptions, Consumer<Path>, GenerateService.Outcome> service;
    private final Clock clock;
    private final int workers;
    private final Map<String, Job> jobs;
    /** The pool's task of each job still waiting, so a cancelled one leaves the queue at once. */
    private final Map<Job, Runnable> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines;
    private final Duration deadline;
    /** Mean seconds of recent jobs (exponential average): for progress estimates and Retry-After. */
    private volatile double meanSeconds;
    private final AtomicLong accepted = new AtomicLong();

    public Jobs(int workers, int queueCapacity, int keptJobs, Function<GenerateOptions, GenerateService.Outcome> service, Clock clock,
                Duration deadline) {
        this(workers, queueCapacity, keptJobs, (BiFunction<GenerateOptions, Consumer<Path>, GenerateService.Outcome>) (o, ready) -> service.apply(o),
                clock, deadline);
    }

    /** With a service that tells, through its second argument, each result folder whose MIDI is written ({@link Job#midiReady}). */
    public Jobs(int workers, int queueCapacity, int keptJobs, BiFunction<GenerateOptions, Consumer<Path>, GenerateService.Outcome> service,
                Clock clock, Duration deadline) {
        this.service = service;
        this.clock = clock;
        this.workers = workers;
        this.deadline = deadline;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopsmith-job-deadlines");
            t.setDaemon(true);
            return t;
        });
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

    /** What a job made: its result folders and notes for the user. */
    public record Made(List<Path> folders, List<String> warnings) { }

    /** Queues a generation; {@code after} runs when it has finished either way (e.g. to delete an upload). */
    public Job submit(GenerateOptions options, Runnable after) {
        AtomicReference<Job> self = new AtomicReference<>();
        Job job = submitWork(() -> {
            GenerateService.Outcome o = service.apply(options, folder -> {
                Job j = self.get();
                if (j != null) j.midiReady(folder);
            });
            return new Made(o.folders(), o.warnings());
        }, after);
        self.set(job);
        return job;
    }

    /** Queues another tool's work (Drumify) in the same queue, under the same deadline and cancellation. */
    public Job submitWork(Supplier<Made> work, Runnable after) {
        Job job = new Job(UUID.randomUUID().toString(), clock.instant());
        Runnable once = runOnce(after);
        Runnable task = () -> run(job, work, once);
        waiting.put(job, task);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            waiting.remove(job);
            once.run();
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

    /**
     * Cancels a queued or running job: it ends CANCELLED at once. False when it had already ended (done, failed or
     * cancelled). The clean-up given to {@link #submit} still runs exactly once.
     */
    public boolean cancel(Job job) {
        Runnable task = waiting.remove(job);
        boolean ended = job.stop(Job.Status.CANCELLED, "cancelled");
        if (task != null && pool.remove(task)) task.run(); // never started: run it now, so it sees CANCELLED and cleans up
        return ended;
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

    private void run(Job job, Supplier<Made> work, Runnable after) {
        waiting.remove(job);
        long t0 = System.nanoTime();
        if (!job.running(t0, Thread.currentThread())) {
            after.run(); // cancelled while it waited
            return;
        }
        ScheduledFuture<?> timer = deadlines.schedule(() -> job.stop(Job.Status.FAILED,
                "deadline: still running after " + deadline.toSeconds() + " s (serve --job-timeout); ask for fewer bars, parts or "
                        + "variations"), deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Made o = work.get();
            double s = (System.nanoTime() - t0) / 1e9;
            if (job.done(o.folders(), o.warnings(), s)) meanSeconds = meanSeconds == 0 ? s : 0.7 * meanSeconds + 0.3 * s;
            else discard(job, o.folders());
        } catch (LoopsmithException e) {
            job.failed((e.file() == null ? "" : e.file().getFileName() + ": ") + e.reason(), (System.nanoTime() - t0) / 1e9);
        } catch (Throwable e) {
            // A bug, not bad input (or the interrupt of a job already stopped, whose end is already told): the client
            // still learns that and why, and the worker lives on for the next job. Errors too (a deep recursion's
            // StackOverflowError, a class that fails to load): one that passed here left the job RUNNING for good.
            job.failed("internal error: " + e, (System.nanoTime() - t0) / 1e9);
        } finally {
            timer.cancel(false);
            job.released();
            after.run();
        }
    }

    /** What a stopped job still wrote: the client was told it ended without results, so none appear in the history. */
    private static void discard(Job job, List<Path> folders) {
        for (java.nio.file.Path f : folders) {
            try {
                Folders.deleteTree(f);
            } catch (LoopsmithException e) {
                System.err.println("warning: job " + job.id() + " was stopped but its folder stays: " + e.getMessage());
            }
        }
    }

    private static Runnable runOnce(Runnable r) {
        AtomicBoolean ran = new AtomicBoolean();
        return () -> {
            if (ran.compareAndSet(false, true)) r.run();
        };
    }

    private int retryAfterSeconds() {
        double perJob = meanSeconds == 0 ? 2 : meanSeconds;
        return (int) Math.max(1, Math.ceil(perJob * (pool.getQueue().size() + workers) / workers));
    }

    private static boolean isFinished(Job j) {
        return j.status().isFinal();
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
