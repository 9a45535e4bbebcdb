package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class MemorizationTest {
    private static final int TPQ = 480;
    private static final int BAR = 4 * TPQ;

    /** A melody whose every bar differs: bar b plays pitches 60+b, 62+b, 64+b, 65+b on the beats. */
    private static List<Note> bars(int from, int to, long shiftTicks, int jitter) {
        List<Note> notes = new ArrayList<>();
        for (int b = from; b < to; b++)
            for (int beat = 0; beat < 4; beat++)
                notes.add(new Note(60 + b + new int[] {0, 2, 4, 5}[beat], 90, (long) b * BAR + beat * TPQ - shiftTicks + (beat % 2) * jitter, TPQ));
        return notes;
    }

    @Test
    void copiedBarsAreFoundAndTheRunMeasured() {
        Memorization m = new Memorization();
        m.addTraining(PieceFeaturesTest.piece(8, PieceFeaturesTest.melody(bars(0, 8, 0, 0))), "train.mid");
        // bars 2..7 of the training piece moved to the start, played a few ticks late (less than half a 16th)
        Piece copy = PieceFeaturesTest.piece(6, PieceFeaturesTest.melody(bars(2, 8, 2L * BAR, 20)));
        Memorization.Result r = m.measure(List.of(copy));
        assertEquals(3, r.windows());
        assertEquals(3, r.copiedWindows());
        assertEquals(1.0, r.copiedWindowRate());
        assertEquals(6, r.longestCopiedRunBars());
        assertEquals(5, r.trainingWindows());
    }

    @Test
    void newMaterialIsNotACopy() {
        Memorization m = new Memorization();
        m.addTraining(PieceFeaturesTest.piece(8, PieceFeaturesTest.melody(bars(0, 8, 0, 0))), "train.mid");
        List<Note> transposed = new ArrayList<>(); // an octave up: a semitone would equal the training piece one bar on
        for (Note n : bars(0, 4, 0, 0)) transposed.add(new Note(n.pitch() + 12, n.velocity(), n.startTick(), n.durationTicks()));
        Memorization.Result r = m.measure(List.of(PieceFeaturesTest.piece(4, PieceFeaturesTest.melody(transposed))));
        assertEquals(1, r.windows());
        assertEquals(0.0, r.copiedWindowRate());
        assertEquals(0, r.longestCopiedRunBars());
    }

    @Test
    void aPatternManyTrainingFilesPlayIsCountedApartAndCopiesAreCountedByPart() {
        Memorization m = new Memorization();
        Piece stock = PieceFeaturesTest.piece(4, PieceFeaturesTest.melody(bars(0, 4, 0, 0)));
        // Segments of one file count once: four segments of "a.mid" are one source, not four.
        for (int i = 0; i < 4; i++) m.addTraining(stock, "a.mid");
        Memorization.Result once = m.measure(List.of(stock));
        assertEquals(1, once.copiedWindows());
        assertEquals(0, once.copiedSharedWindows());
        for (int i = 1; i < Memorization.SHARED_SOURCES; i++) m.addTraining(stock, "file" + i + ".mid");
        Memorization.Result shared = m.measure(List.of(stock));
        assertEquals(1, shared.copiedWindows());
        assertEquals(1, shared.copiedSharedWindows());
        assertEquals(new Memorization.PartCopies(1, 1), shared.byPart().get("melody"));
    }

    @Test
    void sparseWindowsAreNotCounted() {
        Memorization m = new Memorization();
        Track sparse = PieceFeaturesTest.melody(List.of(new Note(60, 90, 0, TPQ)));
        m.addTraining(PieceFeaturesTest.piece(4, sparse), "sparse.mid");
        Memorization.Result r = m.measure(List.of(PieceFeaturesTest.piece(4, sparse)));
        assertEquals(0, r.windows());
        assertEquals(0, r.trainingWindows());
    }
}
