package loopsmith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/** The tempo bench's loops: where a rotated loop's downbeat is, and whether its pattern can say so. */
@UnitTest
class TempoSetTest {
    private static final int TPQ = GenreDrums.TICKS_PER_QUARTER;

    private static Piece loop(int bars, int[][] pitchAndSteps) {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++)
            for (int[] ps : pitchAndSteps)
                for (int i = 1; i < ps.length; i++) notes.add(new Note(ps[0], 100, (bar * 16L + ps[i]) * TPQ / 4, TPQ / 8));
        notes.sort(java.util.Comparator.comparingLong(Note::startTick));
        return Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), bars * 16L * TPQ / 4);
    }

    @Test
    void aFourOnTheFloorWithClapsCannotSayWhichHalfOfTheBarIsFirst() {
        Piece house = loop(2, new int[][] {{36, 0, 4, 8, 12}, {39, 4, 12}, {42, 2, 6, 10, 14}});
        assertFalse(TempoBench.barIsAudible(house));
        assertFalse(TempoBench.barIsAudible(TempoSet.shifted(house, 1)), "rotating it changes nothing a listener hears");
    }

    @Test
    void aBackbeatWithASyncopatedKickSaysWhereItsBarStarts() {
        Piece boomBap = loop(2, new int[][] {{36, 0, 10}, {38, 4, 12}, {42, 0, 2, 4, 6, 8, 10, 12, 14}});
        assertTrue(TempoBench.barIsAudible(boomBap));
        assertTrue(TempoBench.barIsAudible(TempoSet.shifted(boomBap, 2)));
    }

    @Test
    void aCrashOnTheOneMakesTheBarAudible() {
        Piece house = loop(1, new int[][] {{36, 0, 4, 8, 12}, {39, 4, 12}, {49, 0}});
        assertTrue(TempoBench.barIsAudible(house));
    }

    @Test
    void shiftingALoopMovesWhatWasBeforeTheShiftToTheEnd() {
        Piece p = loop(1, new int[][] {{36, 0}, {38, 4}});
        Piece shifted = TempoSet.shifted(p, 1);
        assertEquals(List.of(38, 36), shifted.tracks().get(0).notes().stream().map(Note::pitch).toList());
        assertEquals(0, shifted.tracks().get(0).notes().get(0).startTick());
        assertEquals(3L * TPQ, shifted.tracks().get(0).notes().get(1).startTick());
    }

    @Test
    void aWholeLoopIsCutWithEveryPartAndNoNotePastTheEnd() {
        Track drums = new Track("Drums", Role.DRUMS, 0, true, List.of(new Note(36, 100, 0, TPQ), new Note(36, 100, 8L * TPQ, TPQ)));
        Track bass = new Track("Bass", Role.BASS, 33, false, List.of(new Note(40, 90, 0, 2L * TPQ), new Note(43, 90, 3L * TPQ, 4L * TPQ)));
        Piece cut = TempoSet.cut(List.of(drums, bass), 1, 95);
        assertEquals(4L * TPQ, cut.endTick());
        assertEquals(95, cut.initialBpm(), 1e-9);
        assertEquals(List.of("Drums", "Bass"), cut.tracks().stream().map(Track::name).toList());
        assertEquals(33, cut.tracks().get(1).program(), "the part keeps its instrument");
        assertEquals(1, cut.tracks().get(0).notes().size(), "the hit in bar 3 is gone");
        assertEquals(TPQ, cut.tracks().get(1).notes().get(1).durationTicks(), "a note held past the end stops at it");
    }
}
