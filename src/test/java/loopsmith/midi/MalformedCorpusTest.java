package loopsmith.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file of {@code ../shared/corpus/malformed/} against the outcome its README expects: READ (usable, maybe with a
 * warning), PARTIAL (what came before the damage, with a warning) or REJECT (a {@link MidiFormatException} whose
 * message names the file and the defect).
 */
@CorpusTest
class MalformedCorpusTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
        gen-bad-header-magic.mid               | REJECT  | 0  | no MThd header
        gen-bad-track-magic.mid                | REJECT  | 0  | no MTrk chunk
        gen-data-byte-high-bit.mid             | PARTIAL | 0  | data byte 0xC8 out of range
        gen-division-zero.mid                  | REJECT  | 0  | division
        gen-format-3.mid                       | READ    | 46 | unknown SMF format 3
        gen-header-length-8.mid                | READ    | 46 | header length 8
        gen-header-ntracks-65535.mid           | PARTIAL | 24 | header declares 65535 tracks, found 2
        gen-header-ntracks-too-many.mid        | PARTIAL | 46 | header declares 8 tracks, found 5
        gen-huge-delta-time.mid                | READ    | 2  | beyond the supported
        gen-key-signature-invalid.mid          | READ    | 46 | invalid key signature
        gen-meta-length-overflow.mid           | PARTIAL | 0  | past the end of the track
        gen-no-end-of-track.mid                | READ    | 46 | no End-of-Track
        gen-not-midi-png.mid                   | REJECT  | 0  | not a MIDI file
        gen-not-midi-text.mid                  | REJECT  | 0  | not a MIDI file
        gen-not-midi-wav.mid                   | REJECT  | 0  | RIFF form type is WAVE, not RMID
        gen-note-without-note-off.mid          | READ    | 2  | never released
        gen-random-bytes.mid                   | REJECT  | 0  | not a MIDI file
        gen-rmid-wrapper.mid                   | READ    | 46 |
        gen-running-status-after-meta.mid      | READ    | 2  | running status continued
        gen-running-status-long-chain.mid      | READ    | 1000 |
        gen-running-status-without-status.mid  | PARTIAL | 0  | running status with no previous status byte
        gen-smpte-division.mid                 | READ    | 46 | SMPTE timing
        gen-tempo-1us.mid                      | READ    | 46 | clamped
        gen-tempo-max.mid                      | READ    | 46 | clamped
        gen-tempo-zero.mid                     | READ    | 46 | tempo of 0
        gen-time-signature-bad-denominator.mid | READ    | 46 | invalid time signature
        gen-time-signature-zero-numerator.mid  | READ    | 46 | invalid time signature
        gen-track-length-too-long.mid          | PARTIAL | 46 | length field says
        gen-track-length-too-short.mid         | PARTIAL | 46 | length field too short
        gen-trailing-garbage.mid               | READ    | 46 | garbage after the last chunk
        gen-truncated-header.mid               | REJECT  | 0  | truncated header
        gen-truncated-mid-track.mid            | PARTIAL | 4  | truncated
        gen-truncated-real-groove.mid          | PARTIAL | 394 | truncated
        gen-type2.mid                          | READ    | 44 | format 2
        gen-valid-reference.mid                | READ    | 46 |
        gen-vlq-5-bytes.mid                    | PARTIAL | 1  | longer than 4 bytes
        gen-zero-length.mid                    | REJECT  | 0  | empty file
        gen-zero-tracks.mid                    | REJECT  | 0  | no tracks
        test-2-tracks-type-2.mid               | READ    | 16 | format 2
        test-corrupt-file-extra-byte.mid       | READ    | 8  | trailing bytes
        test-corrupt-file-missing-byte.mid     | PARTIAL | 8  | truncated
        test-empty-file.mid                    | REJECT  | 0  | empty file
        test-empty.mid                         | READ    | 0  | no note events
        test-illegal-message-all.mid           | PARTIAL | 8  | illegal status byte 0xF1
        test-illegal-message-f4.mid            | PARTIAL | 8  | illegal status byte 0xF4
        test-non-midi-track.mid                | READ    | 8  | unknown chunk 'Junk'
        test-not-a-midi-file.mid               | REJECT  | 0  | not a MIDI file
        test-running-status-metaevent.mid      | READ    | 8  |
        test-running-status-sysex.mid          | READ    | 8  |
        test-smpte-offset.mid                  | READ    | 8  |
        test-track-length.mid                  | READ    | 1  |
        test-vlq-4-byte.mid                    | READ    | 8  |
        """)
    void outcomeMatchesTheTable(String name, String outcome, int notes, String reason) {
        Path file = SharedCorpus.malformed(name);
        if (outcome.equals("REJECT")) {
            MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.read(file));
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.reason().contains(reason), e.reason());
            return;
        }
        MidiReadResult r = MidiReader.read(file);
        assertEquals(notes, r.piece().noteCount(), "notes");
        if (reason != null && !reason.isBlank()) {
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains(reason)), "warnings " + r.warnings());
        }
        if (outcome.equals("PARTIAL")) assertFalse(r.clean(), "a partial read must say what was dropped");
    }

    @Test
    void everyMalformedFileIsInTheTable() throws IOException {
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(getSource())) {
            String t = line.strip();
            if (t.matches("^(gen|test)-[a-z0-9-]+\\.mid\\s*\\|.*")) listed.add(t.substring(0, t.indexOf(' ')));
        }
        List<String> files;
        try (Stream<Path> s = Files.list(SharedCorpus.root().resolve("malformed"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mid")).sorted().toList();
        }
        for (String f : files) assertTrue(listed.contains(f), f + " has no expected outcome in the table");
    }

    private static Path getSource() {
        return Path.of("src/test/java/loopsmith/midi/MalformedCorpusTest.java");
    }

    @Test
    void referenceFileIsReadExactlyAsDocumented() {
        MidiReadResult r = MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid"));
        assertTrue(r.clean(), r.warnings().toString());
        var p = r.piece();
        assertEquals(1, r.format());
        assertEquals(480, p.ticksPerQuarter());
        assertEquals(120.0, p.initialBpm(), 1e-9);
        assertEquals("4/4", p.initialTimeSignature().toString());
        assertEquals(2, p.lengthBars());
        assertEquals(List.of("drums", "bass", "chords", "melody"), p.tracks().stream().map(t -> t.role().label()).toList());
        assertEquals(List.of(24, 8, 6, 8), p.tracks().stream().map(t -> t.notes().size()).toList());
        assertEquals(List.of(0, 33, 0, 73), p.tracks().stream().map(t -> t.program()).toList());
        assertTrue(p.tracks().get(0).isDrum());
        // The RMID wrapper holds exactly this file.
        assertEquals(p, MidiReader.read(SharedCorpus.malformed("gen-rmid-wrapper.mid")).piece());
    }

    @Test
    void smpteFileKeepsTheControlFilesTiming() {
        // 25 fps × 40 ticks per frame = 1 ms per tick, so the control file's 3,840 ticks last 3.84 s (at 120 BPM and
        // 480 ticks per quarter they last 4 s). Converted at 500 ticks per quarter and 120 BPM, that is still exact.
        var smpte = MidiReader.read(SharedCorpus.malformed("gen-smpte-division.mid")).piece();
        assertEquals(500, smpte.ticksPerQuarter());
        assertEquals(120.0, smpte.initialBpm(), 1e-9);
        assertEquals(3.84, smpte.secondsAt(smpte.endTick()), 1e-9);
    }

    @Test
    void formatTwoPatternsPlayOneAfterAnother() {
        var p = MidiReader.read(SharedCorpus.malformed("gen-type2.mid")).piece();
        assertEquals(2, p.tracks().size());
        long endOfFirst = p.tracks().get(0).lastNoteEndTick();
        assertTrue(p.tracks().get(1).notes().get(0).startTick() >= endOfFirst - 1, "second pattern starts after the first");
        assertTrue(p.timeSignatures().size() >= 2, "pattern B's 3/4 is kept as a meter change");
    }
}
