package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class DistributionMatchTest {
    private static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: the JDK's nextGaussian is not on SplittableRandom in Java 17
            double u = 1 - r.nextDouble();
            double v = r.nextDouble();
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    @Test
    void identicalSamplesOverlapFullyWithZeroDivergence() {
        double[] a = normal(200, 0, 1, 1);
        DistributionMatch d = DistributionMatch.ofSamples(a, a.clone());
        assertEquals(1.0, d.overlap(), 1e-6);
        assertEquals(0.0, d.klDivergence(), 1e-6);
    }

    @Test
    void twoUnitNormalsOneSigmaApartOverlapAsTheoryPredicts() {
        // Overlap of N(0,1) and N(1,1) is 2Φ(−1/2) ≈ 0.617; KL is 1/2. KDE smoothing widens both a little.
        DistributionMatch d = DistributionMatch.ofSamples(normal(4000, 1, 1, 2), normal(4000, 0, 1, 3));
        assertEquals(0.617, d.overlap(), 0.04);
        assertEquals(0.5, d.klDivergence(), 0.1);
    }

    @Test
    void disjointSamplesBarelyOverlapAndDivergeStrongly() {
        DistributionMatch d = DistributionMatch.ofSamples(normal(100, 0, 1, 4), normal(100, 50, 1, 5));
        assertTrue(d.overlap() < 1e-3, "overlap " + d.overlap());
        assertTrue(d.klDivergence() > 5, "kl " + d.klDivergence());
    }

    @Test
    void sameConstantIsAPerfectMatchAndNaNIsLeftOut() {
        DistributionMatch d = DistributionMatch.ofSamples(new double[] {1, 1, Double.NaN}, new double[] {1, 1, 1});
        assertEquals(1.0, d.overlap());
        assertEquals(2, d.generatedCount());
        assertTrue(Double.isNaN(DistributionMatch.ofSamples(new double[] {Double.NaN}, new double[] {1}).overlap()));
    }

    @Test
    void aPointMassIsComparedShareForShare() {
        // 39 of 41 reference windows leave no beat empty, two do; every generated window leaves none: they share 95%.
        double[] reference = new double[41];
        reference[39] = 0.17;
        reference[40] = 0.30;
        DistributionMatch d = DistributionMatch.ofSamples(new double[200], reference);
        assertEquals(39 / 41.0, d.overlap(), 1e-9);
        assertEquals(2 / 41.0 * Math.log(2 / 41.0 / 1e-6) + 39 / 41.0 * Math.log(39 / 41.0), d.klDivergence(), 0.5);
    }

    @Test
    void twoSamplesOfOneZeroInflatedDistributionReadAlike() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = new double[200];
        double[] b = new double[41];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble() < 0.1 ? 0.1 + 0.2 * rnd.nextDouble() : 0;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble() < 0.1 ? 0.1 + 0.2 * rnd.nextDouble() : 0;
        assertTrue(DistributionMatch.ofSamples(a, b).overlap() > 0.85, "overlap " + DistributionMatch.ofSamples(a, b).overlap());
    }

    @Test
    void aNarrowerSampleWithoutTiesStillReadsAsNarrower() {
        // N(0, 0.5) against N(0, 1): the densities share 0.66; no value repeats, so the kernels judge it as before.
        DistributionMatch d = DistributionMatch.ofSamples(normal(400, 0, 0.5, 7), normal(400, 0, 1, 8));
        assertEquals(0.66, d.overlap(), 0.06);
        double[] spread = normal(200, 0, 1, 5);
        assertTrue(DistributionMatch.ofSamples(new double[200], spread).overlap() < 0.05, "a point mass against a spread");
    }

    @Test
    void histogramOverlapIsTheSumOfMinima() {
        DistributionMatch d = DistributionMatch.ofHistograms(new double[] {0.5, 0.5, 0}, new double[] {0, 0.5, 0.5}, 1, 1);
        assertEquals(0.5, d.overlap(), 1e-12);
        DistributionMatch same = DistributionMatch.ofHistograms(new double[] {0.25, 0.75}, new double[] {0.25, 0.75}, 1, 1);
        assertEquals(1.0, same.overlap(), 1e-12);
        assertEquals(0.0, same.klDivergence(), 1e-12);
    }
}
