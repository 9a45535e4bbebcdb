package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class LrScheduleTest {
    private final LrSchedule s = new LrSchedule(1e-3, 1e-4, 10, 1000);

    @Test
    void warmUpThenCosineToTheFloorByStep() {
        assertEquals(1e-4, s.at(1), 1e-12);
        assertEquals(1e-3, s.at(10), 1e-12);
        assertEquals(0.55e-3, s.at(505), 1e-6);
        assertEquals(1e-4, s.at(1000), 1e-12);
    }

    @Test
    void aTimeBudgetAnnealsTheRateWhenItsMinutesAreSpentWhateverTheStep() {
        // warm-up ended at minute 2 of a 62-minute budget
        assertEquals(0, LrSchedule.timeProgress(1, Double.NaN, 62));
        assertEquals(0.5, LrSchedule.timeProgress(32, 2, 62), 1e-12);
        assertEquals(1, LrSchedule.timeProgress(70, 2, 62));
        assertEquals(0, LrSchedule.timeProgress(32, 2, 0), "no budget: steps alone");
        assertEquals(1e-4, s.at(100, 1.0), 1e-12, "step 100 of 1000, but the time is spent: at the floor");
        assertEquals(s.at(505), s.at(100, 0.5), 1e-12, "half the time spent: half-way down the cosine");
        assertEquals(s.at(800), s.at(800, 0.1), 1e-12, "steps further along than time: steps decide");
        assertEquals(1e-3 * 5 / 10, s.at(5, 0.9), 1e-12, "warm-up is by steps");
    }

    @Test
    void theRateNeverRisesAsTimePasses() {
        double last = Double.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            double lr = s.at(11 + i, i / 100.0);
            assertTrue(lr <= last + 1e-15);
            last = lr;
        }
    }
}
