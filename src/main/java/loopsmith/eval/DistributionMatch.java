package loopsmith.eval;

import java.util.Arrays;

/**
 * How alike two samples of one feature are: the overlap area of their densities (1 = the same distribution, 0 =
 * disjoint) and the KL divergence KL(reference ‖ generated) in nats (0 = the same, larger = generated misses
 * reference mass).
 *
 * <p>Densities are Gaussian kernel density estimates with Silverman's bandwidth, as Yang &amp; Lerch do: with the few
 * dozen pieces an evaluation generates, a histogram's overlap depends on where the bin edges fall, and integer-valued
 * features (used pitch classes) put whole sets on one edge, while a KDE is smooth and needs no bin choice. Both are
 * integrated on a common grid of {@value #GRID} points. Hand-written because the estimate is twenty lines and the
 * statistics libraries that offer it (smile) are GPL.
 *
 * @param overlap       overlap area, 0..1
 * @param klDivergence  KL(reference ‖ generated) in nats, densities floored at {@value #FLOOR} of their peak so that
 *                      a region generated never reaches gives a large finite value, not infinity
 */
public record DistributionMatch(double overlap, double klDivergence, int generatedCount, int referenceCount) {
    static final int GRID = 512;
    static final double FLOOR = 1e-6;

    /** Compares two samples; {@code NaN} values (a feature a piece does not have) are left out. NaN figures when a side is empty. */
    public static DistributionMatch ofSamples(double[] generated, double[] reference) {
        double[] g = finite(generated);
        double[] r = finite(reference);
        if (g.length == 0 || r.length == 0) return new DistributionMatch(Double.NaN, Double.NaN, g.length, r.length);
        double lo = Math.min(min(g), min(r));
        double hi = Math.max(max(g), max(r));
        if (hi - lo == 0) return new DistributionMatch(1, 0, g.length, r.length); // both sets are one and the same value
        // A set with no spread (every piece 1.0) gets a kernel of a hundredth of the joint range, not a spike.
        double minBandwidth = (hi - lo) / 100;
        double hg = Math.max(silverman(g), minBandwidth);
        double hr = Math.max(silverman(r), minBandwidth);
        double from = lo - 4 * Math.max(hg, hr);
        double to = hi + 4 * Math.max(hg, hr);
        double dx = (to - from) / (GRID - 1);
        double[] pg = new double[GRID];
        double[] pr = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            double x = from + i * dx;
            pg[i] = kde(g, hg, x);
            pr[i] = kde(r, hr, x);
        }
        return fromDensities(pg, pr, dx, g.length, r.length);
    }

    /**
     * Compares two histograms over the same bins (each summing to 1, or all zero): overlap = Σ min(p, q). NaN when a
     * side is all zero.
     */
    public static DistributionMatch ofHistograms(double[] generated, double[] reference, int generatedCount, int referenceCount) {
        if (generated.length != reference.length) throw new IllegalArgumentException("histograms differ in bins");
        if (sum(generated) == 0 || sum(reference) == 0) return new DistributionMatch(Double.NaN, Double.NaN, generatedCount, referenceCount);
        return fromDensities(generated, reference, 1, generatedCount, referenceCount);
    }

    private static DistributionMatch fromDensities(double[] g, double[] r, double dx, int gn, int rn) {
        double peak = Math.max(max(g), max(r));
        double overlap = 0;
        double kl = 0;
        double gMass = sum(g) * dx;
        double rMass = sum(r) * dx;
        for (int i = 0; i < g.length; i++) {
            double p = r[i] / rMass;
            double q = g[i] / gMass;
            overlap += Math.min(p, q) * dx;
            double floor = FLOOR * peak / Math.max(gMass, rMass);
            if (p > 0) kl += p * Math.log(p / Math.max(q, floor)) * dx;
        }
        return new DistributionMatch(Math.min(1, overlap), Math.max(0, kl), gn, rn);
    }

    private static double kde(double[] xs, double h, double x) {
        double s = 0;
        for (double v : xs) {
            double z = (x - v) / h;
            s += Math.exp(-0.5 * z * z);
        }
        return s / (xs.length * h * Math.sqrt(2 * Math.PI));
    }

    /** Silverman's rule of thumb: 0.9 · min(σ, IQR/1.34) · n^(−1/5). */
    static double silverman(double[] xs) {
        if (xs.length < 2) return 0;
        double mean = Arrays.stream(xs).average().orElse(0);
        double var = 0;
        for (double v : xs) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / (xs.length - 1));
        double[] s = xs.clone();
        Arrays.sort(s);
        double iqr = quantile(s, 0.75) - quantile(s, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.pow(xs.length, -0.2);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static double[] finite(double[] xs) {
        return Arrays.stream(xs).filter(Double::isFinite).toArray();
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }
}
