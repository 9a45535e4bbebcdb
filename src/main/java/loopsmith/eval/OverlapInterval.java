package loopsmith.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How far the mean overlap would move with another sample: the figure ± 1.96 bootstrap standard errors. Each draw
 * resamples, with replacement, the generated pieces, the reference windows and (for the share of the ceiling) the
 * training windows, and measures again. With a few dozen held-out files the kernel estimates move a lot from sample to
 * sample, so two settings whose intervals overlap widely have not been told apart by one run.
 *
 * <p>The spread of the draws, not their percentiles: a resample repeats pieces, which narrows the kernels and pulls
 * every draw's overlap below the figure's, so a percentile interval can miss the figure it is about.
 *
 * @param low  the figure less 1.96 standard errors
 * @param high the figure plus 1.96 standard errors
 */
public record OverlapInterval(double low, double high) {
    /** Draws per interval: enough for stable 2.5% tails to two decimals, a few seconds at eval's sizes. */
    static final int DRAWS = 200;
    /** Z of a two-sided 95% normal interval. */
    private static final double Z95 = 1.96;

    public OverlapInterval {
        if (!(low <= high)) throw new IllegalArgumentException("low must be <= high, was " + low + " > " + high);
    }

    /** The interval of the mean overlap of {@code generated} with {@code reference}; empty when either side is empty. */
    static Optional<OverlapInterval> meanOverlap(List<PieceFeatures> generated, List<PieceFeatures> reference, long seed) {
        if (generated.isEmpty() || reference.isEmpty()) return Optional.empty();
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++)
            draws[i] = StyleMatch.meanOverlap(resample(generated, random), resample(reference, random));
        return Optional.of(around(StyleMatch.meanOverlap(generated, reference), draws));
    }

    /**
     * The interval of the share of the ceiling: the generated pieces' overlap over the training windows', both against
     * the same resampled reference. Empty when a side is empty.
     */
    public static Optional<OverlapInterval> ofCeiling(List<PieceFeatures> generated, List<PieceFeatures> reference,
                                                      List<PieceFeatures> training, long seed) {
        return ratio(generated, training, reference, seed);
    }

    /**
     * The interval of {@code a}'s mean overlap over {@code b}'s, both against the same reference (resampled once per
     * draw for both, so the comparison is paired: a hard sample of held-out files is hard for both). Empty when a side
     * is empty or {@code b} overlaps nothing.
     */
    public static Optional<OverlapInterval> ratio(List<PieceFeatures> a, List<PieceFeatures> b, List<PieceFeatures> reference, long seed) {
        if (a.isEmpty() || b.isEmpty() || reference.isEmpty()) return Optional.empty();
        double base = StyleMatch.meanOverlap(b, reference);
        if (!(base > 0)) return Optional.empty();
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> draws = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            List<PieceFeatures> ref = resample(reference, random);
            double under = StyleMatch.meanOverlap(resample(b, random), ref);
            if (under > 0) draws.add(StyleMatch.meanOverlap(resample(a, random), ref) / under);
        }
        if (draws.size() < 2) return Optional.empty();
        return Optional.of(around(StyleMatch.meanOverlap(a, reference) / base, draws.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static <T> List<T> resample(List<T> xs, SplittableRandom random) {
        List<T> out = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) out.add(xs.get(random.nextInt(xs.size())));
        return out;
    }

    private static OverlapInterval around(double figure, double[] draws) {
        double mean = Arrays.stream(draws).average().orElse(0);
        double var = 0;
        for (double d : draws) var += (d - mean) * (d - mean);
        double halfWidth = Z95 * Math.sqrt(var / (draws.length - 1));
        return new OverlapInterval(figure - halfWidth, figure + halfWidth);
    }
}
