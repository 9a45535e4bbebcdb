package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import loopsmith.UnitTest;
import loopsmith.tokens.Token;
import org.junit.jupiter.api.Test;

@UnitTest
class HarmonyTest {
    private static int pcs(int... pitchClasses) {
        int set = 0;
        for (int pc : pitchClasses) set |= 1 << pc;
        return set;
    }

    // Am held for two beats from step 0, then F from step 48 with a shorter DUR, then G at 72 (DUR carried over).
    private static final List<Token> BAR = List.of(
            new Token.Position(0), new Token.Velocity(80), new Token.Pitch(57), new Token.Duration(48), new Token.Pitch(60), new Token.Pitch(64),
            new Token.Position(48), new Token.Pitch(53), new Token.Duration(12), new Token.Pitch(57), new Token.Pitch(60),
            new Token.Position(72), new Token.Pitch(55), new Token.Pitch(59), new Token.Pitch(62));

    @Test
    void theChordHeldAtAStepAndTheLatestOnsetWhenNoneIsHeld() {
        assertEquals(pcs(9, 0, 4), Harmony.at(BAR, 0));
        assertEquals(pcs(9, 0, 4), Harmony.at(BAR, 47));
        assertEquals(pcs(5, 9, 0), Harmony.at(BAR, 50), "F held (its notes last 12 steps: the DUR after its first note)");
        assertEquals(pcs(5, 9, 0), Harmony.at(BAR, 70), "F released at 60; the latest onset is still F");
        assertEquals(pcs(7, 11, 2), Harmony.at(BAR, 90));
        assertEquals(0, Harmony.at(List.of(new Token.Position(24), new Token.Pitch(60)), 10), "nothing before the first onset");
    }

    @Test
    void theCurrentStepIsTheLastPosition() {
        assertEquals(72, Harmony.currentStep(BAR));
        assertEquals(-1, Harmony.currentStep(List.of()));
    }
}
