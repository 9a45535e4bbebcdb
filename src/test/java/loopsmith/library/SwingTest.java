package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class SwingTest {
    private static final int PPQ = 480;

    /** Eighth-note hats for four bars, the off-beat at {@code phase} of each beat, with a little human jitter. */
    static Track hats(double phase, int jitterTicks, long seed) {
        Random rnd = new Random(seed);
        List<Note> notes = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            long t = (long) beat * PPQ;
            notes.add(new Note(42, 90, Math.max(0, t + rnd.nextInt(2 * jitterTicks + 1) - jitterTicks), 60));
            notes.add(new Note(42, 70, t + Math.round(phase * PPQ) + rnd.nextInt(2 * jitterTicks + 1) - jitterTicks, 60));
        }
        return new Track("Hats", Role.DRUMS, 0, true, notes);
    }

    @Test
    void tripletShuffleIsFoundAndStraightened() {
        Swing s = Swing.detect(List.of(hats(2.0 / 3, 8, 1)), PPQ).orElseThrow();
        assertEquals(PPQ, s.pairTicks());
        assertEquals(2.0, s.ratio(), 0.15);
        assertEquals(240, s.straighten(320), 2);
        assertEquals(480, s.straighten(480));
        assertEquals(0, s.straighten(0));
    }

    @Test
    void straightAndSloppyPlayingIsNotSwing() {
        assertTrue(Swing.detect(List.of(hats(0.5, 10, 2)), PPQ).isEmpty(), "straight 8ths");
        assertTrue(Swing.detect(List.of(hats(0.62, 90, 3)), PPQ).isEmpty(), "inconsistent off-beats");
    }

    @Test
    void sixteenthSwingIsFoundAtSixteenths() {
        List<Note> notes = new ArrayList<>();
        for (int pair = 0; pair < 32; pair++) {
            notes.add(new Note(42, 90, pair * 240L, 30));
            notes.add(new Note(42, 70, pair * 240L + 144, 30)); // 3:2 swing of 16ths
        }
        Swing s = Swing.detect(List.of(new Track("Hats", Role.DRUMS, 0, true, notes)), PPQ).orElseThrow();
        assertEquals(240, s.pairTicks());
        assertEquals(1.5, s.ratio(), 0.01);
    }

    @Property
    void straighteningAPiecePlayedWithSwingGivesItBackOnTheGridToATick(@ForAll @IntRange(min = 54, max = 75) int percent,
                                                                  @ForAll boolean sixteenths) {
        long pair = sixteenths ? PPQ / 2 : PPQ;
        Swing s = Swing.of(pair, percent / 100.0);
        List<Note> notes = new ArrayList<>();
        long step = pair / 2;
        for (int i = 0; i < 32; i++) notes.add(new Note(i % 2 == 0 ? 36 : 42, 90, i * step, step / 2));
        Piece straight = Piece.of(PPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), 32 * step);
        Piece swung = s.applyTo(straight);
        assertTrue(swung.tracks().get(0).notes().stream().anyMatch(n -> n.startTick() % step != 0), "off-beats move");
        List<Note> back = s.straightenIn(swung).tracks().get(0).notes();
        for (int i = 0; i < notes.size(); i++) { // each way rounds to a whole tick
            assertEquals(notes.get(i).startTick(), back.get(i).startTick(), 1);
            assertEquals(notes.get(i).pitch(), back.get(i).pitch());
        }
    }
}
