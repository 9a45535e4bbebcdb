package loopsmith.music;

import java.nio.file.Path;

/**
 * Base of every exception Loopsmith throws on purpose. It always names the file (when there is one) and the reason,
 * so the CLI can print {@code error: <path>: <reason>} and the ingest report can record why a file was skipped.
 */
public class LoopsmithException extends RuntimeException {
    private final Path file;
    private final String reason;

    public LoopsmithException(Path file, String reason) {
        this(file, reason, null);
    }

    public LoopsmithException(Path file, String reason, Throwable cause) {
        super(file == null ? reason : file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file the problem is about, or {@code null} when it is not about a file. */
    public Path file() {
        return file;
    }

    /** The reason alone, without the file name. */
    public String reason() {
        return reason;
    }
}
