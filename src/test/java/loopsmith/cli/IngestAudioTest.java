package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.NativeTest;
import loopsmith.audio.Signals;
import loopsmith.audio.WavWriter;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetManifest;
import loopsmith.dataset.IndexRow;
import loopsmith.midi.MidiWriter;
import loopsmith.audio.StemRenderer;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} on a library holding a MIDI bassline, a rendered drum loop WAV, a rendered piano loop and a broken
 * WAV: audio is catalogued with tempo, key and bars either way, and only with {@code --transcribe-audio} does the drum
 * loop become training segments, tagged with its folder's labels.
 */
@NativeTest
class IngestAudioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
    private static final int PPQ = 480;
    private static final int RATE = 44100;
    private static final double BPM = 100;

    @TempDir
    static Path work;
    static Path library;

    @BeforeAll
    static void library() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SOUNDFONT), "FluidR3_GM.sf2 not installed");
        library = Files.createDirectories(work.resolve("lib"));
        Path bass = Files.createDirectories(library.resolve("House/Basslines"));
        MidiWriter.write(piece(new Track("Bass", Role.BASS, 38, false, bassline()), 8), bass.resolve("deep_124bpm_Am.mid"));
        Path drums = Files.createDirectories(library.resolve("Funk/Drums"));
        render(piece(Signals.backbeat(2, PPQ), 2), drums.resolve("groove one.wav"));
        Path keys = Files.createDirectories(library.resolve("Keys"));
        render(piece(new Track("Piano", Role.CHORDS, 0, false, cMajorChords()), 2), keys.resolve("pad.wav"));
        Files.write(keys.resolve("cut_off.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm'});
    }


    private static List<Note> bassline() {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < 8; bar++)
            for (int beat = 0; beat < 4; beat++) notes.add(new Note(33 + (beat == 3 ? 7 : 0), 100, bar * 4L * PPQ + beat * (long) PPQ, PPQ / 2));
        return notes;
    }

    /** C, F, G, C triads, one per half bar. */
    private static List<Note> cMajorChords() {
        int[][] chords = {{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < chords.length; i++)
            for (int p : chords[i]) notes.add(new Note(p, 90, i * 2L * PPQ, 2L * PPQ));
        return notes;
    }

    private static Piece piece(Track t, int bars) {
        return Piece.of(PPQ, BPM, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(t), (long) bars * 4 * PPQ);
    }

    private static void render(Piece piece, Path wav) {
        try (StemRenderer r = new StemRenderer(SOUNDFONT, RATE)) {
            WavWriter.write(wav, r.render(piece, piece.tracks().get(0), r.loopFrames(piece), 0), RATE, 16);
        }
    }

    private static JsonNode ingest(String out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("ingest", library.toString(), "--out", work.resolve(out).toString(), "--json", "--threads", "1"));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode entry(JsonNode report, String file) {
        for (JsonNode a : report.path("audio")) if (a.path("file").asText().equals(file)) return a;
        throw new AssertionError("no audio entry for " + file + " in " + report.path("audio"));
    }

    private static List<IndexRow> index(String out) {
        Path dataset = work.resolve(out);
        return IndexRow.read(DatasetManifest.read(dataset).dataFolder(dataset).resolve(DatasetFormat.INDEX));
    }

    @Test
    void withoutTheFlagAudioIsCataloguedOnly() throws Exception {
        JsonNode r = ingest("catalogue");
        JsonNode drums = entry(r, "Funk/Drums/groove one.wav");
        assertEquals("drums", drums.path("kind").asText());
        assertEquals(BPM, drums.path("bpm").asDouble(), BPM * 0.02, "detected tempo: " + drums);
        assertEquals("analysis", drums.path("bpmSource").asText());
        assertEquals(2, drums.path("bars").asInt());
        assertTrue(drums.path("key").isNull(), "no key for a drum loop: " + drums);
        assertTrue(drums.path("segments").isNull());
        JsonNode pad = entry(r, "Keys/pad.wav");
        assertEquals("C major", pad.path("key").asText(), pad.toString());
        assertEquals("analysis", pad.path("keySource").asText());
        assertTrue(pad.path("keyConfidence").asDouble() > 0);
        JsonNode broken = entry(r, "Keys/cut_off.wav");
        assertTrue(broken.path("error").asText().length() > 0, broken.toString());
        assertTrue(skippedReason(r, "Keys/cut_off.wav").startsWith("audio: "));
        assertEquals(0, r.path("audioCounts").path("transcribed").asInt());
        assertEquals(1, r.path("audioCounts").path("drumLoops").asInt());
        assertEquals(1, r.path("audioCounts").path("unreadable").asInt());
        assertTrue(index("catalogue").stream().allMatch(row -> row.origin().equals(DatasetFormat.ORIGIN_MIDI)));
        Path catalogue = work.resolve("catalogue");
        Path data = DatasetManifest.read(catalogue).dataFolder(catalogue);
        assertEquals(3, Files.readAllLines(data.resolve("audio.jsonl")).size());
        String md = Files.readString(work.resolve("catalogue/report.md"));
        assertTrue(md.contains("## Audio (3)") && md.contains("groove one.wav"), md);
    }

    @Test
    void withTheFlagTheDrumLoopBecomesTrainingMaterial() throws Exception {
        JsonNode r = ingest("transcribed", "--transcribe-audio");
        JsonNode drums = entry(r, "Funk/Drums/groove one.wav");
        assertTrue(drums.path("segments").asInt() >= 1, drums.toString());
        assertTrue(entry(r, "Keys/pad.wav").path("segments").isNull(), "a piano loop is not drum material");
        assertEquals(1, r.path("audioCounts").path("transcribed").asInt());
        List<IndexRow> rows = index("transcribed");
        List<IndexRow> fromAudio = rows.stream().filter(row -> row.origin().equals(DatasetFormat.ORIGIN_AUDIO)).toList();
        assertEquals(r.path("audioCounts").path("segmentsKept").asInt(), fromAudio.size());
        assertTrue(fromAudio.size() >= 1);
        assertTrue(rows.stream().anyMatch(row -> row.origin().equals(DatasetFormat.ORIGIN_MIDI)), "the MIDI file is still there");
        IndexRow row = fromAudio.get(0);
        assertEquals("Funk/Drums/groove one.wav", row.source());
        assertEquals("funk", row.genre(), "tagged with its folder's genre");
        assertEquals(List.of("drums"), row.roles());
        assertEquals(BPM, row.bpm(), BPM * 0.02);

        // A rerun takes every audio result from the cache and writes the same index.
        JsonNode again = ingest("transcribed", "--transcribe-audio");
        assertEquals(3, again.path("audioCounts").path("fromCache").asInt());
        assertEquals(rows.size(), index("transcribed").size());
    }

    private static String skippedReason(JsonNode report, String file) {
        for (JsonNode s : report.path("skipped")) if (s.path("file").asText().equals(file)) return s.path("reason").asText();
        throw new AssertionError(file + " not in skipped: " + report.path("skipped"));
    }

    @Test
    void anAudioOnlyLibraryNeedsTheFlag() throws Exception {
        Path audioOnly = Files.createDirectories(work.resolve("audio-only/Drums"));
        Files.copy(library.resolve("Funk/Drums/groove one.wav"), audioOnly.resolve("loop_100bpm.wav"));
        Cli refused = Cli.run("ingest", audioOnly.getParent().toString(), "--out", work.resolve("ao1").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--transcribe-audio"), refused.err());
        Cli ok = Cli.run("ingest", audioOnly.getParent().toString(), "--out", work.resolve("ao2").toString(), "--transcribe-audio", "--json");
        assertEquals(0, ok.exitCode(), ok.err());
        JsonNode e = JSON.readTree(ok.out()).path("audio").get(0);
        assertEquals("label", e.path("bpmSource").asText(), "the name's 100bpm wins");
        assertNull(e.path("error").textValue());
        assertTrue(e.path("segments").asInt() >= 1, e.toString());
    }
}
