package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library as producers have them: real corpus folders (linked in place), the malformed files, generated loops with
 * name hints, sidecars in CSV, JSON and YAML (one of them broken), audio, a hidden folder, a link loop and junk.
 */
@CorpusTest
class IngestEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Path library;
    static Path dataset;
    static IngestReport report;

    static Piece loop(Role role, int program, boolean drums, int bars, int pitch) {
        List<Note> notes = new java.util.ArrayList<>();
        for (int b = 0; b < bars; b++)
            for (int beat = 0; beat < 4; beat++) notes.add(new Note(pitch + (drums ? 0 : beat), 100, b * 1920L + beat * 480L, 240));
        return Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track(role.displayName(), role, program, drums, notes)), bars * 1920L);
    }

    static void wav(Path file, float rate, int seconds) throws Exception {
        byte[] silence = new byte[(int) rate * seconds * 2];
        AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(silence), f, silence.length / 2), AudioFileFormat.Type.WAVE, file.toFile());
    }

    @BeforeAll
    static void ingest() throws Exception {
        library = Files.createDirectories(work.resolve("My Library"));
        Path corpus = SharedCorpus.root().toAbsolutePath();
        Files.createSymbolicLink(library.resolve("popk"), corpus.resolve("popk-examples"));
        Files.createSymbolicLink(library.resolve("broken"), corpus.resolve("malformed"));
        Files.createDirectories(library.resolve("Groove"));
        Files.createSymbolicLink(library.resolve("Groove/session1"), corpus.resolve("groove/drummer1/session1"));
        Files.createSymbolicLink(library.resolve("Groove/metadata-source.csv"), corpus.resolve("groove/metadata.csv"));

        Path house = Files.createDirectories(library.resolve("House/Basslines"));
        MidiWriter.write(loop(Role.MELODY, 38, false, 8, 36), house.resolve("deep_124bpm_Am.mid"));
        MidiWriter.write(loop(Role.MELODY, 38, false, 4, 38), house.resolve("rolling bass 126 BPM Fm.mid"));
        Path hip = Files.createDirectories(library.resolve("Hip Hop"));
        MidiWriter.write(loop(Role.DRUMS, 0, true, 8, 36), hip.resolve("boombap-drums-90.mid"));
        MidiWriter.write(loop(Role.CHORDS, 4, false, 8, 60), hip.resolve("keys.mid"));
        Files.writeString(hip.resolve("keys.mid.json"), "{\"genre\": \"lofi\", \"mood\": \"chill\", \"bpm\": 85, \"key\": \"Eb minor\"}");
        Files.writeString(hip.resolve("labels.yaml"), "genre: hip hop\nstyle: boom bap\n");
        Path sheet = Files.createDirectories(library.resolve("Sheet"));
        MidiWriter.write(loop(Role.MELODY, 73, false, 8, 72), sheet.resolve("tune1.mid"));
        MidiWriter.write(loop(Role.MELODY, 73, false, 8, 74), sheet.resolve("tune2.mid"));
        Files.writeString(sheet.resolve("labels.csv"), "path,genre,mood,bpm,key,time_signature,colour\n"
                + "tune1.mid,Jazz,happy,140,F major,4/4,blue\ntune2.mid,zydeco,,fast,,,\n");
        Path broken = Files.createDirectories(library.resolve("Broken labels"));
        MidiWriter.write(loop(Role.MELODY, 0, false, 8, 70), broken.resolve("song.mid"));
        Files.writeString(broken.resolve("labels.yaml"), "genre: [unclosed\n  - : :");

        Path audio = Files.createDirectories(library.resolve("Audio"));
        wav(audio.resolve("loop_124bpm_Am.wav"), 44100, 1);
        Files.writeString(audio.resolve("broken_90bpm.wav"), "RIFF not really");
        Files.createDirectories(library.resolve(".hidden"));
        MidiWriter.write(loop(Role.MELODY, 0, false, 8, 60), library.resolve(".hidden/secret.mid"));
        Files.writeString(library.resolve("notes.txt"), "not music");
        Files.createSymbolicLink(library.resolve("House/loop-back"), library);

        dataset = work.resolve("dataset");
        report = Ingest.run(library, dataset, IngestConfig.defaults(), Ingest.Progress.NONE);
    }

    private static Map<String, String> skipped() {
        return report.skipped().stream().collect(Collectors.toMap(IngestReport.Skip::file, IngestReport.Skip::reason, (a, b) -> a));
    }

    @Test
    void reportCountsAndSkippedFilesWithReasons() {
        IngestReport.Files f = report.files();
        int malformed = SharedCorpus.midiFiles("malformed").size();
        int groove = (int) SharedCorpus.midiFiles("groove").stream().filter(p -> p.toString().contains("drummer1/session1/")).count();
        assertEquals(malformed + groove + 13 + 7, f.midi());
        assertEquals(f.midi(), f.ingested() + f.skipped());
        Map<String, String> skipped = skipped();
        assertEquals("not a MIDI file: no MThd header", skipped.get("broken/gen-not-midi-png.mid"));
        assertEquals("no note events", skipped.get("broken/test-empty.mid"));
        assertTrue(skipped.get("broken/gen-zero-length.mid").contains("empty file"));
        assertTrue(report.ignored().stream().anyMatch(i -> i.file().equals("notes.txt") && i.reason().contains("not a music file")));
        assertTrue(skipped.keySet().stream().anyMatch(k -> k.contains("loop-back")), "link loop reported: " + skipped.keySet());
        assertFalse(skipped.keySet().stream().anyMatch(k -> k.contains(".hidden")), "hidden folders are not looked at");
        // Every malformed file is either ingested (partially read) or skipped with a reason.
        for (Path m : SharedCorpus.midiFiles("malformed")) {
            String rel = "broken/" + m.getFileName();
            String reason = skipped.get(rel);
            assertTrue(reason == null || !reason.isBlank(), rel);
        }
        assertTrue(report.warnings().stream().anyMatch(w -> w.file().equals("broken/gen-truncated-real-groove.mid")));
        assertTrue(report.warnings().stream().anyMatch(w -> w.file().equals("Broken labels/song.mid")
                && String.join(" ", w.warnings()).contains("labels.yaml")), "a broken sidecar is a warning naming it");
        assertEquals(2, report.audio().size());
        IngestReport.AudioEntry good = report.audio().stream().filter(a -> a.file().endsWith("loop_124bpm_Am.wav")).findFirst().orElseThrow();
        assertEquals(1.0, good.seconds(), 1e-3);
        assertEquals(44100, good.sampleRateHz());
        assertEquals(124.0, good.bpm());
        assertEquals("A minor", good.key());
        assertTrue(report.audio().stream().anyMatch(a -> a.file().endsWith("broken_90bpm.wav") && a.error() != null));
    }

    @Test
    void datasetIsValidAndSplitBySourceFile() {
        DatasetReader d = DatasetReader.open(dataset);
        Grammar g = new Grammar(d.vocabulary());
        Set<String> trainFiles = new HashSet<>();
        Set<String> validationFiles = new HashSet<>();
        for (IndexRow e : d.entries()) {
            List<Token> tokens = d.vocabulary().tokens(d.tokens(e));
            assertEquals(Optional.empty(), g.validate(tokens), e.source());
            (e.split().equals(DatasetFormat.TRAIN) ? trainFiles : validationFiles).add(e.source());
        }
        assertFalse(trainFiles.isEmpty());
        assertFalse(validationFiles.isEmpty());
        Set<String> both = new HashSet<>(trainFiles);
        both.retainAll(validationFiles);
        assertEquals(Set.of(), both, "no file on both sides");
        assertEquals(report.segments().kept(), d.entries().size());
        long tokens = report.splits().values().stream().mapToLong(IngestReport.Split::tokens).sum();
        assertEquals(tokens, d.entries().stream().mapToLong(IndexRow::length).sum());
        assertTrue(report.segments().duplicatesDropped() >= 0);
    }

    @Test
    void labelsFromFoldersNamesAndSidecarsReachTheIndex() {
        Map<String, IndexRow> bySource = DatasetReader.open(dataset).entries().stream()
                .collect(Collectors.toMap(IndexRow::source, e -> e, (a, b) -> a));
        IndexRow deep = bySource.get("House/Basslines/deep_124bpm_Am.mid");
        assertEquals("house", deep.genre());
        assertEquals(124.0, deep.bpm());
        assertEquals("A minor", deep.key());
        assertEquals(List.of("bass"), deep.roles(), "folder 'Basslines' names the role of a one-part file");
        IndexRow keys = bySource.get("Hip Hop/keys.mid");
        assertEquals("lo-fi", keys.genre(), "the per-file JSON beats the folder YAML");
        assertEquals("chill", keys.mood());
        assertEquals("boom-bap", keys.style());
        assertEquals(85.0, keys.bpm());
        assertEquals("Eb minor", keys.key());
        IndexRow tune = bySource.get("Sheet/tune1.mid");
        assertEquals("jazz", tune.genre());
        assertEquals(140.0, tune.bpm());
        IndexRow groove = bySource.get("Groove/session1/1_funk_80_beat_4-4.mid");
        assertEquals("funk", groove.genre());
        assertEquals(80.0, groove.bpm());
        assertTrue(DatasetReader.open(dataset).vocabulary().contains(new Token.Tag(Token.TagKind.GENRE, "zydeco")),
                "an unknown genre is kept and gets its own tag token");
    }

    @Test
    void reportFilesArePresent() throws Exception {
        DatasetManifest manifest = DatasetManifest.read(dataset);
        Path data = manifest.dataFolder(dataset);
        assertTrue(data.getFileName().toString().startsWith(DatasetFormat.DATA_PREFIX), data.toString());
        for (String f : List.of(DatasetFormat.VOCABULARY, DatasetFormat.INDEX, DatasetFormat.REPORT_JSON, "train-000.bin", "validation-000.bin"))
            assertTrue(Files.isRegularFile(data.resolve(f)), f);
        for (String f : List.of(DatasetFormat.MANIFEST, DatasetFormat.REPORT_JSON, DatasetFormat.REPORT_MD))
            assertTrue(Files.isRegularFile(dataset.resolve(f)), f + " beside dataset.json");
        assertEquals("uint16le", manifest.dtype());
        assertEquals(DatasetFormat.VERSION, manifest.version());
        assertEquals(report.splits(), manifest.splits());
        assertEquals(DatasetReader.open(dataset).vocabulary().size(), manifest.vocabularySize());
        String md = Files.readString(dataset.resolve(DatasetFormat.REPORT_MD));
        assertTrue(md.contains("## Skipped"));
        assertTrue(md.contains("gen-not-midi-png.mid"));
        assertFalse(Files.exists(dataset.resolve(".staging")));
    }

    @Test
    void oneFilesFailureIsItsSkipAndAFarLastNoteIsCappedNotWalked(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        MidiWriter.write(loop(Role.DRUMS, 0, true, 8, 36), lib.resolve("good.mid"));
        // Two notes 200,000 bars apart: a 1 KB file whose windows would take minutes to walk.
        Piece far = loop(Role.MELODY, 0, false, 1, 60);
        Track t = far.tracks().get(0);
        java.util.List<Note> notes = new java.util.ArrayList<>(t.notes());
        notes.add(new Note(60, 90, 200_000L * 4 * far.ticksPerQuarter(), far.ticksPerQuarter()));
        MidiWriter.write(far.withTracks(List.of(t.withNotes(notes))).withEndTick(200_001L * 4 * far.ticksPerQuarter()), lib.resolve("far.mid"));
        // A sidecar whose YAML alias refers to itself.
        MidiWriter.write(loop(Role.BASS, 33, false, 4, 40), lib.resolve("alias.mid"));
        Files.writeString(lib.resolve("alias.yaml"), "genre: house\ntags: &a {loop: *a}\n");
        IngestReport r = Ingest.run(lib, dir.resolve("ds"), IngestConfig.defaults(), Ingest.Progress.NONE);
        java.util.Map<String, String> skips = new java.util.HashMap<>();
        for (IngestReport.Skip s : r.skipped()) skips.put(s.file(), s.reason());
        assertTrue(skips.getOrDefault("far.mid", "").contains("bars long"), skips.toString());
        assertFalse(skips.containsKey("good.mid"), skips.toString());
        assertTrue(skips.getOrDefault("alias.mid", "").contains("stack overflow"), "the self-referencing sidecar skips its file only: " + skips);
        assertTrue(r.files().ingested() >= 1, "the rest of the library is ingested");
    }

    private static Path shard(Path datasetDir) throws Exception {
        return DatasetManifest.read(datasetDir).dataFolder(datasetDir).resolve("train-000.bin");
    }

    @Test
    void aManifestCannotPointOutsideItsDataset(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("ds"));
        JsonNode manifest = JSON.readTree(dataset.resolve(DatasetFormat.MANIFEST).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).put("data", "../../etc");
        Files.writeString(copy.resolve(DatasetFormat.MANIFEST), manifest.toString());
        loopsmith.music.LoopsmithException e = org.junit.jupiter.api.Assertions.assertThrows(loopsmith.music.LoopsmithException.class,
                () -> DatasetReader.open(copy));
        assertTrue(e.getMessage().contains("not one ingest writes"), e.getMessage());
    }

    @Test
    void rerunReusesTheCacheAndGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        IngestReport first = Ingest.run(library, again, IngestConfig.defaults(), Ingest.Progress.NONE);
        byte[] shard = Files.readAllBytes(shard(again));
        Path firstData = shard(again).getParent();
        IngestReport second = Ingest.run(library, again, IngestConfig.defaults(), Ingest.Progress.NONE);
        assertEquals(first.files().midi(), second.files().fromCache());
        assertEquals(0, second.files().processed());
        assertArrayEquals(shard, Files.readAllBytes(shard(again)));
        assertFalse(Files.exists(firstData), "the replaced data folder is gone once the new one is committed");
        try (var left = Files.list(again)) {
            assertEquals(1, left.filter(p -> p.getFileName().toString().startsWith(DatasetFormat.DATA_PREFIX)).count());
        }
        assertArrayEquals(Files.readAllBytes(shard(dataset)), shard, "same library and seed, same dataset");
        // One changed file is re-processed, nothing else.
        MidiWriter.write(loop(Role.MELODY, 73, false, 8, 76), library.resolve("Sheet/tune2.mid"));
        IngestReport third = Ingest.run(library, again, IngestConfig.defaults(), Ingest.Progress.NONE);
        assertEquals(1, third.files().processed());
        MidiWriter.write(loop(Role.MELODY, 73, false, 8, 74), library.resolve("Sheet/tune2.mid"));
    }

    @Test
    void badFoldersGiveClearErrors() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        var e = assertThrows(loopsmith.music.LoopsmithException.class,
                () -> Ingest.run(empty, work.resolve("out-empty"), IngestConfig.defaults(), Ingest.Progress.NONE));
        assertTrue(e.getMessage().contains("no MIDI files found"), e.getMessage());
        Path audioOnly = Files.createDirectories(work.resolve("audio-only"));
        wav(audioOnly.resolve("a.wav"), 22050, 1);
        assertThrows(loopsmith.music.LoopsmithException.class,
                () -> Ingest.run(audioOnly, work.resolve("out-audio"), IngestConfig.defaults(), Ingest.Progress.NONE));
        Path precious = Files.createDirectories(work.resolve("precious"));
        Files.writeString(precious.resolve("thesis.txt"), "do not touch");
        var refused = assertThrows(loopsmith.music.LoopsmithException.class,
                () -> Ingest.run(library, precious, IngestConfig.defaults(), Ingest.Progress.NONE));
        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
        assertEquals("do not touch", Files.readString(precious.resolve("thesis.txt")));
        assertThrows(loopsmith.music.LoopsmithException.class,
                () -> Ingest.run(work.resolve("missing"), work.resolve("out-missing"), IngestConfig.defaults(), Ingest.Progress.NONE));
    }
}
