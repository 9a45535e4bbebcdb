package loopsmith.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Swing: the off-beat note of every pair of 8ths (or 16ths) played late by a consistent amount. Cleaning detects it,
 * stores the ratio and straightens the notes, instead of letting quantization smear a shuffle into a mess; the ratio
 * stays in the dataset index so a generator can swing its output again.
 *
 * @param pairTicks  length of one on-beat + off-beat pair (a quarter for 8th swing, an 8th for 16th swing)
 * @param ratio      long : short, 1.0 = straight, 2.0 = triplet shuffle
 * @param offBeatPhase where the off-beat falls within the pair, 0.5 = straight
 */
public record Swing(long pairTicks, double ratio, double offBeatPhase) {
    private static final int MIN_OFF_BEATS = 8;
    private static final double MIN_OFF_BEAT_SHARE = 0.15;
    private static final double MAX_SPREAD = 0.04; // median absolute deviation of the off-beat phase
    private static final double MIN_PHASE = 0.54; // below this (ratio < ~1.17) it is humanization, not swing
    private static final double MAX_PHASE = 0.75; // 3:1 is the hardest shuffle anyone plays

    /** Swing in the piece's onsets, tried at 16ths then 8ths; empty when none is consistent. */
    public static Optional<Swing> detect(List<Track> tracks, int ticksPerQuarter) {
        List<Long> onsets = new ArrayList<>();
        for (Track t : tracks) for (Note n : t.notes()) onsets.add(n.startTick());
        for (long pair : new long[] {ticksPerQuarter / 2, ticksPerQuarter}) {
            if (pair < 4) continue;
            Optional<Swing> s = detectAt(onsets, pair);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    private static Optional<Swing> detectAt(List<Long> onsets, long pairTicks) {
        double[] phases = new double[onsets.size()];
        int off = 0;
        for (long t : onsets) {
            double phase = (double) Math.floorMod(t, pairTicks) / pairTicks;
            if (phase >= 0.4 && phase <= 0.8) phases[off++] = phase;
        }
        if (off < MIN_OFF_BEATS || off < MIN_OFF_BEAT_SHARE * onsets.size()) return Optional.empty();
        double[] offBeats = Arrays.copyOf(phases, off);
        Arrays.sort(offBeats);
        double median = offBeats[off / 2];
        double[] deviations = new double[off];
        for (int i = 0; i < off; i++) deviations[i] = Math.abs(offBeats[i] - median);
        Arrays.sort(deviations);
        if (deviations[off / 2] > MAX_SPREAD || median < MIN_PHASE || median > MAX_PHASE) return Optional.empty();
        return Optional.of(new Swing(pairTicks, median / (1 - median), median));
    }

    /** Moves a tick from swung time to straight time: the off-beat goes back to the middle of its pair. */
    public long straighten(long tick) {
        long pairStart = Math.floorDiv(tick, pairTicks) * pairTicks;
        double phase = (double) (tick - pairStart) / pairTicks;
        double straight = phase <= offBeatPhase ? phase / offBeatPhase * 0.5
                : 0.5 + (phase - offBeatPhase) / (1 - offBeatPhase) * 0.5;
        return pairStart + Math.round(straight * pairTicks);
    }

    /** Moves a tick from straight time to swung time: the inverse of {@link #straighten}. */
    public long apply(long tick) {
        long pairStart = Math.floorDiv(tick, pairTicks) * pairTicks;
        double phase = (double) (tick - pairStart) / pairTicks;
        double swung = phase <= 0.5 ? phase / 0.5 * offBeatPhase : offBeatPhase + (phase - 0.5) / 0.5 * (1 - offBeatPhase);
        return pairStart + Math.round(swung * pairTicks);
    }

    /** Swing of the off-beat at {@code offBeatPhase} (0.5..1) of pairs {@code pairTicks} long. */
    public static Swing of(long pairTicks, double offBeatPhase) {
        return new Swing(pairTicks, offBeatPhase / (1 - offBeatPhase), offBeatPhase);
    }

    /** Every note of the piece played with this swing (onsets and ends moved; drums keep their length). */
    public Piece applyTo(Piece piece) {
        return moved(piece, this::apply);
    }

    /** Every note of the piece played straight: the inverse of {@link #applyTo} (drums keep their length). */
    public Piece straightenIn(Piece piece) {
        return moved(piece, this::straighten);
    }

    private static Piece moved(Piece piece, LongUnaryOperator time) {
        List<Track> tracks = new ArrayList<>(piece.tracks().size());
        for (Track t : piece.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                long start = time.applyAsLong(n.startTick());
                long end = t.isDrum() ? start + n.durationTicks() : Math.max(start + 1, time.applyAsLong(n.endTick()));
                notes.add(new Note(n.pitch(), n.velocity(), start, end - start));
            }
            tracks.add(t.withNotes(notes));
        }
        return piece.withTracks(tracks);
    }
}
