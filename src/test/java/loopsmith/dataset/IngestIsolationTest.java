package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import loopsmith.UnitTest;
import loopsmith.library.LibraryScanner;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file's failure, whatever it is and whichever kind of file, is that file's skip; the rest is ingested. */
@UnitTest
class IngestIsolationTest {
    @TempDir Path dir;

    private Path library() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        MidiWriter.write(IngestEndToEndTest.loop(Role.DRUMS, 0, true, 8, 36), lib.resolve("a.mid"));
        MidiWriter.write(IngestEndToEndTest.loop(Role.BASS, 33, false, 8, 40), lib.resolve("bomb.mid"));
        MidiWriter.write(IngestEndToEndTest.loop(Role.CHORDS, 4, false, 8, 60), lib.resolve("c.mid"));
        // Of different lengths: the cache is keyed by content, and a copy of clean.wav processed after it would be read
        // from the cache, never reaching the failing processor (which of them comes first depends on the threads).
        IngestEndToEndTest.wav(lib.resolve("clean.wav"), 22050, 1);
        IngestEndToEndTest.wav(lib.resolve("bomb.wav"), 22050, 2);
        IngestEndToEndTest.wav(lib.resolve("buggy.wav"), 22050, 3);
        return lib;
    }

    @Test
    void anAudioFilesSelfReferencingSidecarSkipsThatFileOnly() throws Exception {
        Path lib = library();
        Files.writeString(lib.resolve("buggy.yaml"), "genre: house\ntags: &a {loop: *a}\n");
        IngestReport r = Ingest.run(lib, dir.resolve("ds"), IngestConfig.defaults(), Ingest.Progress.NONE);
        Map<String, String> skips = new HashMap<>();
        for (IngestReport.Skip s : r.skipped()) skips.put(s.file(), s.reason());
        assertTrue(skips.getOrDefault("buggy.wav", "").contains("stack overflow"), skips.toString());
        assertEquals(3, r.files().ingested(), "the MIDI files are ingested: " + skips);
        Map<String, IngestReport.AudioEntry> audio = r.audio().stream().collect(Collectors.toMap(IngestReport.AudioEntry::file, e -> e));
        assertEquals(3, audio.size());
        assertTrue(audio.get("buggy.wav").error().contains("labels could not be read"), audio.get("buggy.wav").error());
        assertNull(audio.get("clean.wav").error(), "the other audio files are catalogued");
        assertEquals(22050, audio.get("clean.wav").sampleRateHz());
    }

    @Test
    void aMidiFileRunningOutOfMemoryIsItsSkip() throws Exception {
        IngestConfig config = IngestConfig.defaults();
        FileProcessor real = new FileProcessor(config);
        ProcessedLibrary p = ProcessedLibrary.process(LibraryScanner.scan(library()), config, new IngestCache(dir.resolve("cache")),
                Ingest.Progress.NONE, (file, relative, labels) -> {
                    if (relative.equals("bomb.mid")) throw new OutOfMemoryError("Java heap space");
                    return real.process(file, relative, labels);
                }, new AudioProcessor(config, real)::process);
        Map<String, FileResult> midi = p.midi().stream().map(ProcessedLibrary.Summary::result)
                .collect(Collectors.toMap(FileResult::path, Function.identity()));
        assertFalse(midi.get("bomb.mid").ingested());
        assertTrue(midi.get("bomb.mid").reason().contains("out of memory"), midi.get("bomb.mid").reason());
        assertTrue(midi.get("a.mid").ingested() && midi.get("c.mid").ingested(), midi.toString());
        assertEquals(3, p.audio().size(), "the audio files are still catalogued");
    }

    @Test
    void anAudioFileRunningOutOfMemoryOrHittingABugIsItsSkip() throws Exception {
        IngestConfig config = IngestConfig.defaults();
        FileProcessor real = new FileProcessor(config);
        AudioProcessor audio = new AudioProcessor(config, real);
        ProcessedLibrary p = ProcessedLibrary.process(LibraryScanner.scan(library()), config, new IngestCache(dir.resolve("cache")),
                Ingest.Progress.NONE, real::process, (file, relative, labels) -> {
                    if (relative.equals("bomb.wav")) throw new OutOfMemoryError("Java heap space");
                    if (relative.equals("buggy.wav")) throw new IllegalStateException("a bug\nwith a second line");
                    return audio.process(file, relative, labels);
                });
        Map<String, IngestReport.AudioEntry> entries = p.audio().stream().map(a -> a.result().entry())
                .collect(Collectors.toMap(IngestReport.AudioEntry::file, Function.identity()));
        assertTrue(entries.get("bomb.wav").error().contains("out of memory"), entries.get("bomb.wav").error());
        assertEquals("could not be processed: IllegalStateException: a bug", entries.get("buggy.wav").error());
        assertNull(entries.get("clean.wav").error());
        assertEquals(3, p.midi().stream().filter(s -> s.result().ingested()).count(), "the MIDI files are ingested");
    }
}
