package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loopsmith groove} end to end with the bundled model: a real drum clip in, every hit out, and clear errors. */
@CorpusTest
class GrooveCommandTest {
    @TempDir
    Path dir;

    /** A held-out Groove performance, quantized to sixteenths at one velocity as a step sequencer would write it. */
    private Path quantizedClip() {
        Path real = SharedCorpus.root().resolve("groove/drummer1/session1/126_funk-fast_125_beat_4-4.mid");
        Piece p = MidiReader.read(real).piece();
        int step = p.ticksPerQuarter() / 4;
        Track drums = p.tracks().get(0);
        List<Note> notes = drums.notes().stream().filter(n -> n.startTick() < 8L * 4 * p.ticksPerQuarter())
                .map(n -> new Note(n.pitch(), 100, Math.round((double) n.startTick() / step) * step, n.durationTicks())).toList();
        Path clip = dir.resolve("beat.mid");
        MidiWriter.write(p.withTracks(List.of(drums.withNotes(notes))).withEndTick(8L * 4 * p.ticksPerQuarter()), clip);
        return clip;
    }

    @Test
    void groovesEveryHitAndTheSameSeedGivesTheSameFile() throws Exception {
        Path clip = quantizedClip();
        Path out = dir.resolve("out");
        Cli r = Cli.run("groove", clip.toString(), "--genre", "funk", "--seed", "7", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Path grooved = out.resolve("beat_grooved.mid");
        assertTrue(Files.isRegularFile(grooved), r.out());
        assertTrue(r.out().contains("\"seed\" : 7"), r.out());
        List<Note> in = MidiReader.read(clip).piece().tracks().get(0).notes();
        List<Note> got = MidiReader.read(grooved).piece().tracks().get(0).notes();
        assertEquals(in.size(), got.size());
        assertEquals(in.stream().map(Note::pitch).sorted().toList(), got.stream().map(Note::pitch).sorted().toList());
        assertNotEquals(in, got, "the clip was grooved");
        assertTrue(got.stream().mapToInt(Note::velocity).distinct().count() > 10, "velocities are played, not one level");

        Path again = dir.resolve("again.mid");
        assertEquals(0, Cli.run("groove", clip.toString(), "--genre", "funk", "--seed", "7", "--out", again.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(grooved), Files.readAllBytes(again));

        Path none = dir.resolve("none.mid");
        assertEquals(0, Cli.run("groove", clip.toString(), "--amount", "0", "--out", none.toString()).exitCode());
        assertEquals(in, MidiReader.read(none).piece().tracks().get(0).notes(), "amount 0 leaves the clip as it is");
    }

    @Test
    void badClipsAreRefusedWithTheirNameAndTheReason() throws Exception {
        Path empty = dir.resolve("empty.mid");
        MidiWriter.write(Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, List.of())),
                1920), empty);
        Cli r = Cli.run("groove", empty.toString(), "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(empty.toString()) && r.err().contains("empty"), r.err());

        Path keys = dir.resolve("keys.mid");
        MidiWriter.write(Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Piano", Role.CHORDS, 0, false,
                List.of(new Note(60, 90, 0, 480), new Note(64, 90, 0, 480)))), 1920), keys);
        r = Cli.run("groove", keys.toString(), "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(keys.toString()) && r.err().contains("no drums"), r.err());

        Path text = dir.resolve("notes.mid");
        Files.writeString(text, "not a MIDI file at all");
        r = Cli.run("groove", text.toString(), "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + text), r.err());

        r = Cli.run("groove", quantizedClip().toString(), "--amount", "1.5", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("amount"), r.err());
    }

    @Test
    void learnsAModelFromAFolderOfPerformances() throws Exception {
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib);
        Files.copy(SharedCorpus.root().resolve("groove/drummer1/session1/126_funk-fast_125_beat_4-4.mid"), lib.resolve("take1.mid"));
        Path model = dir.resolve("mine.json.gz");
        Cli r = Cli.run("groove", "--learn", lib.toString(), "--out", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from 1 files"), r.out());
        Path out = dir.resolve("mine.mid");
        r = Cli.run("groove", quantizedClip().toString(), "--model", model.toString(), "--seed", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out));
    }
}
