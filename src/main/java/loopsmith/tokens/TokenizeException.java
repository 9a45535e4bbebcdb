package loopsmith.tokens;

import loopsmith.music.LoopsmithException;

/** A piece the vocabulary cannot express (a 9/4 bar, a 2,000-bar file). Callers add the file name. */
public class TokenizeException extends LoopsmithException {
    public TokenizeException(String reason) {
        super(null, reason);
    }
}
