package loopsmith.generate;

import java.util.ArrayList;
import java.util.List;
import loopsmith.tokens.Token;

/**
 * The pitch classes a bar's chord part sounds at a position, read from the tokens it was written with. Parts are
 * written chords first within a bar, so when the bass or the melody of bar k is drawn, the chords of bar k are
 * already there: the generator nudges their notes toward those chord tones (a soft bias, {@link SamplingConfig#harmony()}),
 * which is what a player does on the beat and what the model, undertrained, does only half the time.
 */
final class Harmony {
    private record Held(int start, int end, int pitch) { }

    private Harmony() {}

    /**
     * Pitch classes sounding at {@code step} in a chord cell's tokens (POS, VEL, NOTE_ON, DUR); if none is held there,
     * those of the latest onset at or before it; none before the cell's first onset. A 12-bit set, bit = pitch class.
     */
    static int at(List<Token> cell, int step) {
        List<Held> notes = new ArrayList<>();
        int pos = -1;
        int duration = 1;
        for (Token t : cell) {
            if (t instanceof Token.Position p) {
                pos = p.step();
            } else if (t instanceof Token.Pitch p && pos >= 0) {
                notes.add(new Held(pos, pos + duration, p.pitch()));
            } else if (t instanceof Token.Duration d) {
                duration = d.steps();
                if (!notes.isEmpty()) {
                    Held last = notes.remove(notes.size() - 1);
                    notes.add(new Held(last.start(), last.start() + duration, last.pitch()));
                }
            }
        }
        int held = 0;
        int latest = -1;
        for (Held n : notes) {
            if (n.start() <= step && step < n.end()) held |= 1 << (n.pitch() % 12);
            if (n.start() <= step) latest = Math.max(latest, n.start());
        }
        if (held != 0 || latest < 0) return held;
        int onset = 0;
        for (Held n : notes) if (n.start() == latest) onset |= 1 << (n.pitch() % 12);
        return onset;
    }

    /** The position of the group being written: the last POS among {@code cell}'s tokens, or -1. */
    static int currentStep(List<Token> cell) {
        for (int i = cell.size() - 1; i >= 0; i--) if (cell.get(i) instanceof Token.Position p) return p.step();
        return -1;
    }
}
