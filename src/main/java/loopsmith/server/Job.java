package loopsmith.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One generation request on its way through the worker pool. State changes are published to listeners. DONE, FAILED
 * and CANCELLED are final: a job stopped while running (cancelled, or past its deadline) is final at once, and what its
 * thread still returns is discarded.
 */
public final class Job {
    public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED;
        public boolean isFinal() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** What a client sees of a job at one moment. */
    public record View(String id, Status status, double progress, String error, List<Path> folders, List<String> warnings,
                       double seconds) { }

    private final String id;
    private final Instant created;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    /** Hear each result folder whose MIDI files are complete, before its stems and piano roll (see {@link #midiReady}). */
    private final List<Consumer<Path>> midiListeners = new CopyOnWriteArrayList<>();
    private Status status = Status.QUEUED;
    private long startNanos;
    private double seconds;
    private String error;
    private List<Path> folders = List.of();
    private List<String> warnings = List.of();
    /** The worker thread while it runs this job, to interrupt; null before and after. */
    private Thread runner;

    Job(String id, Instant created) {
        this.id = id;
        this.created = created;
    }

    public String id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    /** Listeners hear every state change from now on (and the current state at once, so none is missed). */
    public void listen(Consumer<View> listener) {
        listeners.add(listener);
        listener.accept(view(0));
    }

    /**
     * The job as seen now. Progress while running is an estimate from how long jobs took recently: the service
     * reports no steps, and an estimate capped below 1 is more use to a progress bar than a fixed number.
     */
    public synchronized View view(double expectedSeconds) {
        double progress = switch (status) {
            case QUEUED -> 0;
            case DONE, FAILED, CANCELLED -> 1;
            case RUNNING -> expectedSeconds <= 0 ? 0.1 : Math.min(0.95, 0.05 + 0.9 * elapsedSeconds() / expectedSeconds);
        };
        return new View(id, status, Math.round(progress * 100) / 100.0, error, folders, warnings,
                status == Status.RUNNING ? elapsedSeconds() : seconds);
    }

    public synchronized Status status() {
        return status;
    }

    /** Taken by a worker; false if it was cancelled while it waited (the worker then skips it). */
    boolean running(long nanos, Thread worker) {
        synchronized (this) {
            if (status != Status.QUEUED) return false;
            status = Status.RUNNING;
            startNanos = nanos;
            runner = worker;
        }
        publish();
        return true;
    }

    /** The worker is done with it, either way: from now on nothing interrupts that thread for this job. */
    synchronized void released() {
        runner = null;
    }

    /** False when the job was stopped meanwhile: the caller then discards the folders. */
    boolean done(List<Path> resultFolders, List<String> notes, double tookSeconds) {
        synchronized (this) {
            if (status != Status.RUNNING) return false;
            status = Status.DONE;
            folders = List.copyOf(resultFolders);
            warnings = List.copyOf(notes);
            seconds = tookSeconds;
        }
        publish();
        return true;
    }

    void failed(String reason, double tookSeconds) {
        end(Status.FAILED, reason, tookSeconds);
    }

    /**
     * Ends a queued or running job now with {@code status} (FAILED or CANCELLED) and the reason, and interrupts its
     * worker (the generator checks between tokens, stem rendering between blocks). False if it had already ended.
     */
    boolean stop(Status status, String reason) {
        Thread t;
        synchronized (this) {
            t = runner;
            if (!end0(status, reason, this.status == Status.RUNNING ? elapsedSeconds() : 0)) return false;
            if (t != null) t.interrupt();
        }
        publish();
        return true;
    }

    private void end(Status s, String reason, double tookSeconds) {
        boolean ended;
        synchronized (this) {
            ended = end0(s, reason, tookSeconds);
        }
        if (ended) publish();
    }

    private boolean end0(Status s, String reason, double tookSeconds) {
        if (status.isFinal()) return false;
        status = s;
        error = reason;
        seconds = tookSeconds;
        return true;
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Listens for result folders whose MIDI is written, from now on. */
    public void listenForMidi(Consumer<Path> listener) {
        midiListeners.add(listener);
    }

    /**
     * A result folder's MIDI files are complete (its stems and piano roll may still be being written). As in
     * {@link #publish}, a listener that throws stops neither the others nor the job.
     */
    void midiReady(Path folder) {
        for (Consumer<Path> l : midiListeners) {
            try {
                l.accept(folder);
            } catch (Throwable e) {
                System.err.println("warning: a listener of job " + id + " failed: " + e);
            }
        }
    }

    /**
     * Waits until the job has ended or {@code max} has passed; true if it has ended. Lets a client ask once and hear
     * the moment it is done, instead of polling (each poll costs the cores generation runs on).
     */
    public boolean awaitEnd(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        synchronized (this) {
            while (!status.isFinal()) {
                long left = until - System.nanoTime();
                if (left <= 0) return false;
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * To every listener; one that throws (an OSC reply that cannot be sent), an Error included, neither stops the others
     * nor the job.
     */
    private void publish() {
        synchronized (this) {
            notifyAll();
        }
        View v = view(0);
        for (Consumer<View> l : listeners) {
            try {
                l.accept(v);
            } catch (Throwable e) {
                System.err.println("warning: a listener of job " + id + " failed: " + e);
            }
        }
    }
}
