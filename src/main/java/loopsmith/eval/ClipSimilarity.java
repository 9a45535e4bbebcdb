package loopsmith.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loopsmith.music.DrumGroup;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * How alike two clips of one part are, in rhythm and in pitch, each 0 (nothing shared) to 1 (the same):
 *
 * <ul>
 *   <li><b>rhythm</b>: the Jaccard index of their onsets on a sixteenth grid, pitch aside (the same hits at the same
 *       steps, whatever they play);
 *   <li><b>pitch</b>: the overlap (histogram intersection) of what they play, time aside: pitch classes for a pitched
 *       part, drum groups (kick, snare, hats…) for drums, each note counted once;
 *   <li><b>notes</b>: the Jaccard index of (step, pitch) pairs, both at once.
 * </ul>
 *
 * Clips are compared bar for bar from their starts; a clip's resolution does not matter.
 */
public final class ClipSimilarity {
    private static final int STEPS_PER_QUARTER = 4;

    private ClipSimilarity() {}

    public record Similarity(double rhythm, double pitch, double notes) {
        /** The mean of rhythm and pitch: the one figure to compare steps by. */
        public double overall() {
            return (rhythm + pitch) / 2;
        }
    }

    public static Similarity of(Piece a, Piece b) {
        Track ta = part(a), tb = part(b);
        boolean drums = ta.isDrum() || tb.isDrum();
        return new Similarity(jaccard(onsets(ta, a.ticksPerQuarter(), false, drums), onsets(tb, b.ticksPerQuarter(), false, drums)),
                histogramOverlap(histogram(ta, drums), histogram(tb, drums)),
                jaccard(onsets(ta, a.ticksPerQuarter(), true, drums), onsets(tb, b.ticksPerQuarter(), true, drums)));
    }

    /** All notes of a clip as one part (a clip of several tracks of one role is one part to a producer). */
    private static Track part(Piece p) {
        if (p.tracks().size() == 1) return p.tracks().get(0);
        Track first = p.tracks().isEmpty() ? new Track("Empty", Role.OTHER, 0, false, List.of()) : p.tracks().get(0);
        return first.withNotes(p.tracks().stream().flatMap(t -> t.notes().stream()).toList());
    }

    private static Set<Long> onsets(Track t, int tpq, boolean withPitch, boolean drums) {
        Set<Long> out = new HashSet<>();
        for (Note n : t.notes()) {
            long step = Math.round(n.startTick() * (double) STEPS_PER_QUARTER / tpq);
            out.add(withPitch ? step * 128 + (drums ? DrumGroup.of(n.pitch()).ordinal() : n.pitch()) : step);
        }
        return out;
    }

    private static double[] histogram(Track t, boolean drums) {
        double[] h = new double[drums ? DrumGroup.values().length : 12];
        for (Note n : t.notes()) h[drums ? DrumGroup.of(n.pitch()).ordinal() : n.pitch() % 12]++;
        return h;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        int both = 0;
        for (Long x : a) if (b.contains(x)) both++;
        return (double) both / (a.size() + b.size() - both);
    }

    static double histogramOverlap(double[] a, double[] b) {
        double sa = 0, sb = 0;
        for (double x : a) sa += x;
        for (double x : b) sb += x;
        if (sa == 0 || sb == 0) return sa == sb ? 1 : 0;
        double overlap = 0;
        for (int i = 0; i < a.length; i++) overlap += Math.min(a[i] / sa, b[i] / sb);
        return overlap;
    }
}
