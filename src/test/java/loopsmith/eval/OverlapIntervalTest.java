package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class OverlapIntervalTest {
    /** Pieces whose scalar features are drawn around {@code centre}: pitch range, polyphony, notes per bar and so on. */
    private static List<PieceFeatures> sample(int n, double centre, long seed) {
        Random r = new Random(seed);
        List<PieceFeatures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] h = new double[PieceFeatures.LENGTH_BINS];
            h[r.nextInt(4)] = 1;
            double[] v = new double[PieceFeatures.VELOCITY_BINS];
            v[3 + r.nextInt(3)] = 1;
            out.add(new PieceFeatures(24 + 6 * (centre + r.nextGaussian()), 6 + r.nextGaussian(), 2.5 + 0.2 * r.nextGaussian(),
                    0.97 + 0.01 * r.nextGaussian(), 3 + centre + 0.5 * r.nextGaussian(), 0.05 * r.nextDouble(),
                    0.85 + 0.05 * r.nextGaussian(), 16 + 4 * (centre + r.nextGaussian()), h, h.clone(), v,
                    Map.of(PieceFeatures.DrumClass.KICK, 3 + r.nextGaussian(), PieceFeatures.DrumClass.SNARE, 2 + r.nextGaussian(),
                            PieceFeatures.DrumClass.HAT, 8 + 2 * r.nextGaussian(), PieceFeatures.DrumClass.OTHER, Math.abs(r.nextGaussian()))));
        }
        return out;
    }

    @Test
    void theIntervalHoldsTheMeasuredOverlapAndNarrowsWithMorePieces() {
        List<PieceFeatures> reference = sample(40, 0, 1);
        List<PieceFeatures> few = sample(20, 0.5, 2);
        List<PieceFeatures> many = sample(400, 0.5, 3);
        OverlapInterval wide = OverlapInterval.meanOverlap(few, reference, 7).orElseThrow();
        OverlapInterval narrow = OverlapInterval.meanOverlap(many, reference, 7).orElseThrow();
        double measured = StyleMatch.meanOverlap(few, reference);
        assertTrue(wide.low() <= measured && measured <= wide.high(), measured + " outside " + wide);
        assertTrue(wide.low() < wide.high(), wide.toString());
        assertTrue(narrow.high() - narrow.low() < wide.high() - wide.low(), narrow + " is not narrower than " + wide);
    }

    @Test
    void aSeedGivesTheSameIntervalAndEmptySidesGiveNone() {
        List<PieceFeatures> reference = sample(30, 0, 4);
        List<PieceFeatures> generated = sample(30, 1, 5);
        assertEquals(OverlapInterval.meanOverlap(generated, reference, 11), OverlapInterval.meanOverlap(generated, reference, 11));
        assertTrue(OverlapInterval.meanOverlap(List.of(), reference, 1).isEmpty());
        assertTrue(OverlapInterval.ofCeiling(generated, reference, List.of(), 1).isEmpty());
    }

    @Test
    void piecesLikeTheTrainingFilesReachAboutTheCeilingAndFartherOnesLess() {
        List<PieceFeatures> reference = sample(40, 0, 6);
        List<PieceFeatures> training = sample(200, 0, 7);
        OverlapInterval alike = OverlapInterval.ofCeiling(sample(200, 0, 8), reference, training, 3).orElseThrow();
        OverlapInterval apart = OverlapInterval.ofCeiling(sample(200, 1.5, 9), reference, training, 3).orElseThrow();
        assertTrue(alike.low() < 1 && alike.high() > 0.9, "pieces from the training distribution: " + alike);
        assertTrue(apart.high() < alike.low(), apart + " should lie below " + alike);
        assertTrue(Arrays.asList(alike.low(), alike.high()).stream().allMatch(Double::isFinite));
    }

    @Test
    void aRatioOfTwoLikeModelsHoldsOneAndAFartherOneFallsBelowIt() {
        List<PieceFeatures> reference = sample(40, 0, 10);
        List<PieceFeatures> near = sample(200, 0.2, 11);
        OverlapInterval same = OverlapInterval.ratio(sample(200, 0.2, 12), near, reference, 5).orElseThrow();
        OverlapInterval worse = OverlapInterval.ratio(sample(200, 1.5, 13), near, reference, 5).orElseThrow();
        assertTrue(same.low() < 1 && 1 < same.high(), "two samples of one model: " + same);
        assertTrue(worse.high() < 1, "a model farther from the reference: " + worse);
        assertTrue(OverlapInterval.ratio(near, List.of(), reference, 5).isEmpty());
    }
}
