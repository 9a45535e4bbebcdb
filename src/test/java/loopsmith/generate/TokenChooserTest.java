package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import loopsmith.UnitTest;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class TokenChooserTest {
    private static final SamplingConfig MIN_P = SamplingConfig.defaults(); // min-p 0.1, temperature 1

    /** Token 0 alone at probability weight 1; tokens 1..8 one event, each variant at weight 0.05 (0.4 together). */
    private static float[] spreadEvent() {
        float[] logits = new float[9];
        for (int i = 1; i < 9; i++) logits[i] = (float) Math.log(0.05);
        return logits;
    }

    private static int[] counts(float[] logits, int[] groups, int draws) {
        int[] n = new int[logits.length];
        SplittableRandom rnd = new SplittableRandom(7);
        float[] bias = new float[logits.length];
        for (int d = 0; d < draws; d++) n[TokenChooser.choose(logits, bias, MIN_P, rnd, groups)]++;
        return n;
    }

    @Test
    void anEventSpreadOverVariantsKeepsItsShareWhereTheTokenCutLosesIt() {
        int draws = 20_000;
        int[] plain = counts(spreadEvent(), null, draws);
        assertEquals(draws, plain[0], "each variant is under 0.1 of the best token: all cut");
        int[] grouped = counts(spreadEvent(), new int[] {-1, 0, 0, 0, 0, 0, 0, 0, 0}, draws);
        int event = draws - grouped[0];
        // The event holds 0.4 of 1.4 of the mass: drawn about 28.6% of the time.
        assertEquals(0.4 / 1.4, event / (double) draws, 0.02);
        for (int i = 1; i < 9; i++) assertTrue(grouped[i] > 0, "every variant of a kept event may be drawn");
    }

    @Test
    void insideAKeptEventAVariantUnderMinPOfItsBestIsCut() {
        float[] logits = {0, (float) Math.log(0.5), (float) Math.log(0.5), (float) Math.log(0.01)};
        int[] n = counts(logits, new int[] {-1, 3, 3, 3}, 20_000);
        assertEquals(0, n[3], "0.01 is under 0.1 of the event's best variant (0.5)");
        assertTrue(n[1] > 0 && n[2] > 0);
    }

    @Test
    void aSpreadEventCanOutweighTheLikeliestToken() {
        // Token 0 at 1 against an event of ten variants at 0.5 each (5 together): token 0 is now judged against 5.
        float[] logits = new float[12];
        for (int i = 1; i <= 10; i++) logits[i] = (float) Math.log(0.5);
        logits[11] = (float) Math.log(0.3); // its own event: 0.3 of token 0, but 0.06 of the event's mass
        int[] groups = {-1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, -1};
        int[] n = counts(logits, groups, 20_000);
        assertEquals(0, n[11], "under 0.1 of the likeliest event");
        assertTrue(n[0] > 0);
    }

    @Test
    void withoutMinPGroupsChangeNothing() {
        SamplingConfig plain = new SamplingConfig(1.0, 0, 1.0, 100);
        float[] logits = spreadEvent();
        float[] bias = new float[logits.length];
        int[] groups = {-1, 0, 0, 0, 0, 0, 0, 0, 0};
        SplittableRandom a = new SplittableRandom(3), b = new SplittableRandom(3);
        for (int d = 0; d < 1000; d++)
            assertEquals(TokenChooser.choose(logits, bias, plain, a), TokenChooser.choose(logits, bias, plain, b, groups));
    }

    @Property(tries = 300)
    void neverAForbiddenToken(@ForAll("logits") float[] logits, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        float[] bias = new float[logits.length];
        int[] groups = new int[logits.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < logits.length; i++) {
            if (r.nextInt(3) == 0) bias[i] = Float.NEGATIVE_INFINITY;
            groups[i] = r.nextInt(4) - 1;
        }
        bias[r.nextInt(logits.length)] = 0; // at least one allowed
        int id = TokenChooser.choose(logits, bias, MIN_P, new SplittableRandom(seed), groups);
        assertTrue(id >= 0);
        assertNotEquals(Float.NEGATIVE_INFINITY, bias[id]);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<float[]> logits() {
        return net.jqwik.api.Arbitraries.floats().between(-20, 20).array(float[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Test
    void eventsAreADrumsKitPiece() {
        Vocabulary v = Vocabulary.of(TokenizerConfig.defaults());
        int[] events = TokenChooser.events(v);
        assertEquals(events[v.id(new Token.DrumHit(38, 16))], events[v.id(new Token.DrumHit(38, 127))]);
        assertNotEquals(events[v.id(new Token.DrumHit(38, 16))], events[v.id(new Token.DrumHit(36, 16))]);
        assertEquals(-1, events[v.id(new Token.Position(6))]);
        assertEquals(-1, events[v.id(Token.FILL)]);
    }

    @Test
    void chordEventsMakeEveryPitchOneEventAndKeepTheKitPieces() {
        Vocabulary v = Vocabulary.of(TokenizerConfig.defaults());
        int[] events = TokenChooser.chordEvents(v);
        int pitch = events[v.id(new Token.Pitch(60))];
        assertEquals(pitch, events[v.id(new Token.Pitch(71))]);
        assertTrue(pitch >= 0);
        assertNotEquals(pitch, events[v.id(new Token.DrumHit(60, 16))], "no pitch shares a drum key's event");
        assertEquals(events[v.id(new Token.DrumHit(38, 16))], events[v.id(new Token.DrumHit(38, 127))]);
        assertEquals(-1, events[v.id(new Token.Position(6))]);
        assertEquals(-1, events[v.id(new Token.Duration(6))]);
        assertEquals(-1, TokenChooser.events(v)[v.id(new Token.Pitch(60))], "other parts judge each pitch alone");
    }

    @Test
    void aChordsAddedToneSpreadOverPitchesIsKeptWithChordEvents() {
        Vocabulary v = Vocabulary.of(TokenizerConfig.defaults());
        float[] logits = new float[v.size()];
        java.util.Arrays.fill(logits, -50);
        int next = v.id(new Token.Position(12));
        logits[next] = 0; // moving on: weight 1
        int[] sevenths = {v.id(new Token.Pitch(70)), v.id(new Token.Pitch(71)), v.id(new Token.Pitch(74))};
        for (int id : sevenths) logits[id] = (float) Math.log(0.08); // another note: 0.24 together, each under 0.1
        int[] plain = counts(logits, TokenChooser.events(v), 5_000);
        int[] chord = counts(logits, TokenChooser.chordEvents(v), 5_000);
        int plainNotes = 0, chordNotes = 0;
        for (int id : sevenths) {
            plainNotes += plain[id];
            chordNotes += chord[id];
        }
        assertEquals(0, plainNotes, "each pitch alone is under min-p");
        assertEquals(0.24 / 1.24, chordNotes / 5_000.0, 0.03);
    }
}
