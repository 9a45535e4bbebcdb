package loopsmith.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * How far a piece swings: the median position of its off-beat onsets within their 8th pair (a quarter) and their
 * 16th pair (an 8th), as a fraction of the pair: 0.5 is straight, 0.667 triplet swing (2:1). {@code NaN} when the
 * piece has fewer than {@value #MIN_OFF_BEATS} off-beat onsets at that level.
 *
 * <p>The phase is {@link loopsmith.library.Swing}'s, but {@code Swing.detect} is not reused: it answers only when the
 * swing is consistent and at least 0.54 (it decides whether ingest straightens a file), so a straight or loosely swung
 * piece gets no figure, while an evaluation needs a number for every piece, 0.5 included, to compare a genre's output
 * with its data. Off-beats are onsets at phase 0.4 to 0.72: from a little early straight to a little past triplet.
 * 3:1 (0.75) is left out because a straight 16th inside an 8th pair sits there too and the two cannot be told apart.
 * Onsets are counted once per track and tick, so a chord is one onset.
 */
public record SwingMeasure(double eighthPhase, double sixteenthPhase) {
    static final int MIN_OFF_BEATS = 4;
    static final double OFF_BEAT_FROM = 0.4;
    static final double OFF_BEAT_TO = 0.72;

    public static SwingMeasure of(Piece piece) {
        List<Long> onsets = new ArrayList<>();
        for (Track t : piece.tracks()) {
            TreeSet<Long> ticks = new TreeSet<>();
            for (Note n : t.notes()) ticks.add(n.startTick());
            onsets.addAll(ticks);
        }
        int tpq = piece.ticksPerQuarter();
        return new SwingMeasure(medianPhase(onsets, tpq), medianPhase(onsets, tpq / 2));
    }

    /** Median phase of the off-beat onsets in pairs of {@code pairTicks}; NaN below the minimum count. */
    static double medianPhase(List<Long> onsets, long pairTicks) {
        if (pairTicks < 2) return Double.NaN;
        List<Double> phases = new ArrayList<>();
        for (long t : onsets) {
            double phase = (double) Math.floorMod(t, pairTicks) / pairTicks;
            if (phase >= OFF_BEAT_FROM && phase <= OFF_BEAT_TO) phases.add(phase);
        }
        if (phases.size() < MIN_OFF_BEATS) return Double.NaN;
        phases.sort(null);
        int n = phases.size();
        return n % 2 == 1 ? phases.get(n / 2) : (phases.get(n / 2 - 1) + phases.get(n / 2)) / 2;
    }
}
