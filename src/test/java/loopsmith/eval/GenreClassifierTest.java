package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class GenreClassifierTest {
    /** Two genres far apart in feature 0, noise in feature 1 on a much larger scale (standardizing must handle it). */
    private static void clusters(List<double[]> x, List<String> y, int perGenre) {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < perGenre; i++) {
            x.add(new double[] {r.nextDouble(0, 1), r.nextDouble(0, 1000)});
            y.add("folk");
            x.add(new double[] {r.nextDouble(5, 6), r.nextDouble(0, 1000)});
            y.add("rock");
        }
    }

    @Test
    void separableGenresAreLearnedPerfectly() {
        List<double[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        clusters(x, y, 20);
        GenreClassifier.CrossValidation cv = GenreClassifier.crossValidate(x, y, 5, 5, 1);
        assertEquals(1.0, cv.accuracy());
        assertEquals(List.of("folk", "rock"), cv.genres());
        assertArrayEquals(new int[] {20, 0}, cv.confusion()[0]);
        assertArrayEquals(new int[] {0, 20}, cv.confusion()[1]);
        GenreClassifier c = GenreClassifier.train(x, y, 5);
        assertEquals("rock", c.predict(new double[] {5.5, 10}));
        assertEquals("folk", c.predict(new double[] {0.2, Double.NaN}));
    }

    @Test
    void indistinguishableGenresScoreNearChance() {
        SplittableRandom r = new SplittableRandom(3);
        List<double[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            x.add(new double[] {r.nextDouble()});
            y.add(i % 2 == 0 ? "a" : "b");
        }
        double acc = GenreClassifier.crossValidate(x, y, 5, 5, 1).accuracy();
        assertEquals(0.5, acc, 0.12);
    }
}
