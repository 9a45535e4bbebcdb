package loopsmith.midi;

import java.util.List;
import loopsmith.music.Piece;

/**
 * What {@link MidiReader} made of a file: the piece, the SMF format it declared (0, 1 or 2), whether the file set its
 * own tempo (without one the piece's 120 BPM is the standard's assumption, not the file's) and every repair it made,
 * in words a producer can act on ("track 3: truncated at byte 1840 (file ends inside the track)").
 */
public record MidiReadResult(Piece piece, int format, boolean tempoInFile, List<String> warnings) {
    public MidiReadResult {
        warnings = List.copyOf(warnings);
    }

    /** Whether the file was read without any repair. */
    public boolean clean() {
        return warnings.isEmpty();
    }
}
