package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/** The smoothed training curve follows the losses from the first step, without a seam. */
@UnitTest
class LossCurveTest {
    @Test
    void constantStaysConstantAndFallingStaysFalling() {
        double[] flat = LossCurve.smoothed(new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3});
        for (double v : flat) assertEquals(3, v, 1e-12);
        double[] falling = new double[50];
        for (int i = 0; i < falling.length; i++) falling[i] = 6 - 0.1 * i;
        double[] s = LossCurve.smoothed(falling);
        assertEquals(6, s[0], 1e-12);
        for (int i = 1; i < s.length; i++) assertTrue(s[i] < s[i - 1], "step " + i + ": " + s[i] + " after " + s[i - 1]);
    }
}
