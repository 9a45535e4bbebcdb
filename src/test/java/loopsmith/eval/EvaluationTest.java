package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.generate.EngineException;
import loopsmith.generate.Generator;
import loopsmith.generate.LanguageModel;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

/** Validity judges what a model wrote; an engine bug is no output of the model's and stops eval instead. */
@UnitTest
class EvaluationTest {
    private static final Vocabulary V = Vocabulary.defaults();
    private static final EvalRequest REQUEST = new EvalRequest(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR,
            Key.parse("Am"), 2, List.of(Role.DRUMS, Role.BASS), 3, "reference/house-1.mid");

    /** Every token equally likely, or (broken) no logits at all, which leaves the engine no token to draw. */
    private record FlatModel(int vocabSize, boolean broken) implements LanguageModel {
        @Override
        public int contextTokens() {
            return 1024;
        }

        @Override
        public Session newSession() {
            return new Session() {
                private int length;

                @Override
                public int length() {
                    return length;
                }

                @Override
                public float[] feed(int[] ids) {
                    length += ids.length;
                    return new float[broken ? 0 : vocabSize];
                }

                @Override
                public void close() { }
            };
        }
    }

    @Test
    void anEngineErrorStopsEvalNamingTheRequestInsteadOfCountingAnInvalidPiece() {
        Generator broken = new Generator(new FlatModel(V.size(), true), V);
        EngineException e = assertThrows(EngineException.class,
                () -> Evaluation.generateOne(broken, REQUEST, SamplingConfig.defaults(), false));
        assertTrue(e.getMessage().startsWith("engine error: reference/house-1.mid (seed 3): "), e.getMessage());
        assertTrue(e.getCause() instanceof EngineException, "the engine's own report is kept as the cause");
    }

    @Test
    void onlyInvalidOutputLowersValidity() {
        Evaluation.Sample made = Evaluation.generateOne(new Generator(new FlatModel(V.size(), false), V), REQUEST,
                SamplingConfig.defaults(), false);
        Piece piece = made.piece().orElseThrow();
        assertEquals(2, piece.lengthBars());
        EvalRequest fourBars = new EvalRequest(REQUEST.tags(), REQUEST.bpm(), REQUEST.timeSignature(), REQUEST.key(), 4,
                REQUEST.roles(), REQUEST.seed(), REQUEST.referenceFile());
        List<Evaluation.Sample> samples = List.of(made,
                new Evaluation.Sample(fourBars, Optional.of(piece), List.of()),  // decodes, wrong length
                new Evaluation.Sample(REQUEST, Optional.empty(), List.of()));    // a file that did not read
        ValidityMetrics validity = Evaluation.validity(samples);
        assertEquals(Evaluation.round(2 / 3.0), validity.decodes());
        assertEquals(Evaluation.round(1 / 3.0), validity.barCount());
        assertEquals(Evaluation.round((made.request().check(made.piece()).valid() ? 1 : 0) / 3.0), validity.rate());
    }
}
