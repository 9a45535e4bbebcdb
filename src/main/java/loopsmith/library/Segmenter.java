package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.BarGrid;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Cuts a cleaned piece into windows of N bars every H bars. A window must keep one meter (windows across a change of
 * time signature are skipped), and one with too little in it is dropped: fewer than {@code minNotes} notes, or notes
 * in fewer than half of its bars. A piece shorter than one window is one segment of its own length: producers'
 * libraries are full of 1-, 2- and 4-bar loops, and they are worth learning from.
 * Notes that ring past a window's end are cut there; tracks empty in a window are left out of it.
 */
public final class Segmenter {
    private final int windowBars;
    private final int hopBars;
    private final int minNotes;

    /** What became of one piece's windows. */
    public record Result(List<Segment> segments, int nearlyEmpty, int acrossMeterChange) { }

    public Segmenter(int windowBars, int hopBars, int minNotes) {
        if (windowBars < 1) throw new IllegalArgumentException("windowBars must be >= 1");
        if (hopBars < 1) throw new IllegalArgumentException("hopBars must be >= 1");
        this.windowBars = windowBars;
        this.hopBars = hopBars;
        this.minNotes = minNotes;
    }

    public Result segment(Piece piece) {
        BarGrid grid = piece.barGrid();
        long totalBars = grid.barsCovering(piece.endTick());
        List<Segment> segments = new ArrayList<>();
        int nearlyEmpty = 0;
        int acrossMeter = 0;
        if (totalBars == 0) return new Result(segments, 0, 0);
        int length = (int) Math.min(windowBars, totalBars);
        for (long start = 0; start + length <= totalBars; start += hopBars) {
            long from = grid.barStartTick(start);
            long to = grid.barStartTick(start + length);
            if (meterChangesWithin(piece, from, to)) {
                acrossMeter++;
                continue;
            }
            Piece window = window(piece, from, to);
            if (window.noteCount() < Math.min(minNotes, length * 2L) || barsWithNotes(window, length) * 2 < length) {
                nearlyEmpty++;
                continue;
            }
            segments.add(new Segment(window, start, length));
        }
        return new Result(segments, nearlyEmpty, acrossMeter);
    }

    private static boolean meterChangesWithin(Piece p, long from, long to) {
        for (TimeSignatureChange c : p.timeSignatures()) if (c.tick() > from && c.tick() < to) return true;
        return false;
    }

    private static Piece window(Piece p, long from, long to) {
        List<Track> tracks = new ArrayList<>();
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                if (n.startTick() < from || n.startTick() >= to) continue;
                long start = n.startTick() - from;
                notes.add(new Note(n.pitch(), n.velocity(), start, Math.min(n.durationTicks(), to - n.startTick())));
            }
            if (!notes.isEmpty()) tracks.add(t.withNotes(notes));
        }
        TimeSignatureChange meter = p.timeSignatures().get(0);
        for (TimeSignatureChange c : p.timeSignatures()) if (c.tick() <= from) meter = c;
        return new Piece(p.ticksPerQuarter(), p.tempos(), List.of(new TimeSignatureChange(0, meter.timeSignature())),
                p.key(), tracks, to - from);
    }

    private static int barsWithNotes(Piece window, int bars) {
        BarGrid grid = window.barGrid();
        boolean[] used = new boolean[bars];
        for (Track t : window.tracks())
            for (Note n : t.notes()) {
                long b = grid.barAt(n.startTick());
                if (b < bars) used[(int) b] = true;
            }
        int count = 0;
        for (boolean u : used) if (u) count++;
        return count;
    }
}
