package loopsmith.midi;

import java.nio.file.Path;
import loopsmith.music.LoopsmithException;

/** A file that is not MIDI, or so damaged that nothing usable can be read from it. */
public class MidiFormatException extends LoopsmithException {
    public MidiFormatException(Path file, String reason) {
        super(file, reason);
    }

    public MidiFormatException(Path file, String reason, Throwable cause) {
        super(file, reason, cause);
    }
}
