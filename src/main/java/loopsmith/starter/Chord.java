package loopsmith.starter;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.Key;

/**
 * A chord as a root pitch class and intervals above it, built from a scale degree of a key (diatonic triads, with
 * sevenths and ninths where the genre uses them).
 */
record Chord(int rootPitchClass, int[] intervals) {

    /** The chord on scale degree {@code degree} (0 = tonic) of {@code key}, stacked in thirds {@code notes} high. */
    static Chord onDegree(Key key, int degree, int notes) {
        int[] scale = key.mode().scaleSemitones();
        int[] intervals = new int[notes];
        for (int i = 0; i < notes; i++) {
            int d = degree + 2 * i;
            int semis = scale[d % 7] + 12 * (d / 7) - scale[degree];
            intervals[i] = semis;
        }
        return new Chord((key.tonicPitchClass() + scale[degree % 7]) % 12, intervals);
    }

    int third() {
        return intervals.length > 1 ? intervals[1] : 4;
    }

    int fifth() {
        return intervals.length > 2 ? intervals[2] : 7;
    }

    boolean contains(int pitch) {
        int pc = Math.floorMod(pitch - rootPitchClass, 12);
        for (int i : intervals) if (i % 12 == pc) return true;
        return false;
    }

    /** The root in [low, low + 12). */
    int rootFrom(int low) {
        return low + Math.floorMod(rootPitchClass - low, 12);
    }

    /**
     * The voicing with its lowest note in [low, low + 12) that moves least from {@code previous} (smallest summed
     * distance of sorted voices), so progressions voice-lead instead of jumping in parallel.
     */
    List<Integer> voicing(int low, List<Integer> previous) {
        List<Integer> best = null;
        double bestCost = Double.MAX_VALUE;
        for (int inversion = 0; inversion < intervals.length; inversion++) {
            List<Integer> v = new ArrayList<>();
            int base = rootFrom(low) + intervals[inversion] % 12;
            if (base >= low + 12) base -= 12;
            int last = -1;
            for (int i = 0; i < intervals.length; i++) {
                int pc = (rootPitchClass + intervals[(inversion + i) % intervals.length]) % 12;
                int p = i == 0 ? base : last + 1 + Math.floorMod(pc - (last + 1), 12);
                v.add(p);
                last = p;
            }
            double cost = previous.isEmpty() ? Math.abs(v.get(0) - (low + 6)) : distance(v, previous);
            if (cost < bestCost) {
                bestCost = cost;
                best = v;
            }
        }
        return best;
    }

    private static double distance(List<Integer> a, List<Integer> b) {
        double d = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) d += Math.abs(a.get(i) - b.get(i));
        return d + Math.abs(a.size() - b.size()) * 3;
    }
}
