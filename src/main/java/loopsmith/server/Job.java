package loopsmith.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One generation request on its way through the worker pool. State changes are published to listeners. */
public final class Job {
    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** What a client sees of a job at one moment. */
    public record View(String id, Status status, double progress, String error, List<Path> folders, List<String> warnings,
                       double seconds) { }

    private final String id;
    private final Instant created;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private Status status = Status.QUEUED;
    private long startNanos;
    private double seconds;
    private String error;
    private List<Path> folders = List.of();
    private List<String> warnings = List.of();

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
            case DONE, FAILED -> 1;
            case RUNNING -> expectedSeconds <= 0 ? 0.1 : Math.min(0.95, 0.05 + 0.9 * elapsedSeconds() / expectedSeconds);
        };
        return new View(id, status, Math.round(progress * 100) / 100.0, error, folders, warnings,
                status == Status.RUNNING ? elapsedSeconds() : seconds);
    }

    public synchronized Status status() {
        return status;
    }

    void running(long nanos) {
        synchronized (this) {
            status = Status.RUNNING;
            startNanos = nanos;
        }
        publish();
    }

    void done(List<Path> resultFolders, List<String> notes, double tookSeconds) {
        synchronized (this) {
            status = Status.DONE;
            folders = List.copyOf(resultFolders);
            warnings = List.copyOf(notes);
            seconds = tookSeconds;
        }
        publish();
    }

    void failed(String reason, double tookSeconds) {
        synchronized (this) {
            status = Status.FAILED;
            error = reason;
            seconds = tookSeconds;
        }
        publish();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void publish() {
        View v = view(0);
        for (Consumer<View> l : listeners) l.accept(v);
    }
}
