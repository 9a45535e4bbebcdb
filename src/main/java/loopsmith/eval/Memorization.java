package loopsmith.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *
 * <p>Copies are also counted by part, and apart for windows that {@value #SHARED_SOURCES} or more training files
 * share: a pattern many files play (a rule-made genre's stock beat) is copied from all of them, not from one piece,
 * and telling the two apart says whether the cure is the model or the training data's variety.
 */
public final class Memorization {
    public static final int WINDOW_BARS = 4;
    public static final int MIN_NOTES = 4;
    public static final int SHARED_SOURCES = 5;

    /** Per window hash, the training files it occurs in, up to {@link #SHARED_SOURCES} (counting stops there). */
    private final Map<Long, Set<String>> trainingWindows = new HashMap<>();
    private int trainingPieces;

    /** Copies of one part (role label): generated windows and those found in training. */
    public record PartCopies(int windows, int copied) { }

    /**
     * The outcome: share of generated windows found in training, the longest run of copied bars in one track, the
     * copies of windows {@link #SHARED_SOURCES} or more training files share, and the copies per part.
     */
    public record Result(double copiedWindowRate, int windows, int copiedWindows, int longestCopiedRunBars,
                         int trainingPieces, int trainingWindows, int copiedSharedWindows, Map<String, PartCopies> byPart) { }

    /** A training piece cut from {@code source}: windows of the same file count once for it. */
    public void addTraining(Piece piece, String source) {
        trainingPieces++;
        for (Track t : piece.tracks())
            for (Long h : windows(piece, t)) {
                if (h == null) continue;
                Set<String> sources = trainingWindows.computeIfAbsent(h, k -> new HashSet<>(2));
                if (sources.size() < SHARED_SOURCES) sources.add(source);
            }
    }

    /**
     * Measures generated pieces. A run of k consecutive copied windows in one track counts as k + 3 copied bars (the
     * windows overlap); the windows may come from different training pieces, so this is an upper bound on one copy.
     */
    public Result measure(List<Piece> generated) {
        int windows = 0;
        int copied = 0;
        int shared = 0;
        int longest = 0;
        Map<String, int[]> parts = new TreeMap<>();
        for (Piece p : generated) {
            for (Track t : p.tracks()) {
                int[] part = parts.computeIfAbsent(t.role().label(), k -> new int[2]);
                int run = 0;
                for (Long h : windows(p, t)) {
                    if (h == null) {
                        run = 0;
                        continue;
                    }
                    windows++;
                    part[0]++;
                    Set<String> sources = trainingWindows.get(h);
                    if (sources != null) {
                        copied++;
                        part[1]++;
                        if (sources.size() >= SHARED_SOURCES) shared++;
                        run++;
                        longest = Math.max(longest, run + WINDOW_BARS - 1);
                    } else {
                        run = 0;
                    }
                }
            }
        }
        Map<String, PartCopies> byPart = new LinkedHashMap<>();
        parts.forEach((role, c) -> byPart.put(role, new PartCopies(c[0], c[1])));
        return new Result(windows == 0 ? 0 : (double) copied / windows, windows, copied, longest, trainingPieces,
                trainingWindows.size(), shared, byPart);
    }

    private static final Comparator<long[]> GRID_ORDER = Comparator.<long[]>comparingLong(c -> c[0])
            .thenComparingLong(c -> c[1]).thenComparingLong(c -> c[2]);

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
            List<long[]> cells = new ArrayList<>(); // (onset, pitch, length) on the 16th grid
            for (Note n : notes) {
                if (n.startTick() < from) continue;
                if (n.startTick() >= to) break;
                long onset = Math.round((n.startTick() - from) / sixteenth);
                long length = track.isDrum() ? 0 : Math.max(1, Math.round(n.durationTicks() / sixteenth));
                cells.add(new long[] {onset, n.pitch(), length});
            }
            // Sorted on the grid, not by tick: a hat played a few ticks before the kick it shares a 16th with is the
            // same window as one played after it.
            cells.sort(GRID_ORDER);
            long h = track.isDrum() ? 0x5EED : 0x70E5;
            for (long[] c : cells) h = mix(mix(mix(h, c[0]), c[1]), c[2]);
            int count = cells.size();
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
