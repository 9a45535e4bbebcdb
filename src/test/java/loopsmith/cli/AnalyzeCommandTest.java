package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import loopsmith.NativeTest;
import loopsmith.audio.WavWriter;
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

/** {@code analyze} and {@code generate --audio} end to end on a click loop, and clear errors for bad audio files. */
@NativeTest
class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = 44100;

    @TempDir
    static Path dir;
    static Path clip;

    @BeforeAll
    static void clickLoop() {
        clip = dir.resolve("loop.wav");
        WavWriter.write(clip, new float[][] {clicks(100, 2)}, RATE, 16);
    }

    /** Clicks on every beat, bars of 4/4, at 44.1 kHz so the reader's resampling is exercised too. */
    private static float[] clicks(double bpm, int bars) {
        int frames = (int) Math.round(bars * 4 * 60.0 / bpm * RATE);
        float[] out = new float[frames];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int beat = 0; beat < bars * 4; beat++) {
            int at = (int) Math.round(beat * 60.0 / bpm * RATE);
            for (int i = 0; i < RATE / 20 && at + i < frames; i++)
                out[at + i] += (float) ((beat % 4 == 0 ? 0.8 : 0.5) * Math.exp(-i / (RATE * 0.01)) * (rnd.nextDouble() * 2 - 1));
        }
        return out;
    }

    @Test
    void analyzeReportsTempoBarsAndWritesTheTranscription() throws Exception {
        Path midi = dir.resolve("loop.mid");
        Cli r = Cli.run("analyze", clip.toString(), "--json", "--midi", midi.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode f = JSON.readTree(r.out()).path("files").get(0);
        assertEquals(100, f.path("bpm").asDouble(), 2);
        assertEquals(2, f.path("bars").asInt());
        assertEquals("drums", f.path("kind").asText());
        assertTrue(f.path("key").isNull(), "clicks have no key");
        assertEquals(8, f.path("onsets").asInt());
        Piece p = MidiReader.read(midi).piece();
        assertEquals(100, p.initialBpm(), 2);
        assertEquals(2, p.lengthBars());
        assertTrue(p.tracks().get(0).isDrum());
        assertEquals(8, p.tracks().get(0).notes().stream().map(n -> n.startTick()).distinct().count());

        Cli text = Cli.run("analyze", clip.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("100 BPM") || text.out().contains("100.0 BPM"), text.out());
    }

    @Test
    void analyzeReportsTheOctaveAlternativeAndTheDownbeatAndTakesAGenre() throws Exception {
        Cli r = Cli.run("analyze", clip.toString(), "--json", "--genre", "Hip Hop");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode f = JSON.readTree(r.out()).path("files").get(0);
        assertEquals(100, f.path("bpm").asDouble(), 2);
        assertTrue(f.path("octave_by_genre_label").asBoolean(), "hip-hop is counted in 80-100: " + f);
        double alternative = f.path("bpm_alternative").asDouble();
        assertTrue(Math.abs(alternative - 50) < 1 || Math.abs(alternative - 200) < 2, "an octave away: " + f);
        assertTrue(f.path("bpm_octave_confidence").asDouble() > f.path("bpm_alternative_confidence").asDouble(), f.toString());
        assertEquals(0, f.path("first_downbeat_s").asDouble(), 0.03, "the accented click starts the bar: " + f);
        assertTrue(f.has("first_beat_s") && f.has("downbeat_confidence") && f.has("rhythm"), f.toString());

        Cli bad = Cli.run("analyze", clip.toString(), "--genre", "polka-step");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--genre"), bad.err());
    }

    @Test
    void badAudioGivesOneClearLineAndExitTwo() throws Exception {
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        Path truncated = Files.write(dir.resolve("truncated.wav"), "RIFF\u0024\u0000\u0000\u0000WAVEfm".getBytes(StandardCharsets.ISO_8859_1));
        Path mp3 = Files.write(dir.resolve("song.mp3"), "ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000 not really audio".getBytes(StandardCharsets.ISO_8859_1));
        Path noSamples = Files.write(dir.resolve("nosamples.wav"), wavHeader(1, 0));
        Path mpegInWav = Files.write(dir.resolve("mpeg.wav"), wavHeader(0x55, 64));
        for (Path bad : List.of(empty, truncated, mp3, noSamples, mpegInWav)) {
            Cli r = Cli.run("analyze", bad.toString());
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith("error: " + bad + ": "), r.err());
        }
        // One bad file among good ones: the good one is still analysed.
        Cli both = Cli.run("analyze", clip.toString(), empty.toString(), "--json");
        assertEquals(2, both.exitCode());
        JsonNode doc = JSON.readTree(both.out());
        assertEquals(1, doc.path("files").size());
        assertEquals(empty.toString(), doc.path("errors").get(0).path("file").asText());
    }

    /** A WAV header with the given format tag and {@code dataBytes} of zeros, mono 16-bit 44.1 kHz. */
    private static byte[] wavHeader(int formatTag, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatTag).putShort((short) 1);
        b.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }

    @Test
    void generateWithAnAudioClipPlaysInItsTimeBesideItsGroove() throws Exception {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        Path model = dir.resolve("tiny.ckpt");
        try (Gpt g = Gpt.create(c, 5, Device.cpu())) {
            Checkpoint.save(model, c, ModelFile.stateWithVocabulary(v), Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
        Path out = dir.resolve("out-audio");
        Cli r = Cli.run("generate", "--audio", clip.toString(), "--roles", "bass", "--model", model.toString(), "--out", out.toString(),
                "--seed", "3", "--no-audio");
        assertEquals(0, r.exitCode(), r.err());
        Path folder;
        try (Stream<Path> s = Files.list(out)) {
            folder = s.findFirst().orElseThrow();
        }
        Piece full = MidiReader.read(folder.resolve("Full_100bpm.mid")).piece();
        assertEquals(100, full.initialBpm(), 0.01);
        assertEquals(2, full.lengthBars());
        assertEquals(List.of(Role.DRUMS, Role.BASS), full.tracks().stream().map(Track::role).toList());
        JsonNode sidecar = JSON.readTree(folder.resolve("loopsmith.json").toFile());
        assertEquals("accompany", sidecar.at("/request/mode").asText());
        assertEquals(100, sidecar.at("/request/audio/bpm").asDouble(), 0.01);
        assertEquals(clip.getFileName().toString(), sidecar.at("/request/audio/file").asText(), "by name only: no absolute path leaves the machine");

        Path felt = dir.resolve("out-felt");
        Cli f = Cli.run("generate", "--audio", clip.toString(), "--roles", "bass", "--model", model.toString(), "--out", felt.toString(),
                "--seed", "3", "--no-audio", "--feel-from-audio");
        assertEquals(0, f.exitCode(), f.err());
        try (Stream<Path> s = Files.list(felt)) {
            folder = s.findFirst().orElseThrow();
        }
        JsonNode feltSidecar = JSON.readTree(folder.resolve("loopsmith.json").toFile());
        assertEquals(16, feltSidecar.at("/request/audio/feel_offsets_ms").size(), feltSidecar.toString());
        assertEquals(2, MidiReader.read(folder.resolve("Full_100bpm.mid")).piece().lengthBars(), "bar-exact with the clip's feel");

        Cli noClip = Cli.run("generate", "house", "--model", model.toString(), "--out", felt.toString(), "--feel-from-audio", "--no-audio");
        assertEquals(2, noClip.exitCode());
        assertTrue(noClip.err().contains("--feel-from-audio: needs an audio clip"), noClip.err());
    }
}
