package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.SharedCorpus;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.WavWriter;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drumify end to end with a tiny untrained model: MIDI and audio clips, the result folder, coverage, and bad input. */
@CorpusTest
@NativeTest
class DrumifyCommandTest {
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

    /** Every onset carries a hit and every strong one a kick or snare, whatever the (untrained) model wrote. */
    private static void assertFollows(JsonNode g) {
        assertTrue(g.path("onsets").asInt() > 0, g.toString());
        assertEquals(g.path("onsets").asInt(), g.path("covered").asInt(), g.toString());
        assertEquals(g.path("strong_onsets").asInt(), g.path("strong_with_kick_or_snare").asInt(), g.toString());
    }

    @Test
    void aNottinghamMelodyGetsDrumsThatCarryEveryOnset() throws Exception {
        Path clip = SharedCorpus.root().resolve("nottingham/ashover1.mid");
        Path out = dir.resolve("out-midi");
        Cli r = Cli.run("drumify", clip.toString(), "--genre", "rock", "--seed", "4", "--bars", "2", "--candidates", "2",
                "--model", model.toString(), "--out", out.toString(), "--no-audio", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertFollows(doc);
        Path folder = only(out);
        assertTrue(folder.getFileName().toString().contains("_drumify-rock_"), folder.toString());
        Piece full = MidiReader.read(folder.resolve("Full_120bpm.mid")).piece();
        assertEquals(2, full.lengthBars());
        assertEquals(Role.DRUMS, full.tracks().get(0).role());
        assertTrue(full.tracks().size() >= 2, "the clip's parts are there for reference");
        assertTrue(full.tracks().stream().skip(1).allMatch(t -> t.name().startsWith("Clip ")), "named apart from the drums");
        JsonNode sidecar = JSON.readTree(folder.resolve("loopsmith.json").toFile());
        assertEquals("drumify", sidecar.at("/request/tool").asText());
        assertEquals("ashover1.mid", sidecar.at("/request/clip").asText());
        assertFollows(sidecar.path("generation"));

        Path again = dir.resolve("out-midi-2");
        assertEquals(0, Cli.run("drumify", clip.toString(), "--genre", "rock", "--seed", "4", "--bars", "2", "--candidates", "2",
                "--model", model.toString(), "--out", again.toString(), "--no-audio").exitCode());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(folder.resolve("Drums_120bpm.mid")),
                Files.readAllBytes(only(again).resolve("Drums_120bpm.mid"))), "same seed, same drums");
    }

    @Test
    void anAudioClipIsFollowedByItsOnsets() throws Exception {
        Path sf2 = SoundFonts.find(Optional.empty()).orElseThrow(() -> new AssertionError("a GM SoundFont is installed (fluid-soundfont-gm)"));
        List<Note> riff = new ArrayList<>();
        long[] at = {0, 360, 720, 960, 1440, 1680};
        for (int bar = 0; bar < 2; bar++) for (long t : at) riff.add(new Note(48, 110, bar * 1920L + t, 200));
        Piece piece = Piece.of(480, 110, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false, riff)), 3840);
        StemRenderer renderer = new StemRenderer(sf2, 22050);
        Path wav = dir.resolve("riff.wav");
        WavWriter.write(wav, renderer.render(piece, piece.tracks().get(0), renderer.loopFrames(piece), 0), 22050, 16);
        Path out = dir.resolve("out-audio");
        Cli r = Cli.run("drumify", wav.toString(), "--genre", "funk", "--seed", "2", "--candidates", "2", "--model", model.toString(),
                "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertFollows(doc);
        assertTrue(doc.path("onsets").asInt() >= 6, "the riff's notes are heard: " + doc);
        Path folder = only(out);
        try (Stream<Path> s = Files.list(folder)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("Drums.wav") && names.contains("Mix.wav"), names.toString());
        }
        assertEquals("audio", JSON.readTree(folder.resolve("loopsmith.json").toFile()).at("/request/clip_kind").asText());
    }

    @Test
    void badClipsAreClearErrorsNamingTheClip() throws Exception {
        Path empty = dir.resolve("empty.mid");
        MidiWriter.write(Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false,
                List.of())), 1920), empty);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a clip");
        Path garbled = Files.writeString(dir.resolve("garbled.mid"), "not MIDI at all");
        Path silent = dir.resolve("silence.wav");
        WavWriter.write(silent, new float[][] {new float[22050 * 2]}, 22050, 16);
        Path melody = dir.resolve("riff.mid"); // written here, so these cases run without ../shared too
        MidiWriter.write(Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false,
                List.of(new Note(40, 100, 0, 240), new Note(43, 100, 720, 240)))), 1920), melody);
        Object[][] cases = {
            {empty, new String[0], "empty clip"},
            {text, new String[0], "not a clip Drumify reads"},
            {garbled, new String[0], "garbled.mid"},
            {silent, new String[0], "silent"},
            {dir.resolve("missing.mid"), new String[0], "no such clip"},
            {melody, new String[] {"--genre", "polka-zz"}, "unknown genre 'polka-zz'"},
        };
        for (Object[] c : cases) {
            List<String> args = new ArrayList<>(List.of("drumify", c[0].toString(), "--model", model.toString(), "--out",
                    dir.resolve("out-bad").toString(), "--no-audio"));
            args.addAll(List.of((String[]) c[1]));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), c[0] + ": " + r.err());
            assertTrue(r.err().contains((String) c[2]), c[0] + ": " + r.err());
            if (!c[2].toString().startsWith("unknown genre")) assertTrue(r.err().contains(((Path) c[0]).getFileName().toString()), r.err());
        }
    }
}
