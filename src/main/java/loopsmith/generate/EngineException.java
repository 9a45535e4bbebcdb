package loopsmith.generate;

/**
 * The engine caught itself breaking its own promise, that every output decodes with the structure asked for (a token
 * the grammar refuses, a part with no way on, tokens the decoder had to repair): a bug in the engine, never bad input
 * and never a weak model. Deliberately not a {@link loopsmith.music.LoopsmithException}: the shells report those as
 * bad input (exit 2, HTTP 400), and this must read as an internal error (exit 1, HTTP 500). Nor is it an invalid piece:
 * eval stops on it instead of counting it against the model.
 */
public final class EngineException extends RuntimeException {
    private final String reason;

    public EngineException(String reason) {
        this(reason, null);
    }

    public EngineException(String reason, Throwable cause) {
        super("engine error: " + reason, cause);
        this.reason = reason;
    }

    /** The reason alone, without the "engine error" prefix. */
    public String reason() {
        return reason;
    }
}
