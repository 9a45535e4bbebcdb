package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
class GrooveTemplateTest {
    private static final double BPM = 90;
    private static final int TPQ = 480;
    private static final int STEP = TPQ / 4;

    /** Two bars: kicks on the beats on time (loud on 1), hats on the off-sixteenths a third of a step late (softer). */
    private static Groove swungLoop() {
        List<Groove.Hit> hits = new ArrayList<>();
        double stepMs = 60_000 / BPM / 4;
        for (int bar = 0; bar < 2; bar++) {
            for (int s = 0; s < 16; s += 4) hits.add(new Groove.Hit(0, 36, bar * 16 + s, 0, 0, s == 0 ? 120 : 100));
            for (int s = 1; s < 16; s += 2) hits.add(new Groove.Hit(0, 42, bar * 16 + s, stepMs / 3, 1.0 / 3, 80));
        }
        return new Groove(BPM, 0, hits);
    }

    private static Piece bass(List<Note> notes, int bars) {
        return Piece.of(TPQ, BPM, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Bass", Role.BASS, 33, false, notes)), (long) bars * 16 * STEP);
    }

    @Test
    void offSixteenthsArePlayedLateAndBeatsStayWithTheLoopsAccents() {
        GrooveTemplate t = GrooveTemplate.of(swungLoop()).orElseThrow();
        assertEquals(1.0 / 3, t.offsetSteps()[3], 1e-9);
        assertEquals(0, t.offsetSteps()[4], 1e-9);
        assertEquals(0, t.offsetSteps()[2], 1e-9, "an unplayed on-eighth takes the on-eighths' mean");
        Piece in = bass(List.of(new Note(40, 80, 0, STEP), new Note(40, 80, 3 * STEP, STEP), new Note(43, 80, 4 * STEP, STEP)), 1);
        List<Note> out = t.applyTo(in, i -> true, 1).tracks().get(0).notes();
        assertEquals(0, out.get(0).startTick());
        assertEquals(3 * STEP + STEP / 3, out.get(1).startTick());
        assertEquals(4 * STEP, out.get(2).startTick());
        assertTrue(out.get(0).velocity() > out.get(2).velocity(), "the downbeat is the loop's loudest: " + out);
        assertTrue(out.get(1).velocity() < 80, "the soft hats make the off-sixteenths softer: " + out);
    }

    @Test
    void tooFewHitsMakeNoTemplate() {
        assertTrue(GrooveTemplate.of(new Groove(BPM, 0, List.of(new Groove.Hit(0, 36, 0, 0, 0, 100)))).isEmpty());
    }

    @Test
    void otherMetersAndUnchosenTracksAreLeftAlone() {
        GrooveTemplate t = GrooveTemplate.of(swungLoop()).orElseThrow();
        Piece waltz = Piece.of(TPQ, BPM, new TimeSignature(3, 4), Optional.empty(),
                List.of(new Track("Bass", Role.BASS, 33, false, List.of(new Note(40, 80, STEP, STEP)))), 12L * STEP);
        assertSame(waltz, t.applyTo(waltz, i -> true, 1));
        Piece in = bass(List.of(new Note(40, 80, 3 * STEP, STEP)), 1);
        assertEquals(in.tracks(), t.applyTo(in, i -> false, 1).tracks());
    }

    /** Every note is kept (pitch, order, count), stays inside the piece, and amount 0 changes nothing. */
    @Property
    void notesAreMovedNeverLostAndStayInside(@ForAll @IntRange(min = 0, max = 40) int count, @ForAll @DoubleRange(min = 0, max = 1) double amount,
                                            @ForAll @IntRange(min = 0, max = 1000) int salt) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(salt);
        long end = 2L * 16 * STEP;
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = rnd.nextLong(end);
            notes.add(new Note(30 + rnd.nextInt(60), 1 + rnd.nextInt(127), start, 1 + rnd.nextLong(end - start)));
        }
        Piece in = bass(notes, 2);
        Piece out = GrooveTemplate.of(swungLoop()).orElseThrow().applyTo(in, i -> true, amount);
        List<Note> before = in.tracks().get(0).notes();
        List<Note> after = out.tracks().get(0).notes();
        assertEquals(before.size(), after.size());
        assertEquals(before.stream().map(Note::pitch).sorted().toList(), after.stream().map(Note::pitch).sorted().toList());
        for (Note n : after) assertTrue(n.startTick() >= 0 && n.endTick() <= end && n.durationTicks() >= 1, n.toString());
        if (amount == 0) assertEquals(before, after);
    }
}
