package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI end to end with a (tiny, untrained) model file: result folders, files, reproducibility, seeds. */
@CorpusTest
@NativeTest
class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void tinyModel() {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        model = dir.resolve("tiny.ckpt");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(model, c, ModelFile.stateWithVocabulary(v), Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
    }

    private static Path only(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }

    @Test
    void textPromptWritesAnAbletonFolder() throws Exception {
        Path out = dir.resolve("out-text");
        Cli r = Cli.run("generate", "funky house beat at 124 bpm in A minor with a slap bass", "--model", model.toString(),
                "--out", out.toString(), "--seed", "7", "--bars", "2");
        assertEquals(0, r.exitCode(), r.err());
        Path folder = only(out);
        assertTrue(folder.getFileName().toString().matches("\\d{8}-\\d{6}_house_124bpm_Am_s7"), folder.toString());
        List<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.containsAll(List.of("Bass_124bpm_Am.mid", "Drums_124bpm.mid", "Full_124bpm.mid", "loopsmith.json", "piano-roll.png",
                "Drums.wav", "Bass.wav", "Mix.wav")), files.toString());
        Piece full = MidiReader.read(folder.resolve("Full_124bpm.mid")).piece();
        assertEquals(2, full.lengthBars());
        assertEquals(124.0, full.initialBpm(), 0.01);
        assertEquals(List.of(Role.DRUMS, Role.BASS), full.tracks().stream().map(Track::role).toList());
        assertEquals(36, full.tracks().get(1).program(), "slap bass");
        JsonNode sidecar = JSON.readTree(folder.resolve("loopsmith.json").toFile());
        assertEquals(7, sidecar.path("seed").asLong());
        assertEquals("funky house beat at 124 bpm in A minor with a slap bass", sidecar.at("/request/text").asText());
        assertEquals(64, sidecar.at("/model/sha256").asText().length());
        assertTrue(r.out().contains("Full_124bpm.mid"));
    }

    @Test
    void sameSeedGivesIdenticalFilesAndVariationsMakeSiblings() throws Exception {
        Path a = dir.resolve("out-a");
        Path b = dir.resolve("out-b");
        String[] args = {"generate", "--genre", "trap", "--bpm", "140", "--key", "F#m", "--bars", "2", "--roles", "drums,bass",
            "--model", model.toString(), "--seed", "11", "--no-audio"};
        assertEquals(0, Cli.run(concat(args, "--out", a.toString())).exitCode());
        assertEquals(0, Cli.run(concat(args, "--out", b.toString())).exitCode());
        Path fa = only(a);
        Path fb = only(b);
        for (String f : List.of("Drums_140bpm.mid", "Bass_140bpm_F#m.mid", "Full_140bpm.mid"))
            assertTrue(Arrays.equals(Files.readAllBytes(fa.resolve(f)), Files.readAllBytes(fb.resolve(f))), f);
        Path v = dir.resolve("out-v");
        assertEquals(0, Cli.run(concat(args, "--out", v.toString(), "--variations", "3")).exitCode());
        try (Stream<Path> s = Files.list(v)) {
            assertEquals(3, s.count());
        }
    }

    @Test
    void accompanyASeedKeepsItsDrums() throws Exception {
        Path out = dir.resolve("out-seed");
        Path seed = SharedCorpus.root().resolve("groove/drummer1/session1/1_funk_80_beat_4-4.mid");
        Cli r = Cli.run("generate", "--seed-midi", seed.toString(), "--mode", "accompany", "--roles", "bass", "--model", model.toString(),
                "--out", out.toString(), "--seed", "3", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        Piece full = MidiReader.read(only(out).resolve("Full_80bpm.mid")).piece();
        assertEquals(List.of(Role.DRUMS, Role.BASS), full.tracks().stream().map(Track::role).toList());
        assertEquals(80.0, full.initialBpm(), 0.01, "tempo inherited from the seed");
    }

    @Test
    void badInputIsAClearError() {
        Cli noModel = Cli.run("generate", "house", "--model", dir.resolve("missing.ckpt").toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().startsWith("error: "), noModel.err());
        Cli badKey = Cli.run("generate", "--key", "H#", "--model", model.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, badKey.exitCode());
        assertTrue(badKey.err().contains("--key: not a key"), badKey.err());
        Cli badSeed = Cli.run("generate", "--seed-midi", SharedCorpus.malformed("gen-not-midi-png.mid").toString(), "--model", model.toString(),
                "--out", dir.resolve("z").toString());
        assertEquals(2, badSeed.exitCode());
        assertTrue(badSeed.err().contains("gen-not-midi-png.mid: not a MIDI file"), badSeed.err());
    }

    @Test
    void infillSwingAndDensityReachTheResult() throws Exception {
        Path out = dir.resolve("out-infill");
        Path seed = SharedCorpus.malformed("gen-valid-reference.mid");
        Cli r = Cli.run("generate", "--seed-midi", seed.toString(), "--mode", "infill", "--vary-bars", "2-2", "--model", model.toString(),
                "--out", out.toString(), "--seed", "4", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode sidecar = JSON.readTree(only(out).resolve("loopsmith.json").toFile());
        assertEquals("infill", sidecar.at("/request/mode").asText());

        Path swung = dir.resolve("out-swing");
        Cli s = Cli.run("generate", "boom bap with bass", "--swing", "62", "--density", "busy", "--model", model.toString(),
                "--out", swung.toString(), "--seed", "4", "--bars", "2", "--no-audio");
        assertEquals(0, s.exitCode(), s.err());
        JsonNode side = JSON.readTree(only(swung).resolve("loopsmith.json").toFile());
        assertEquals("busy", side.at("/request/density").asText());
        assertEquals(62.0, side.at("/request/swing_percent").asDouble());
        assertEquals("SWING=16:63", side.at("/generation/swing").asText(), "62% is played at the nearest swing the tokens hold");
    }

    @Test
    void badControlsAndOldModelsAreClearErrors() throws Exception {
        Cli swing = Cli.run("generate", "house", "--swing", "90", "--model", model.toString(), "--out", dir.resolve("s").toString());
        assertEquals(2, swing.exitCode());
        assertTrue(swing.err().contains("--swing"), swing.err());
        Cli density = Cli.run("generate", "house", "--density", "loud", "--model", model.toString(), "--out", dir.resolve("d").toString());
        assertEquals(2, density.exitCode());
        assertTrue(density.err().contains("--density"), density.err());
        Cli feel = Cli.run("generate", "house", "--feel", "sloppy", "--model", model.toString(), "--out", dir.resolve("f").toString());
        assertEquals(2, feel.exitCode());
        assertTrue(feel.err().contains("--feel: expected human (performed) or tight (programmed on the grid), not sloppy"), feel.err());
        Cli infill = Cli.run("generate", "--seed-midi", SharedCorpus.malformed("gen-valid-reference.mid").toString(), "--mode", "infill",
                "--model", model.toString(), "--out", dir.resolve("i").toString());
        assertEquals(2, infill.exitCode());
        assertTrue(infill.err().contains("needs the bars to vary"), infill.err());

        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        Path old = dir.resolve("format1.ckpt");
        com.fasterxml.jackson.databind.node.ObjectNode state = ModelFile.stateWithVocabulary(v);
        ((com.fasterxml.jackson.databind.node.ObjectNode) state.get("vocabulary")).remove("tokenFormat");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(old, c, state, Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
        Cli refused = Cli.run("generate", "house", "--model", old.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("token format version 1"), refused.err());
    }

    @Test
    void aTagTheModelNeverSawIsDroppedAndRecorded() throws Exception {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        Path housed = dir.resolve("house-only.ckpt");
        com.fasterxml.jackson.databind.node.ObjectNode state = ModelFile.stateWithVocabulary(v);
        state.putObject("train").putArray(ModelFile.SEEN_TAGS).add("GENRE=house");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(housed, c, state, Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
        Path out = dir.resolve("out-unseen");
        Cli r = Cli.run("generate", "techno with bass", "--model", housed.toString(), "--out", out.toString(), "--seed", "2",
                "--bars", "1", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("GENRE=techno never occurred in this model's training data"), r.err());
        JsonNode sidecar = JSON.readTree(only(out).resolve("loopsmith.json").toFile());
        assertEquals("GENRE=techno", sidecar.at("/generation/dropped_tags/0").asText());
    }

    /** The feel from --feel, else from the text, is a tag like the others: one the model never saw is dropped and recorded. */
    @Test
    void aFeelTheModelNeverSawIsDroppedAndRecorded() throws Exception {
        Path housed = dir.resolve("house-only-feel.ckpt");
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        com.fasterxml.jackson.databind.node.ObjectNode state = ModelFile.stateWithVocabulary(v);
        state.putObject("train").putArray(ModelFile.SEEN_TAGS).add("GENRE=house");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(housed, c, state, Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
        Path fromText = dir.resolve("out-feel-text");
        Cli r = Cli.run("generate", "live house drums", "--model", housed.toString(), "--out", fromText.toString(), "--seed", "2",
                "--bars", "1", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("FEEL=human never occurred in this model's training data"), r.err());
        JsonNode sidecar = JSON.readTree(only(fromText).resolve("loopsmith.json").toFile());
        assertEquals("FEEL=human", sidecar.at("/generation/dropped_tags/0").asText());
        assertTrue(sidecar.at("/request/feel").isNull(), "the feel the model heard: none");
        assertEquals("human", sidecar.at("/request/parsed/feel").asText());

        Path fromOption = dir.resolve("out-feel-option");
        Cli o = Cli.run("generate", "live house drums", "--feel", "Tight", "--model", housed.toString(), "--out", fromOption.toString(),
                "--seed", "2", "--bars", "1", "--no-audio");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("FEEL=tight never occurred"), "--feel wins over the text's word: " + o.err());
    }

    /** A feel the model knows is asked for in the header and recorded in the sidecar beside density and swing. */
    @Test
    void aFeelReachesTheSidecar() throws Exception {
        Path out = dir.resolve("out-feel");
        Cli r = Cli.run("generate", "tight boom bap drums", "--model", model.toString(), "--out", out.toString(), "--seed", "3",
                "--bars", "1", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode sidecar = JSON.readTree(only(out).resolve("loopsmith.json").toFile());
        assertEquals("tight", sidecar.at("/request/feel").asText());
    }

    /** --split-drums: a MIDI file per pad group that has hits, together the drum part's notes, and the sidecar's list. */
    @Test
    void splitDrumsWriteAPartPerPadGroup() throws Exception {
        Path out = dir.resolve("out-split");
        Cli r = Cli.run("generate", "--genre", "rock", "--bpm", "100", "--bars", "2", "--roles", "drums,bass", "--model", model.toString(),
                "--out", out.toString(), "--seed", "5", "--split-drums", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        Path folder = only(out);
        Piece drums = MidiReader.read(folder.resolve("Drums_100bpm.mid")).piece();
        JsonNode parts = JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("drumParts");
        assertEquals(loopsmith.music.DrumGroup.values().length, parts.size());
        int notes = 0;
        for (JsonNode part : parts) {
            if (part.path("notes").asInt() == 0) {
                assertTrue(part.path("midi").isNull(), part.toString());
                continue;
            }
            Piece p = MidiReader.read(folder.resolve(part.path("midi").asText())).piece();
            assertEquals(2, p.lengthBars(), part.toString());
            assertEquals(part.path("notes").asInt(), p.noteCount());
            notes += p.noteCount();
        }
        assertEquals(drums.noteCount(), notes, "the parts hold the drum part's notes");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
