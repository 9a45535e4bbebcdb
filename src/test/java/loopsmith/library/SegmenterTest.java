package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class SegmenterTest {
    private static final int BAR = 1920;

    /** A kick on every beat of the given bars. */
    private static Piece beats(int bars, int... emptyBars) {
        List<Note> notes = new ArrayList<>();
        java.util.Set<Integer> empty = new java.util.HashSet<>();
        for (int b : emptyBars) empty.add(b);
        for (int bar = 0; bar < bars; bar++)
            for (int beat = 0; beat < 4; beat++)
                if (!empty.contains(bar)) notes.add(new Note(36, 100, bar * (long) BAR + beat * 480L, 100));
        return Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), (long) bars * BAR);
    }

    @Test
    void windowsWithHop() {
        Segmenter.Result r = new Segmenter(8, 4, 8).segment(beats(16));
        assertEquals(List.of(0L, 4L, 8L), r.segments().stream().map(Segment::startBar).toList());
        Segment s = r.segments().get(1);
        assertEquals(8 * BAR, s.piece().endTick());
        assertEquals(0, s.piece().tracks().get(0).notes().get(0).startTick());
        assertEquals(32, s.piece().noteCount());
    }

    @Test
    void nearlyEmptyWindowsAreDropped() {
        Segmenter.Result r = new Segmenter(4, 4, 8).segment(beats(12, 4, 5, 6, 7));
        assertEquals(List.of(0L, 8L), r.segments().stream().map(Segment::startBar).toList());
        assertEquals(1, r.nearlyEmpty());
    }

    @Test
    void shortLoopIsOneSegmentOfItsOwnLength() {
        Segmenter.Result r = new Segmenter(8, 4, 8).segment(beats(2));
        assertEquals(1, r.segments().size());
        assertEquals(2, r.segments().get(0).bars());
    }

    @Test
    void windowsAcrossAMeterChangeAreSkipped() {
        Piece p = beats(8);
        Piece changed = new Piece(480, List.of(new TempoChange(0, 120)), List.of(new TimeSignatureChange(0, TimeSignature.FOUR_FOUR),
                new TimeSignatureChange(2 * BAR, new TimeSignature(3, 4))), Optional.empty(), p.tracks(), p.endTick());
        Segmenter.Result r = new Segmenter(2, 2, 1).segment(changed);
        assertEquals(0, r.acrossMeterChange()); // the change falls on a window boundary
        Segmenter.Result r3 = new Segmenter(3, 1, 1).segment(changed);
        assertEquals(2, r3.acrossMeterChange());
        assertEquals("3/4", r3.segments().get(r3.segments().size() - 1).piece().initialTimeSignature().toString());
    }
}
