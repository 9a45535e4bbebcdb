package loopsmith.generate;

import loopsmith.music.GeneralMidi;
import loopsmith.music.Role;

/** A part to generate: its role and instrument (GM program, 0-based; drum kits play on channel 10). */
public record TrackSpec(Role role, int program, boolean drums) {
    public TrackSpec {
        if (program < 0 || program > 127) throw new IllegalArgumentException("program must be 0..127, was " + program);
        if (drums) program = 0;
    }

    /** The usual instrument for a role when the prompt names none. */
    public static TrackSpec of(Role role) {
        return switch (role) {
            case DRUMS -> new TrackSpec(Role.DRUMS, 0, true);
            case BASS -> new TrackSpec(Role.BASS, 33, false);          // Electric Bass (finger)
            case CHORDS -> new TrackSpec(Role.CHORDS, 4, false);       // Electric Piano 1
            case MELODY -> new TrackSpec(Role.MELODY, 80, false);      // Lead 1 (square)
            case PAD -> new TrackSpec(Role.PAD, 89, false);            // Pad 2 (warm)
            case FX -> new TrackSpec(Role.FX, 99, false);              // FX 4 (atmosphere)
            case OTHER -> new TrackSpec(Role.OTHER, 0, false);
        };
    }

    public String instrumentName() {
        return drums ? "Drum kit" : GeneralMidi.programName(program);
    }
}
