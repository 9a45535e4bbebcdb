package loopsmith.generate;

import java.util.Arrays;
import loopsmith.music.Role;
import loopsmith.tokens.Controls;
import loopsmith.tokens.Token;

/**
 * Holds each part to the density its declaration names. A model samples its notes one at a time and drifts
 * busier than the density it declared (reading its own notes, it plays on where the music it learned from would rest),
 * so "sparse" came out in the medium range. Here a part's notes are counted over the bars written so far, and once a
 * part has played as many notes as its level allows per bar on average, a new onset it starts ends its bar instead:
 * the notes it played stay, the rest of the bar rests, and a quiet bar leaves room for a fuller one later.
 * The top level has no ceiling. A seed's part is held to the density measured on it: its kept bars count, so bars
 * drawn again (vary, infill) or added (continue) keep the part at its level.
 */
final class DensityBudget {
    private final double[] ceiling; // notes a bar on average; infinite where nothing is held
    private final int[] notes;
    private final int[] bars;

    DensityBudget(int parts) {
        ceiling = new double[parts];
        Arrays.fill(ceiling, Double.POSITIVE_INFINITY);
        notes = new int[parts];
        bars = new int[parts];
    }

    /** Part {@code part} declared density {@code level} (0..2) and is held to it. */
    void declare(int part, Role role, boolean drums, int level) {
        ceiling[part] = Controls.notesPerBarBelow(role, drums, level);
    }

    /** A bar of {@code part} begins, kept or to be written. */
    void startBar(int part) {
        bars[part]++;
    }

    /** {@code part} plays {@code t}, kept or written; a pitch or a drum hit is a note. */
    void played(int part, Token t) {
        if (t instanceof Token.Pitch || t instanceof Token.DrumHit) notes[part]++;
    }

    /** Whether {@code part} has played no note yet, kept or written. */
    boolean silent(int part) {
        return notes[part] == 0;
    }

    /** Whether {@code part} has played all the notes its level allows in the bars started so far. */
    boolean spent(int part) {
        return notes[part] >= ceiling[part] * bars[part];
    }
}
