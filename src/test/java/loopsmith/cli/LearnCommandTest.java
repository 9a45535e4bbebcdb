package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.SharedCorpus;
import loopsmith.bench.FinetuneBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loopsmith learn} end to end, CI-sized: a tiny base model fine-tuned for seconds on 30 folk tunes. */
@CorpusTest
@NativeTest
class LearnCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void learnFineTunesWritesTheModelAndMeasuresItAgainstTheHeldOutFiles(@TempDir Path dir) throws Exception {
        Path library = folkLibrary(dir);
        try (var files = Files.walk(library)) {
            assertEquals(30, files.filter(f -> f.toString().endsWith(".mid")).count());
        }
        assertEquals(31, Files.readAllLines(library.resolve("metadata.csv")).size());

        Path base = tinyBase(library, dir);
        Path model = dir.resolve("models/mine.ckpt");
        Cli r = Cli.run("learn", library.toString(), "--out", model.toString(), "--base", base.toString(), "--minutes", "0.15",
                "--pieces", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isDirectory(dir.resolve("models/mine.ckpt.run/dataset")), "work folder beside the model");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(30, j.get("files").asInt());
        assertTrue(j.get("steps").asInt() >= 1);
        JsonNode m = j.get("style_match");
        assertTrue(m.get("held_out_files").asInt() >= 1, m.toString());
        assertTrue(m.get("ceiling").asDouble() > 0 && m.get("ceiling").asDouble() <= 1, m.toString());
        assertEquals(m.get("overlap").asDouble() / m.get("ceiling").asDouble(), m.get("of_ceiling").asDouble(), 0.01);
        JsonNode ci = m.get("of_ceiling_ci95");
        assertTrue(ci.get(0).asDouble() <= m.get("of_ceiling").asDouble() && m.get("of_ceiling").asDouble() <= ci.get(1).asDouble(),
                "the share of the ceiling lies in its interval: " + m);
        assertTrue(j.has("base_style_match"));

        assertEquals(java.util.Optional.of(loopsmith.model.ModelSampling.LEARNED), loopsmith.model.ModelFile.samplingOf(model),
                "the learned model asks to be sampled without the min-p cut");

        // The library plays its tunes on piano (Nottingham's MIDI): the model remembers it, and a folk idea is asked
        // for piano, not folk's usual fiddle and steel guitar, which the library never played.
        java.util.List<loopsmith.model.PlayedInstrument> played = loopsmith.model.ModelFile.load(model).playedInstruments().orElseThrow();
        assertTrue(played.stream().anyMatch(p -> "folk".equals(p.genre()) && p.role().equals("melody") && p.program() == 0), played.toString());
        Cli explained = Cli.run("prompt", "explain", "folk tune with chords", "--model", model.toString(), "--json");
        assertEquals(0, explained.exitCode(), explained.err());
        JsonNode chords = JSON.readTree(explained.out()).get("parts").get(0);
        assertEquals(0, chords.get("program").asInt(), chords.toString());
        assertEquals("library", chords.get("from").asText(), "explain shows the sound generate will ask for: " + chords);
        Cli g = Cli.run("generate", "folk tune with chords, 2 bars", "--model", model.toString(), "--out", dir.resolve("out").toString(),
                "--seed", "1", "--json");
        assertEquals(0, g.exitCode(), g.err());
        try (var files = Files.walk(dir.resolve("out"))) {
            Path full = files.filter(f -> f.getFileName().toString().startsWith("Full_")).findFirst().orElseThrow();
            for (loopsmith.music.Track t : loopsmith.midi.MidiReader.read(full).piece().tracks())
                if (!t.isDrum()) assertEquals(0, t.program(), t.name() + " on the library's piano");
        }
    }

    @Test
    void learnNamesAMissingFolderAndATooSmallLibrary(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("learn", dir.resolve("nope").toString(), "--out", dir.resolve("m.ckpt").toString(), "--minutes", "0.1");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("nope") && missing.err().contains("not a folder"), missing.err());
        assertTrue(Files.notExists(dir.resolve("m.ckpt")));
    }

    /** The stand-in library both tests fine-tune on: 30 of the shared corpus's folk tunes (Nottingham), picked by seed 3. */
    static Path folkLibrary(Path dir) {
        return FinetuneBench.standIn(SharedCorpus.root().resolve("nottingham"), "folk", 30, 3, dir.resolve("lib"));
    }

    /** A tiny model trained for a few steps on the library itself: a base whose vocabulary matches. */
    static Path tinyBase(Path library, Path dir) {
        Path ds = dir.resolve("base-ds");
        Cli i = Cli.run("ingest", library.toString(), "--out", ds.toString());
        assertEquals(0, i.exitCode(), i.err());
        Path run = dir.resolve("base-run");
        Cli t = Cli.run("train", "--dataset", ds.toString(), "--out", run.toString(), "--preset", "tiny", "--max-steps", "3",
                "--eval-every", "3", "--batch", "2", "--accumulate", "1", "--no-samples");
        assertEquals(0, t.exitCode(), t.err());
        return run.resolve("checkpoints/best.ckpt");
    }

}
