package loopsmith.eval;

import static loopsmith.eval.DrumIdiomsTest.HAT;
import static loopsmith.eval.DrumIdiomsTest.KICK;
import static loopsmith.eval.DrumIdiomsTest.RIDE;
import static loopsmith.eval.DrumIdiomsTest.SNARE;
import static loopsmith.eval.DrumIdiomsTest.drums;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.generate.Generator;
import loopsmith.music.Piece;
import org.junit.jupiter.api.Test;

/** Which of the drum parts that hold the idiom the guard keeps: the one nearest the idea's own in kit use. */
@UnitTest
class DrumIdiomGuardChoiceTest {
    /** A drummer's ride pattern with toms of a sort (ride and a floor tom), kick and snare off the backbeat. */
    static final int[][] OWN = {{0, KICK}, {6, KICK}, {10, KICK}, {3, SNARE}, {11, SNARE}, {0, RIDE}, {2, RIDE}, {4, RIDE},
        {6, RIDE}, {8, RIDE}, {10, RIDE}, {12, RIDE}, {14, RIDE}, {15, 43}};
    /** A backbeat on the ride, as the own part plays its time. */
    static final int[][] RIDE_BACKBEAT = {{0, KICK}, {6, KICK}, {10, KICK}, {4, SNARE}, {12, SNARE}, {0, RIDE}, {2, RIDE},
        {4, RIDE}, {6, RIDE}, {8, RIDE}, {10, RIDE}, {12, RIDE}, {14, RIDE}, {15, 43}};
    /** A bare backbeat: kick, snare, one hat. */
    static final int[][] BARE_BACKBEAT = {{0, KICK}, {8, KICK}, {4, SNARE}, {12, SNARE}, {0, HAT}};

    private static Generator.Result result(Piece p, long seed) {
        return new Generator.Result(p, List.of(), seed, 0, 0, 0, 0, Optional.empty());
    }

    @Test
    void ofThePartsThatHoldTheBackbeatTheOneNearestTheIdeasOwnKitIsKept() {
        Piece own = drums(4, OWN);
        assertEquals(Optional.of(false), DrumIdioms.judge(own).flatMap(v -> v.passes("rock")), "the idea's own misses it");
        List<Generator.Result> batch = List.of(result(own, 1), result(drums(4, BARE_BACKBEAT), 2), result(drums(4, RIDE_BACKBEAT), 3));
        Optional<Generator.Result> kept = DrumIdiomGuard.closestHolding(batch, "rock", own);
        assertEquals(3, kept.orElseThrow().seed(), "the ride backbeat, not the first that holds");
    }

    @Test
    void aPartThatMissesTheIdiomIsNeverKeptHoweverNearAndNoneHoldingKeepsNone() {
        Piece own = drums(4, OWN);
        assertTrue(DrumIdiomGuard.closestHolding(List.of(result(own, 1)), "rock", own).isEmpty());
        List<Generator.Result> batch = List.of(result(own, 1), result(drums(4, BARE_BACKBEAT), 2));
        assertEquals(2, DrumIdiomGuard.closestHolding(batch, "rock", own).orElseThrow().seed());
    }

    @Test
    void onATieTheFirstInSeedOrderIsKept() {
        List<Generator.Result> batch = List.of(result(drums(4, BARE_BACKBEAT), 5), result(drums(4, BARE_BACKBEAT), 6));
        assertEquals(5, DrumIdiomGuard.closestHolding(batch, "rock", drums(4, OWN)).orElseThrow().seed());
    }

    @Test
    void aFillIsNeitherHeldToTheBeatNorJudgedOnIt() {
        assertTrue(loopsmith.generate.GenerationRequest.isFill(loopsmith.tokens.Tags.of("rock", "fill", null)));
        assertTrue(!loopsmith.generate.GenerationRequest.isFill(loopsmith.tokens.Tags.of("rock", "beat", null)));
        assertTrue(!loopsmith.generate.GenerationRequest.isFill(loopsmith.tokens.Tags.of("rock", null, null)));
        // A tom run down the kit through the bar: no backbeat. As a beat it fails rock; as a fill it is not judged.
        int[][] roll = new int[16][];
        for (int i = 0; i < 16; i++) roll[i] = new int[] {i, 50 - 2 * (i / 4)};
        Piece fill = drums(1, roll);
        SwingMeasure swing = SwingMeasure.of(fill);
        DrumIdiomMetrics.Side asBeat = MusicalMeasures.drumIdioms(List.of(new MusicalMeasures.Item(Optional.of("rock"), false, fill, Optional.empty(), swing)));
        assertEquals(0, asBeat.overall().passed());
        assertEquals(1, asBeat.overall().judged());
        DrumIdiomMetrics.Side asFill = MusicalMeasures.drumIdioms(List.of(new MusicalMeasures.Item(Optional.of("rock"), true, fill, Optional.empty(), swing),
                new MusicalMeasures.Item(Optional.of("rock"), false, drums(1, DrumIdiomsTest.ROCK), Optional.empty(), swing)));
        assertEquals(1, asFill.overall().judged(), "the beat beside it is");
        assertEquals(1, asFill.overall().passed());
        assertEquals(1, asFill.drumPartsNotJudged());
    }
}
