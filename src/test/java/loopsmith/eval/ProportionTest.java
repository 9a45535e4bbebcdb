package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class ProportionTest {
    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // 8 of 10: Wilson 95% interval [0.490, 0.943] (Newcombe 1998, method 3).
        Proportion p = new Proportion(8, 10);
        assertEquals(0.4902, p.low(), 1e-4);
        assertEquals(0.9433, p.high(), 1e-4);
        // All passed: the interval still has width, unlike the normal approximation.
        Proportion all = new Proportion(20, 20);
        assertEquals(1.0, all.high(), 1e-12);
        assertEquals(0.8389, all.low(), 1e-4);
        assertTrue(Double.isNaN(new Proportion(0, 0).share()));
    }

    @Property(tries = 200)
    void intervalHoldsTheShareInsideZeroToOne(@ForAll @IntRange(min = 1, max = 500) int judged, @ForAll @IntRange(min = 0, max = 500) int passed) {
        Proportion p = new Proportion(Math.min(passed, judged), judged);
        assertTrue(0 <= p.low() && p.low() <= p.share() && p.share() <= p.high() && p.high() <= 1, p.toString());
    }
}
