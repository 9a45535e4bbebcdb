package loopsmith.service;

import java.util.function.Function;
import loopsmith.music.LoopsmithException;

/**
 * A request the service refuses because of one field. Its message names the field as the API spells it; a shell with
 * other spellings (the CLI's flags) words it with {@link #message(Function)}.
 */
public final class InvalidRequestException extends LoopsmithException {
    private final RequestField field;
    private final String problem;

    public InvalidRequestException(RequestField field, String problem) {
        super(null, field.apiName() + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public RequestField field() {
        return field;
    }

    /** The problem with the field, without its name. */
    public String problem() {
        return problem;
    }

    /** The message with the field spelled as the caller knows it. */
    public String message(Function<RequestField, String> spelling) {
        return spelling.apply(field) + ": " + problem;
    }
}
