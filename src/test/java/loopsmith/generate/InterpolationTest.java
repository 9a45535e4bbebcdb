package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The edit path from A to B: its ends, its even progress, the model's order, and lines kept lines. */
@UnitTest
class InterpolationTest {
    private static final int TPQ = 96;
    private static final int PPQ = 4;

    /** Jaccard of (step, pitch): what the steps are kept rising by here. */
    static double jaccard(Piece x, Piece y) {
        Set<Long> a = keys(x), b = keys(y);
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        Set<Long> any = new HashSet<>(a);
        any.addAll(b);
        return any.isEmpty() ? 1 : (double) both.size() / any.size();
    }

    static Set<Long> keys(Piece p) {
        Set<Long> out = new HashSet<>();
        for (Note n : p.tracks().get(0).notes()) out.add(Interpolation.key(n, p.ticksPerQuarter(), PPQ));
        return out;
    }

    static Piece clip(boolean drums, List<Note> notes) {
        Track t = drums ? new Track("Drums", Role.DRUMS, 0, true, notes) : new Track("Chords", Role.CHORDS, 0, false, notes);
        return Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(t), 2L * 4 * TPQ);
    }

    static List<Note> randomNotes(long seed, boolean drums) {
        java.util.Random r = new java.util.Random(seed);
        List<Note> out = new ArrayList<>();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            int pitch = drums ? new int[] {36, 38, 42, 46}[r.nextInt(4)] : 48 + r.nextInt(24);
            out.add(new Note(pitch, 30 + r.nextInt(90), r.nextInt(32) * (TPQ / 4) + r.nextInt(5), TPQ / 4 + r.nextInt(TPQ)));
        }
        return out;
    }

    @Property(tries = 1000)
    void theFirstStepIsATheLastIsBAndEachIsNearerB(@ForAll long seedA, @ForAll long seedB, @ForAll @IntRange(min = 3, max = 9) int steps,
                                                      @ForAll boolean drums) {
        Piece a = clip(drums, randomNotes(seedA, drums)), b = clip(drums, randomNotes(seedB, drums));
        Interpolation.Result r = new Interpolation(PPQ, Optional.empty(), InterpolationTest::jaccard).between(a, b, steps, 7);
        assertEquals(steps, r.steps().size());
        assertEquals(a.tracks().get(0).notes(), r.steps().get(0).tracks().get(0).notes(), "the first step is A");
        assertEquals(b.tracks().get(0).notes(), r.steps().get(steps - 1).tracks().get(0).notes(), "the last step is B");
        double last = -1;
        for (Piece s : r.steps()) {
            double near = jaccard(s, b);
            assertTrue(near >= last - 1e-9, "similarity to B fell: " + last + " then " + near);
            last = near;
            assertEquals(a.endTick(), s.endTick());
        }
        assertEquals(steps * a.endTick(), r.sequence().endTick());
    }

    @Test
    void sharedNotesMoveFromAsTimingAndVelocityToBs() {
        Piece a = clip(true, List.of(new Note(36, 40, 0, 24)));
        Piece b = clip(true, List.of(new Note(36, 120, 8, 24)));
        Interpolation.Result r = new Interpolation(PPQ, Optional.empty(), InterpolationTest::jaccard).between(a, b, 5, 1);
        assertEquals(1, r.shared());
        Note middle = r.steps().get(2).tracks().get(0).notes().get(0);
        assertEquals(80, middle.velocity());
        assertEquals(4, middle.startTick());
    }

    @Test
    void theModelsLeastExpectedNotesOfALeaveFirstAndItsLeastExpectedOfBArriveLast() {
        // A: kick on every beat; B: snare on every beat. The "model" finds beat 1 most expected, beat 4 least.
        List<Note> kicks = new ArrayList<>(), snares = new ArrayList<>();
        for (int beat = 0; beat < 4; beat++) {
            kicks.add(new Note(36, 100, beat * TPQ, 24));
            snares.add(new Note(38, 100, beat * TPQ, 24));
        }
        Piece a = clip(true, kicks).withEndTick(4 * TPQ), b = clip(true, snares).withEndTick(4 * TPQ);
        Interpolation.Surprise byBeat = clip -> {
            Map<Long, Double> m = new HashMap<>();
            for (Note n : clip.tracks().get(0).notes()) m.put(Interpolation.key(n, TPQ, PPQ), (double) n.startTick() / TPQ);
            return m;
        };
        Interpolation.Result r = new Interpolation(PPQ, Optional.of(byBeat), (x, y) -> 0).between(a, b, 5, 1);
        List<Note> second = r.steps().get(1).tracks().get(0).notes();
        assertTrue(second.stream().noneMatch(n -> n.pitch() == 36 && n.startTick() == 3 * TPQ), "A's beat 4 left first: " + second);
        assertTrue(second.stream().anyMatch(n -> n.pitch() == 38 && n.startTick() == 0), "B's beat 1 arrived first: " + second);
        assertTrue(second.stream().noneMatch(n -> n.pitch() == 38 && n.startTick() == 3 * TPQ), "B's beat 4 arrives last: " + second);
    }

    @Test
    void aLineStaysALine() {
        List<Note> lineA = new ArrayList<>(), lineB = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lineA.add(new Note(40 + i, 100, i * TPQ, TPQ));
            lineB.add(new Note(50 + i, 100, i * TPQ + TPQ / 2, TPQ));
        }
        Piece a = clip(false, lineA), b = clip(false, lineB);
        Interpolation.Result r = new Interpolation(PPQ, Optional.empty(), InterpolationTest::jaccard).between(a, b, 5, 1);
        for (Piece s : r.steps()) {
            List<Note> notes = s.tracks().get(0).notes();
            for (int i = 1; i < notes.size(); i++) assertTrue(notes.get(i - 1).endTick() - notes.get(i).startTick() <= TPQ / 8, "overlap past legato in " + notes);
        }
    }
}
