package loopsmith.tokens;

import java.util.List;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * Per-part attribute controls (MMM/FIGARO-style), computed from a part's own notes and written into its declaration,
 * so at generation time "sparse" or "busy" asks the model for what it has learned those words to mean.
 *
 * <p>Density is notes per bar against two thresholds per role. The thresholds split the parts of the shared corpus and
 * the starter corpus roughly into thirds (drum parts count hits, so their thresholds are higher); polyphony is the
 * median, over a part's onsets, of how many notes start together.
 */
public final class Controls {
    public static final int LEVELS = 3;

    private Controls() {}

    /** Notes per bar at or above which a part of this role is medium, then busy. */
    static double[] densityThresholds(Role role, boolean drums) {
        if (drums) return new double[] {9, 17};
        return switch (role) {
            case BASS -> new double[] {4, 8};
            case CHORDS -> new double[] {7, 14};
            case MELODY -> new double[] {4, 8};
            case PAD -> new double[] {3, 7};
            case DRUMS, FX, OTHER -> new double[] {4, 10};
        };
    }

    /** Notes per bar a part of density {@code level} plays fewer of: infinite for the busiest level. */
    public static double notesPerBarBelow(Role role, boolean drums, int level) {
        if (level < 0 || level >= LEVELS) throw new IllegalArgumentException("density level 0.." + (LEVELS - 1) + ": " + level);
        return level == LEVELS - 1 ? Double.POSITIVE_INFINITY : densityThresholds(role, drums)[level];
    }

    /** Density level 0..2 of a part {@code bars} bars long. */
    public static int density(Track track, long bars) {
        double perBar = bars <= 0 ? 0 : (double) track.notes().size() / bars;
        double[] t = densityThresholds(track.role(), track.isDrum());
        return perBar >= t[1] ? 2 : perBar >= t[0] ? 1 : 0;
    }

    /** Polyphony level 0..2: the median number of notes that start together is 1, 2–3, or 4 and more. */
    public static int polyphony(Track track) {
        List<Note> notes = track.notes();
        if (notes.isEmpty()) return 0;
        int[] counts = new int[notes.size()];
        int groups = 0;
        for (int i = 0; i < notes.size(); ) {
            int j = i;
            while (j < notes.size() && notes.get(j).startTick() == notes.get(i).startTick()) j++;
            counts[groups++] = j - i;
            i = j;
        }
        int[] sorted = java.util.Arrays.copyOf(counts, groups);
        java.util.Arrays.sort(sorted);
        int median = sorted[groups / 2];
        return median >= 4 ? 2 : median >= 2 ? 1 : 0;
    }
}
