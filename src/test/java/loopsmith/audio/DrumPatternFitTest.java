package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * How a folded bar ({all, low, mid, high} per sixteenth) fits a rhythm's conventions, where a slow groove read at
 * double tempo used to pass for another: a steppers' kick on every beat read double is a kick on 1 and 3, which is no
 * four-on-the-floor, and a kick as loud on 3 as on 1 under the "snare on 3" is no half-time groove.
 */
@UnitTest
class DrumPatternFitTest {
    /** A folded bar: a kick (low band) and a snare (mid and high together) at the given steps, full strength. */
    private static double[][] bar(int[] kicks, int[] snares) {
        return bar(kicks, snares, 1);
    }

    /** As above, the snare at {@code snareGain} (a side stick is softer than a snare). */
    private static double[][] bar(int[] kicks, int[] snares, double snareGain) {
        double[][] folded = new double[4][StepStrengths.STEPS_PER_BAR];
        for (int k : kicks) {
            folded[0][k] = 1;
            folded[1][k] = 1;
        }
        for (int s : snares) {
            folded[0][s] = 1;
            folded[2][s] = snareGain;
            folded[3][s] = snareGain;
        }
        return folded;
    }

    @Test
    void kicksOnHalfTheBeatsCountAgainstAFourOnTheFloor() {
        double clapAlone = BarReader.patternScore(bar(new int[0], new int[] {4, 12}), Rhythm.FOUR_ON_THE_FLOOR);
        double everyBeat = BarReader.patternScore(bar(new int[] {0, 4, 8, 12}, new int[] {4, 12}), Rhythm.FOUR_ON_THE_FLOOR);
        double oneAndThree = BarReader.patternScore(bar(new int[] {0, 8}, new int[] {4, 12}), Rhythm.FOUR_ON_THE_FLOOR);
        assertTrue(everyBeat > clapAlone, everyBeat + " > " + clapAlone);
        assertTrue(oneAndThree < clapAlone, "a kick on 1 and 3 is a backbeat's, not four on the floor: " + oneAndThree + " < " + clapAlone);
        assertTrue(BarReader.patternScore(bar(new int[] {0, 8}, new int[] {4, 12}), Rhythm.BACKBEAT) > oneAndThree);
    }

    @Test
    void aKickUnderTheHalfTimeSnareCountsAgainstIt() {
        // A steppers read double: the kick on every beat is a kick on 1 and 3, and the side stick on 3 of every other
        // bar folds to a soft "snare" on 3.
        double trap = BarReader.patternScore(bar(new int[] {0, 7, 10}, new int[] {8}, 0.5), Rhythm.HALF_TIME);
        double kickOnThree = BarReader.patternScore(bar(new int[] {0, 8}, new int[] {8}, 0.5), Rhythm.HALF_TIME);
        assertTrue(kickOnThree < trap - 0.25 * BarReader.KICK_WEIGHT, kickOnThree + " well under " + trap);
        // The kick and rim together on 3 is what the one-drop is.
        assertTrue(BarReader.patternScore(bar(new int[] {8}, new int[] {8}, 0.5), Rhythm.ONE_DROP) > kickOnThree);
    }

    /** A ride on the beats with its skips at {@code skips}, a hat's chick (mids, softer highs) at {@code chicks}. */
    private static double[][] ride(int[] skips, int[] chicks) {
        double[][] folded = new double[4][StepStrengths.STEPS_PER_BAR];
        for (int b : new int[] {0, 4, 8, 12}) folded[3][b] = 1;
        for (int s : skips) folded[3][s] = 0.7;
        for (int c : chicks) {
            folded[2][c] = 0.3;
            folded[3][c] = Math.max(folded[3][c], 0.3);
        }
        for (double[] band : new double[][] {folded[2], folded[3]})
            for (int p = 0; p < band.length; p++) folded[0][p] = Math.max(folded[0][p], band[p]);
        return folded;
    }

    @Test
    void theHatsFootOnTwoAndFourCountsForASwingRide() {
        int[] swung = {7, 15};
        double none = BarReader.patternScore(ride(swung, new int[0]), Rhythm.SWING);
        double onTwoAndFour = BarReader.patternScore(ride(swung, new int[] {4, 12}), Rhythm.SWING);
        double onOneAndThree = BarReader.patternScore(ride(swung, new int[] {0, 8}), Rhythm.SWING);
        double onFourAlone = BarReader.patternScore(ride(swung, new int[] {12}), Rhythm.SWING);
        assertTrue(onTwoAndFour > none + 0.5 * BarReader.HAT_FOOT_WEIGHT, onTwoAndFour + " well over " + none);
        // Only a bonus: a full mix's piano comps in the same mids.
        assertTrue(Math.abs(onOneAndThree - none) < 1e-9, onOneAndThree + " = " + none);
        assertTrue(onFourAlone < onTwoAndFour, "a chick on one beat of a bar is a groove read at double: " + onFourAlone);
        // Skips before 1 and 3 as well as after 2 and 4: straight eighths, for which a chick says nothing.
        int[] straight = {3, 7, 11, 15};
        double straightTwoFour = BarReader.patternScore(ride(straight, new int[] {4, 12}), Rhythm.SWING);
        double straightOneThree = BarReader.patternScore(ride(straight, new int[] {0, 8}), Rhythm.SWING);
        assertTrue(Math.abs(straightTwoFour - straightOneThree) < 1e-9, straightTwoFour + " = " + straightOneThree);
    }

    @Test
    void coveredCountsTheStepsThatHoldAKick() {
        double[] kick = new double[StepStrengths.STEPS_PER_BAR];
        kick[0] = 1;
        kick[8] = 0.9;
        kick[4] = 0.1;  // a ghost, under GHOST_SHARE of the loudest
        assertTrue(BarReader.covered(kick, new int[] {0, 4, 8, 12}) == 0.5);
        assertTrue(BarReader.covered(kick, new int[] {0, 8}) == 1);
    }
}
