package loopsmith.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loopsmith.music.BarGrid;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Copying from the training set: every track is cut into {@value #WINDOW_BARS}-bar windows (hop one bar), each window
 * reduced to its notes as (onset in 16ths from the window start, pitch, length in 16ths) — lengths left out for drums,
 * whose note-offs mean nothing — and hashed. A generated window that equals a training window exactly is a copy.
 * The 16th grid makes expressive timing in the training MIDI (Groove is played live) compare equal to its quantized
 * tokens. Windows with fewer than {@value #MIN_NOTES} notes are left out on both sides: a bar of four kicks on the
 * beat is a convention, not a copy.
 */
public final class Memorization {
    public static final int WINDOW_BARS = 4;
    public static final int MIN_NOTES = 4;

    private final Set<Long> trainingWindows = new HashSet<>();
    private int trainingPieces;

    /** The outcome: share of generated windows found in training, and the longest run of copied bars in one track. */
    public record Result(double copiedWindowRate, int windows, int copiedWindows, int longestCopiedRunBars,
                         int trainingPieces, int trainingWindows) { }

    public void addTraining(Piece piece) {
        trainingPieces++;
        for (Track t : piece.tracks()) for (Long h : windows(piece, t)) if (h != null) trainingWindows.add(h);
    }

    /**
     * Measures generated pieces. A run of k consecutive copied windows in one track counts as k + 3 copied bars (the
     * windows overlap); the windows may come from different training pieces, so this is an upper bound on one copy.
     */
    public Result measure(List<Piece> generated) {
        int windows = 0;
        int copied = 0;
        int longest = 0;
        for (Piece p : generated) {
            for (Track t : p.tracks()) {
                int run = 0;
                for (Long h : windows(p, t)) {
                    if (h == null) {
                        run = 0;
                        continue;
                    }
                    windows++;
                    if (trainingWindows.contains(h)) {
                        copied++;
                        run++;
                        longest = Math.max(longest, run + WINDOW_BARS - 1);
                    } else {
                        run = 0;
                    }
                }
            }
        }
        return new Result(windows == 0 ? 0 : (double) copied / windows, windows, copied, longest, trainingPieces,
                trainingWindows.size());
    }

    /** One hash per window start bar; null where the window has too few notes to count. */
    static List<Long> windows(Piece piece, Track track) {
        BarGrid grid = piece.barGrid();
        long bars = piece.lengthBars();
        double sixteenth = piece.ticksPerQuarter() / 4.0;
        List<Long> out = new ArrayList<>();
        List<Note> notes = track.notes();
        for (long start = 0; start + WINDOW_BARS <= bars; start++) {
            long from = grid.barStartTick(start);
            long to = grid.barStartTick(start + WINDOW_BARS);
            long h = track.isDrum() ? 0x5EED : 0x70E5;
            int count = 0;
            for (Note n : notes) {
                if (n.startTick() < from) continue;
                if (n.startTick() >= to) break;
                long onset = Math.round((n.startTick() - from) / sixteenth);
                long length = track.isDrum() ? 0 : Math.max(1, Math.round(n.durationTicks() / sixteenth));
                h = mix(mix(mix(h, onset), n.pitch()), length);
                count++;
            }
            // Bar lengths are part of the window: 4 bars of 3/4 never equal 3 bars of 4/4 with the same onsets.
            h = mix(h, Math.round((to - from) / sixteenth));
            out.add(count < MIN_NOTES ? null : h);
        }
        return out;
    }

    /** A 64-bit mix (SplitMix64's finalizer) so that collisions among millions of windows stay negligible. */
    private static long mix(long h, long v) {
        long z = h * 0x9E3779B97F4A7C15L + v;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
