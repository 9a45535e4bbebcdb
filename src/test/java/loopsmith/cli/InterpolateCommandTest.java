package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.library.DrumGrid;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** interpolate end to end with the bundled model: two real drum performances, the result folder, and bad pairs. */
@CorpusTest
class InterpolateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Bars 2 and 3 of a Groove performance's drums, as a 2-bar clip. */
    private Path grooveClip(String file, String name) {
        Path f = SharedCorpus.midiFiles("groove").stream().filter(p -> p.toString().endsWith(file)).findFirst().orElseThrow();
        Piece p = MidiReader.read(f).piece();
        Track drums = p.tracks().stream().filter(DrumGrid::isDrums).findFirst().orElseThrow();
        long from = p.barGrid().barStartTick(1), to = p.barGrid().barStartTick(3);
        List<Note> notes = drums.notes().stream().filter(n -> n.startTick() >= from && n.startTick() < to)
                .map(n -> new Note(n.pitch(), n.velocity(), n.startTick() - from, n.durationTicks())).toList();
        Path out = dir.resolve(name);
        MidiWriter.write(Piece.of(p.ticksPerQuarter(), p.initialBpm(), TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(drums.withNotes(notes)), to - from), out);
        return out;
    }

    private Path clip(String name, Track t, long bars) {
        Path out = dir.resolve(name);
        MidiWriter.write(Piece.of(480, 100, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(t), bars * 1920), out);
        return out;
    }

    @Test
    void twoRealBeatsGiveStepsFromOneToTheOther() throws Exception {
        List<Path> files = SharedCorpus.midiFiles("groove");
        Path a = grooveClip(files.get(0).getFileName().toString(), "a.mid");
        Path b = grooveClip(files.get(files.size() / 2).getFileName().toString(), "b.mid");
        Path out = dir.resolve("out");
        Cli r = Cli.run("interpolate", a.toString(), b.toString(), "--steps", "4", "--seed", "3", "--out", out.toString(), "--no-audio", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("model", doc.path("order").asText(), doc.toString());
        List<Double> toB = new ArrayList<>();
        doc.path("similarity_to_b").forEach(x -> toB.add(x.asDouble()));
        assertEquals(4, toB.size());
        assertEquals(1.0, toB.get(3), 1e-9, "the last step is B");
        assertEquals(1.0, doc.path("similarity_to_a").get(0).asDouble(), 1e-9, "the first step is A");
        for (int i = 1; i < 4; i++) assertTrue(toB.get(i) >= toB.get(i - 1), "similarity to B rises: " + toB);
        Path folder;
        try (Stream<Path> s = Files.list(out)) {
            folder = s.findFirst().orElseThrow();
        }
        assertTrue(folder.getFileName().toString().contains("_interpolate_"), folder.toString());
        try (Stream<Path> s = Files.list(folder)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("Interpolation_")), names.toString());
            assertEquals(4, names.stream().filter(n -> n.startsWith("Step0")).count(), names.toString());
        }
        Piece whole = MidiReader.read(Files.list(folder).filter(p -> p.getFileName().toString().startsWith("Interpolation_")).findFirst().orElseThrow()).piece();
        assertEquals(8, whole.lengthBars(), "4 steps of 2 bars");
        assertTrue(whole.tracks().get(0).isDrum());
    }

    @Test
    void badPairsAreRefusedWithTheReason() {
        List<Note> line = new ArrayList<>();
        for (int i = 0; i < 8; i++) line.add(new Note(40 + i, 100, i * 480L, 400));
        Path twoBars = clip("two.mid", new Track("Bass", Role.BASS, 33, false, line), 2);
        Path fourBars = clip("four.mid", new Track("Bass", Role.BASS, 33, false, line), 4);
        Path empty = clip("empty.mid", new Track("Bass", Role.BASS, 33, false, List.of()), 2);
        Path drums = clip("drums.mid", new Track("Drums", Role.DRUMS, 0, true, List.of(new Note(36, 100, 0, 60))), 2);

        Cli lengths = Cli.run("interpolate", twoBars.toString(), fourBars.toString(), "--out", dir.resolve("o").toString(), "--no-audio");
        assertEquals(2, lengths.exitCode(), "bad input");
        assertTrue(lengths.err().contains("two.mid is 2 bars and four.mid is 4 bars"), lengths.err());

        Cli nothing = Cli.run("interpolate", empty.toString(), twoBars.toString(), "--out", dir.resolve("o").toString());
        assertTrue(nothing.err().contains("empty.mid") && nothing.err().contains("empty clip"), nothing.err());

        Cli parts = Cli.run("interpolate", drums.toString(), twoBars.toString(), "--out", dir.resolve("o").toString());
        assertTrue(parts.err().contains("drums.mid is drums and two.mid is a pitched part"), parts.err());

        Cli steps = Cli.run("interpolate", twoBars.toString(), twoBars.toString(), "--steps", "40");
        assertTrue(steps.err().contains("--steps: expected 3 to 16"), steps.err());
        assertTrue(Files.notExists(dir.resolve("o")) || dir.resolve("o").toFile().list().length == 0, "nothing written for bad input");
    }
}
