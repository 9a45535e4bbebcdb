package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import loopsmith.NativeTest;
import loopsmith.eval.DrumIdiomGuard;
import loopsmith.eval.DrumIdioms;
import loopsmith.midi.MidiReader;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate keeps the genre's drum idiom: what the sidecar says about it is what the drums show, with the bundled model;
 * and with a model that cannot hold one (untrained), the idea is kept as written, with the reason.
 */
@NativeTest
class DrumIdiomGuardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path folder(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.findFirst().orElseThrow();
        }
    }

    private static Piece full(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return MidiReader.read(s.filter(f -> f.getFileName().toString().startsWith("Full_")).findFirst().orElseThrow()).piece();
        }
    }

    @Test
    void trapIdeasHoldHalfTimeAndRollsWhenTheSidecarSaysSo() throws Exception {
        int held = 0;
        for (int seed = 1; seed <= 3; seed++) {
            Path out = dir.resolve("trap" + seed);
            Cli r = Cli.run("generate", "trap beat with bass", "--bars", "4", "--seed", "" + seed, "--no-audio", "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            Path f = folder(out);
            JsonNode idiom = JSON.readTree(f.resolve("loopsmith.json").toFile()).path("generation").path("drum_idiom");
            assertEquals("trap", idiom.path("genre").asText(), idiom.toString());
            boolean holds = idiom.path("holds").asBoolean();
            assertEquals(holds, DrumIdioms.judge(full(f)).flatMap(v -> v.passes("trap")).orElse(false), "the sidecar tells the truth: " + idiom);
            assertTrue(f.getFileName().toString().endsWith("_s" + seed), "the idea keeps its seed: " + f);
            assertEquals(2, full(f).tracks().size(), "drums and bass");
            assertTrue(full(f).tracks().get(0).isDrum(), "the parts in the order asked, drums first");
            if (holds) held++;
        }
        assertTrue(held >= 2, held + " of 3 trap ideas hold the idiom");
    }

    /** A tiny model with the default vocabulary and untrained weights: it seldom holds an idiom by chance. */
    private Path untrainedModel() throws Exception {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        Path model = dir.resolve("tiny.ckpt");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(model, c, ModelFile.stateWithVocabulary(v), Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
        return model;
    }

    @Test
    void anIdeaNoDrumPartCanSaveIsKeptAsWrittenWithTheReason() throws Exception {
        Path model = untrainedModel();
        Path out = dir.resolve("house");
        Cli r = Cli.run("generate", "house beat", "--roles", "drums", "--bars", "2", "--seed", "4", "--model", model.toString(), "--no-audio",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode g = JSON.readTree(folder(out).resolve("loopsmith.json").toFile()).path("generation");
        assertFalse(g.path("drum_idiom").path("holds").asBoolean(true), g.toString());
        assertEquals(DrumIdiomGuard.MOST_DRUM_PARTS, g.path("drum_idiom").path("drum_parts_written").asInt(), g.toString());
        assertTrue(g.path("warnings").toString().contains("holds the house drum idiom"), g.toString());
    }

    @Test
    void aFillIsWrittenAsTheModelWantsItNotHeldToTheBeatItBreaks() throws Exception {
        Path model = untrainedModel();
        // The same untrained model that writes every drum part it may for a house beat (above) keeps its fill as drawn.
        Path out = dir.resolve("fill");
        Cli r = Cli.run("generate", "house fill", "--roles", "drums", "--bars", "1", "--seed", "4", "--model", model.toString(), "--no-audio",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode request = JSON.readTree(folder(out).resolve("loopsmith.json").toFile()).path("request");
        assertEquals("fill", request.path("style").asText(), request.toString());
        JsonNode g = generation(folder(out));
        assertTrue(g.path("drum_idiom").isMissingNode() || g.path("drum_idiom").isNull(), "a fill is not judged: " + g);
        assertFalse(g.path("warnings").toString().contains("drum idiom"), g.toString());
    }

    private static JsonNode generation(Path folder) throws Exception {
        return JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("generation");
    }

    private static List<Path> folders(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.sorted().toList();
        }
    }

    /** The result folders of a {@code generate} run into {@code out}, MIDI only. */
    private static List<Path> generate(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("generate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--no-audio", "--out", out.toString()));
        Cli r = Cli.run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return folders(out);
    }

    private static List<Note> drums(Path folder) throws Exception {
        return full(folder).tracks().stream().filter(t -> t.isDrum()).findFirst().orElseThrow().notes();
    }

    @Test
    void keptDrumsAreOneVariationsOwnAndKeepTheirSwingOnceTheOtherPartsAreWrittenAroundThem() throws Exception {
        // A seed where the bundled model's own drums break the idiom both alone and with a bass line, so the guard
        // chooses in both ideas (where the idea's own drums hold, they are kept, and they differ with the bass beside them).
        List<Path> ideas = generate(dir.resolve("alone"), "neo-soul beat", "--roles", "drums", "--bars", "8", "--seed", "3",
                "--variations", "3");
        JsonNode first = generation(ideas.get(0));
        assertTrue(first.path("drum_idiom").path("drum_parts_written").asInt() > 1, "the guard chose the drums: " + first);
        assertTrue(first.path("swing").asText().startsWith("SWING="), "neo-soul swings: " + first);
        Set<String> seeds = new HashSet<>();
        for (Path idea : ideas) seeds.add(generation(idea).path("drum_idiom").path("drums_seed").asText());
        assertEquals(ideas.size(), seeds.size(), "no two variations share a drum part: " + seeds);

        Path idea = generate(dir.resolve("with-bass"), "neo-soul beat", "--roles", "drums,bass", "--bars", "8", "--seed", "3").get(0);
        assertTrue(generation(idea).path("drum_idiom").path("drum_parts_written").asInt() > 1, "the guard chose here too: " + generation(idea));
        assertEquals(first.path("drum_idiom").path("drums_seed"), generation(idea).path("drum_idiom").path("drums_seed"));
        // Written around the kept drums, the idea plays them as the drums-only idea does: swung once, not twice.
        assertEquals(drums(ideas.get(0)), drums(idea));
    }

    @Test
    void whenNoDrumPartHoldsTheIdiomTheClosestHasItsBreakingBarsWrittenAgain() throws Exception {
        // The bundled model rarely plays the 6/8 backbeat (snare on the second dotted quarter) through 8 bars.
        Path f = generate(dir.resolve("six-eight"), "neo-soul beat", "--timesig", "6/8", "--roles", "drums,bass", "--bars", "8",
                "--seed", "3").get(0);
        JsonNode idiom = generation(f).path("drum_idiom");
        assertEquals(DrumIdiomGuard.MOST_DRUM_PARTS, idiom.path("drum_parts_written").asInt(), idiom.toString());
        assertTrue(idiom.path("bars_rewritten").size() > 0, "bars were written again: " + idiom);
        assertTrue(idiom.path("holds").asBoolean(), idiom.toString());
        assertTrue(DrumIdioms.judge(full(f)).flatMap(v -> v.passes("neo-soul")).orElse(false), "the sidecar tells the truth: " + idiom);
        assertEquals(2, full(f).tracks().size(), "drums and bass");
    }
}
