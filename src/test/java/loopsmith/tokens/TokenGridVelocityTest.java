package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A velocity level plays the middle of its bin, and that middle reads back as the same level. */
@UnitTest
class TokenGridVelocityTest {
    private static final TokenGrid GRID = Vocabulary.defaults().grid();

    @Property
    void aPlayedVelocityReadsBackAsItsLevelAndLiesWithinHalfABinOfTheOriginal(@ForAll @IntRange(min = 1, max = 127) int velocity) {
        int drum = GRID.drumVelocityLevel(velocity);
        int drumPlayed = GRID.velocityPlayed(drum, true);
        assertEquals(drum, GRID.drumVelocityLevel(drumPlayed));
        assertTrue(Math.abs(drumPlayed - velocity) <= 127 / GRID.drumVelocityLevels().length / 2 + 1, velocity + " plays " + drumPlayed);
        int pitched = GRID.velocityLevel(velocity);
        int pitchedPlayed = GRID.velocityPlayed(pitched, false);
        assertEquals(pitched, GRID.velocityLevel(pitchedPlayed));
        assertTrue(Math.abs(pitchedPlayed - velocity) <= 127 / GRID.velocityLevels().length / 2 + 1, velocity + " plays " + pitchedPlayed);
    }

    @Test
    void playedAtTheMiddleEveryVelocityComesBackAsLoudOnAverage() {
        double drift = 0, driftAtLevel = 0;
        for (int v = 1; v <= 127; v++) {
            drift += GRID.velocityPlayed(GRID.drumVelocityLevel(v), true) - v;
            driftAtLevel += GRID.drumVelocityLevel(v) - v;
        }
        assertTrue(Math.abs(drift / 127) < 1, "mean drift " + drift / 127);
        assertTrue(driftAtLevel / 127 > 6, "played at the bin's top, notes came out louder: " + driftAtLevel / 127);
        assertEquals(42, GRID.velocityPlayed(42, true), "a value that is no level is kept");
    }
}
