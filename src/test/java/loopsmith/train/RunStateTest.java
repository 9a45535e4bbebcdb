package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loopsmith.UnitTest;
import loopsmith.model.ModelFile;
import loopsmith.model.PlayedInstrument;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

@UnitTest
class RunStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("runs/x/checkpoints/last.ckpt");

    /** A run state as the code before RunState wrote it: no version, no warm-up end, no seen tags. */
    private static final String BEFORE_VERSIONS = """
            {"step":25,"epoch":1,"best_validation_loss":2.5,"best_step":25,"evaluations_without_improvement":0,
             "seconds":12.5,"adam_steps":25,"config":%s}""";

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static String oldState() throws Exception {
        return BEFORE_VERSIONS.formatted(JSON.writeValueAsString(TrainConfig.tiny()));
    }

    @Property(tries = 300)
    void readInvertsWrite(@ForAll("states") RunState s) throws Exception {
        // Through text, as the checkpoint header stores it.
        assertEquals(s, RunState.read(FILE, tree(JSON.writeValueAsString(s.toJson()))));
    }

    @Provide
    Arbitrary<RunState> states() {
        Arbitrary<int[]> counts = Arbitraries.integers().greaterOrEqual(0).array(int[].class).ofSize(5);
        Arbitrary<Double> finite = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<TrainConfig> configs = Combinators.combine(Arbitraries.integers().between(1, 1_000_000),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), Arbitraries.doubles().between(0, 10))
                .as((steps, source, weight) -> TrainConfig.tiny().withMaxSteps(steps).withSourceWeights(Map.of(source, weight)));
        Arbitrary<List<String>> tags = Arbitraries.strings().alpha().withChars("=-").ofMinLength(1).ofMaxLength(16)
                .list().ofMaxSize(6).injectNull(0.3);
        Arbitrary<PlayedInstrument> row = Combinators.combine(Arbitraries.of("folk", "house", "pop").injectNull(0.3),
                Arbitraries.of("bass", "chords", "melody", "pad"), Arbitraries.integers().between(0, 127), Arbitraries.integers().between(1, 100_000))
                .as(PlayedInstrument::new);
        return Combinators.combine(counts, finite.injectNull(0.3), finite.map(Math::abs), configs, tags, finite.injectNull(0.3),
                        row.list().ofMaxSize(5).injectNull(0.3))
                .as((c, best, seconds, config, seen, warmup, played) ->
                        new RunState(RunState.VERSION, c[0], c[1], best, c[2], c[3], seconds, c[4], config, seen, warmup, played));
    }

    @Test
    void writesTheKeysRunsHaveAlwaysWrittenAndAVersion() {
        RunState s = new RunState(RunState.VERSION, 50, 2, 1.25, 50, 0, 30, 50, TrainConfig.tiny(), List.of("GENRE=funk"), 0.5);
        JsonNode j = s.toJson();
        List<String> keys = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "step", "epoch", "best_validation_loss", "best_step", "evaluations_without_improvement",
                "seconds", "adam_steps", "config", ModelFile.SEEN_TAGS, "warmup_end_minutes"), keys);
        assertEquals(RunState.VERSION, j.path("version").asInt());
    }

    @Test
    void thePlayedInstrumentsAreWhereGenerationReadsThem() throws Exception {
        List<PlayedInstrument> played = List.of(new PlayedInstrument("folk", "melody", 0, 120), new PlayedInstrument(null, "bass", 33, 4));
        RunState s = new RunState(RunState.VERSION, 50, 2, 1.25, 50, 0, 30, 50, TrainConfig.tiny(), List.of("GENRE=folk"), 0.5, played);
        JsonNode rows = s.toJson().path(ModelFile.PLAYED_INSTRUMENTS);
        assertEquals("[{\"genre\":\"folk\",\"role\":\"melody\",\"program\":0,\"parts\":120},{\"role\":\"bass\",\"program\":33,\"parts\":4}]",
                rows.toString(), "a row without a genre leaves the key out");
        assertEquals(s, RunState.read(FILE, tree(JSON.writeValueAsString(s.toJson()))));
    }

    @Test
    void noneYetIsLeftOutNotWrittenAsANumber() {
        RunState s = new RunState(RunState.VERSION, 3, 0, Double.POSITIVE_INFINITY, 0, 0, 1, 3, TrainConfig.tiny(), null, Double.NaN);
        JsonNode j = s.toJson();
        assertTrue(!j.has("best_validation_loss") && !j.has("warmup_end_minutes") && !j.has(ModelFile.SEEN_TAGS), j.toString());
    }

    @Test
    void aStateFromBeforeVersionsReadsWithAbsentFieldsAbsent() throws Exception {
        ObjectNode old = (ObjectNode) tree(oldState());
        old.put("a_field_from_elsewhere", true);
        RunState s = RunState.read(FILE, old);
        assertEquals(1, s.version());
        assertEquals(25, s.step());
        assertEquals(1, s.epoch());
        assertEquals(2.5, s.bestValidationLoss());
        assertEquals(25, s.adamSteps());
        assertEquals(12.5, s.seconds());
        assertEquals(TrainConfig.tiny(), s.config());
        assertNull(s.warmupEndMinutes(), "absent, not 0");
        assertNull(s.seenTags(), "absent, not empty");
    }

    @Test
    void theBundledModelsRunStateStillReads() {
        RunState s = RunState.of(ModelFile.load(Path.of("models/default.ckpt")));
        // Fine-tuned from the starter-only model: its steps are the fine-tune's, its tags both runs'.
        assertEquals(1700, s.step());
        assertEquals(1700, s.adamSteps());
        assertTrue(s.bestValidationLoss() > 0 && s.seconds() > 0);
        assertTrue(s.seenTags().containsAll(java.util.List.of("GENRE=funk", "FEEL=human", "FEEL=tight")), s.seenTags().toString());
        assertTrue(s.warmupEndMinutes() > 0, "a time-shaped run records when its warm-up ended");
        // Recorded since the 2026-12-05 run. Every starter genre's data played each role on the genre's usual program in
        // a good share of its parts, so generate asks the usual sounds; but pop is POP909's piano, beside which the
        // starter's pick bass and square lead are a stray few parts, so pop without drums is asked on piano (with
        // drums, the starter's line-up, as before).
        java.util.List<loopsmith.model.PlayedInstrument> played = ModelFile.load(Path.of("models/default.ckpt")).playedInstruments().orElseThrow();
        for (String genre : loopsmith.starter.StarterCorpus.GENRES) {
            var usual = loopsmith.generate.GenreInstruments.forGenre(java.util.Optional.of(genre));
            var heard = usual.heardIn(java.util.Optional.of(genre), played, false);
            if (genre.equals("pop")) assertEquals(new loopsmith.generate.GenreInstruments(0, 0, 0, usual.pad()), heard, genre);
            else assertEquals(usual, heard, genre);
            assertEquals(usual, usual.heardIn(java.util.Optional.of(genre), played, true), genre + " with drums");
        }
    }

    @Test
    void aNewerVersionIsRefusedNamingTheFileAndTheVersion() throws Exception {
        ObjectNode future = (ObjectNode) tree(oldState());
        future.put("version", RunState.VERSION + 1);
        var e = assertThrows(LoopsmithException.class, () -> RunState.read(FILE, future));
        assertEquals(FILE, e.file());
        assertTrue(e.getMessage().contains("version " + (RunState.VERSION + 1)) && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsAnErrorNotZero() throws Exception {
        for (String key : List.of("step", "epoch", "best_step", "evaluations_without_improvement", "seconds", "adam_steps", "config")) {
            ObjectNode state = (ObjectNode) tree(oldState());
            state.remove(key);
            var e = assertThrows(LoopsmithException.class, () -> RunState.read(FILE, state), key);
            assertEquals(FILE, e.file());
            assertTrue(e.getMessage().contains("missing required field '" + key + "'"), e.getMessage());
        }
        ObjectNode nullStep = (ObjectNode) tree(oldState());
        nullStep.putNull("step");
        var e = assertThrows(LoopsmithException.class, () -> RunState.read(FILE, nullStep));
        assertTrue(e.getMessage().contains("field 'step' is null"), "in words, not Jackson's: " + e.getMessage());
    }

    @Test
    void aCheckpointWithoutRunStateCannotBeResumed() {
        var e = assertThrows(LoopsmithException.class, () -> RunState.read(FILE, JSON.createObjectNode().path("train")));
        assertTrue(e.getMessage().contains("no run state"), e.getMessage());
    }
}
