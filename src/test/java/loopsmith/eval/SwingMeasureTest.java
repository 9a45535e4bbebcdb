package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class SwingMeasureTest {
    static final int TPQ = 480;

    /** Four bars of 8ths (pair = quarter) whose off-beat falls at {@code phase} of the pair. */
    static Piece eighths(double phase, int tpq) {
        List<Note> notes = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            notes.add(new Note(42, 90, (long) beat * tpq, tpq / 4));
            notes.add(new Note(42, 70, beat * tpq + Math.round(phase * tpq), tpq / 4));
        }
        return Piece.of(tpq, 90, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), 16L * tpq);
    }

    @Test
    void swungEighthsAtTwoToOneMeasureATriplet() {
        assertEquals(2.0 / 3, SwingMeasure.of(eighths(2.0 / 3, TPQ)).eighthPhase(), 0.002);
    }

    @Test
    void straightEighthsMeasureOneHalfAndStraightSixteenthsDoNotPassForSwing() {
        assertEquals(0.5, SwingMeasure.of(eighths(0.5, TPQ)).eighthPhase(), 1e-9);
        List<Note> sixteenths = new ArrayList<>();
        for (int i = 0; i < 64; i++) sixteenths.add(new Note(42, 80, (long) i * TPQ / 4, 60));
        Piece p = Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, sixteenths)), 16L * TPQ);
        SwingMeasure s = SwingMeasure.of(p);
        assertEquals(0.5, s.eighthPhase(), 1e-9, "the straight 16th at 0.75 of a quarter is not read as 3:1 swing");
        assertEquals(0.5, s.sixteenthPhase(), 1e-9);
    }

    @Test
    void tooFewOffBeatsGiveNoFigure() {
        List<Note> quarters = new ArrayList<>();
        for (int i = 0; i < 16; i++) quarters.add(new Note(36, 100, (long) i * TPQ, 60));
        Piece p = Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, quarters)), 16L * TPQ);
        assertTrue(Double.isNaN(SwingMeasure.of(p).eighthPhase()));
    }

    /** The phase is a fraction of the pair: the same feel reads the same at any resolution. */
    @Property(tries = 50)
    void phaseIsIndependentOfResolution(@ForAll @DoubleRange(min = 0.45, max = 0.7) double phase,
                                        @ForAll @IntRange(min = 96, max = 1920) int tpq) {
        assertEquals(phase, SwingMeasure.of(eighths(phase, tpq)).eighthPhase(), 1.0 / tpq + 1e-9);
    }
}
