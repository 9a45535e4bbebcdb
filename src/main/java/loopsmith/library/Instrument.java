package loopsmith.library;

import loopsmith.music.Role;

/**
 * A named sound: the role it plays in an arrangement and its General MIDI program.
 *
 * @param role    what the instrument usually plays ("slap bass" plays the bass line)
 * @param program 0-based GM program, as {@link loopsmith.music.GeneralMidi#programName(int)} numbers them
 */
public record Instrument(Role role, int program) {
    public static final int MAX_PROGRAM = 127;

    public Instrument {
        if (role == null) throw new IllegalArgumentException("role must not be null");
        if (program < 0 || program > MAX_PROGRAM)
            throw new IllegalArgumentException("program must be 0.." + MAX_PROGRAM + ", was " + program);
    }
}
