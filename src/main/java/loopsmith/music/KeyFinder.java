package loopsmith.music;

import java.util.List;
import java.util.Optional;

/**
 * Krumhansl–Schmuckler key finding: the pitch-class profile of a piece (each note weighted by its length, drums left
 * out) is correlated with the Krumhansl–Kessler probe-tone profiles of all 24 keys; the best correlation wins.
 * Duration weighting is Krumhansl's original choice and keeps a held chord from being outvoted by a fast run.
 */
public final class KeyFinder {
    private KeyFinder() {}

    // Krumhansl & Kessler (1982), probe-tone ratings for C major and C minor.
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    /**
     * The estimate: {@code correlation} is Pearson's r with the winning profile (-1..1); {@code margin} is how far
     * ahead of the runner-up it is. Estimates with little margin (relative keys, modal music) deserve little trust.
     */
    public record Estimate(Key key, double correlation, double margin) {
        /** A single figure in 0..1 for reports: the correlation, scaled down when the runner-up is close. */
        public double confidence() {
            return Math.max(0, correlation) * Math.min(1, margin / 0.1);
        }
    }

    /** Empty when there are no pitched notes to judge by. */
    public static Optional<Estimate> estimate(List<Track> tracks) {
        double[] profile = new double[12];
        double total = 0;
        for (Track t : tracks) {
            if (t.isDrum()) continue;
            for (Note n : t.notes()) {
                double weight = Math.max(1, n.durationTicks());
                profile[n.pitch() % 12] += weight;
                total += weight;
            }
        }
        if (total == 0) return Optional.empty();
        return estimate(profile);
    }

    /**
     * The estimate for a pitch-class profile measured some other way (an audio clip's chroma: index 0 = C); empty
     * when the profile is flat.
     */
    public static Optional<Estimate> estimate(double[] profile) {
        if (profile.length != 12) throw new IllegalArgumentException("a pitch-class profile has 12 entries, not " + profile.length);
        Key best = null;
        double bestR = Double.NEGATIVE_INFINITY;
        double secondR = Double.NEGATIVE_INFINITY;
        for (Mode mode : Mode.values()) {
            double[] reference = mode == Mode.MAJOR ? MAJOR : MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double r = correlation(profile, reference, tonic);
                if (r > bestR) {
                    secondR = bestR;
                    bestR = r;
                    best = new Key(tonic, mode);
                } else if (r > secondR) {
                    secondR = r;
                }
            }
        }
        if (Double.isNaN(bestR)) return Optional.empty();
        return Optional.of(new Estimate(best, bestR, bestR - secondR));
    }

    /** Pearson correlation of the profile with the reference rotated to start on {@code tonic}. */
    private static double correlation(double[] profile, double[] reference, int tonic) {
        double meanP = 0;
        double meanR = 0;
        for (int i = 0; i < 12; i++) {
            meanP += profile[i];
            meanR += reference[i];
        }
        meanP /= 12;
        meanR /= 12;
        double cov = 0;
        double varP = 0;
        double varR = 0;
        for (int pc = 0; pc < 12; pc++) {
            double p = profile[pc] - meanP;
            double r = reference[Math.floorMod(pc - tonic, 12)] - meanR;
            cov += p * r;
            varP += p * p;
            varR += r * r;
        }
        return varP == 0 ? Double.NaN : cov / Math.sqrt(varP * varR);
    }
}
