package loopsmith.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import loopsmith.NativeTest;
import loopsmith.midi.MidiReader;
import loopsmith.music.DrumGroup;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTest
class SplitDrumsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T05:00:00Z"), ZoneOffset.UTC);
    private static final double BPM = 97;

    @Property
    void thePartsTogetherHoldExactlyTheDrumPartsNotes(@ForAll("drumParts") Track drums) {
        List<DrumSplit.Part> parts = DrumSplit.of(drums);
        assertEquals(DrumGroup.values().length, parts.size());
        List<Note> together = new ArrayList<>();
        for (DrumSplit.Part p : parts) {
            for (Note n : p.track().notes()) assertEquals(p.group(), DrumGroup.of(n.pitch()), "note in its own group");
            assertTrue(p.track().isDrum());
            together.addAll(p.track().notes());
        }
        assertEquals(count(drums.notes()), count(together));
    }

    @Provide
    Arbitrary<Track> drumParts() {
        Arbitrary<Note> note = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(GeneralMidi.MIN_DRUM_PITCH, GeneralMidi.MAX_DRUM_PITCH),
                Arbitraries.integers().between(1, 127), Arbitraries.longs().between(0, 7680), Arbitraries.longs().between(1, 480))
                .as(Note::new);
        return note.list().ofMaxSize(60).map(ns -> new Track("Drums", Role.DRUMS, 0, true, ns));
    }

    private static Map<Note, Integer> count(List<Note> notes) {
        Map<Note, Integer> m = new HashMap<>();
        for (Note n : notes) m.merge(n, 1, Integer::sum);
        return m;
    }

    @Test
    void groupsFollowTheGmDrumMap() {
        assertEquals(DrumGroup.KICK, DrumGroup.of(GeneralMidi.KICK));
        assertEquals(DrumGroup.SNARE, DrumGroup.of(GeneralMidi.CLAP));
        assertEquals(DrumGroup.SNARE, DrumGroup.of(37));
        assertEquals(DrumGroup.HATS, DrumGroup.of(GeneralMidi.PEDAL_HAT));
        assertEquals(DrumGroup.TOMS, DrumGroup.of(50));
        assertEquals(DrumGroup.CYMBALS, DrumGroup.of(GeneralMidi.RIDE));
        assertEquals(DrumGroup.PERCUSSION, DrumGroup.of(54));
    }

    @Test
    void splitDrumsWriteBarExactPartsAndStemsListedInTheSidecar(@TempDir Path dir) throws Exception {
        List<Note> drums = new ArrayList<>();
        for (int step = 0; step < 32; step++) {
            long t = step * 120L;
            if (step % 4 == 0) drums.add(new Note(GeneralMidi.KICK, 110, t, 60));
            if (step % 8 == 4) drums.add(new Note(GeneralMidi.SNARE, 100, t, 60));
            drums.add(new Note(GeneralMidi.CLOSED_HAT, 70, t, 60));
        }
        drums.add(new Note(GeneralMidi.CRASH, 90, 0, 480));
        // The last hit ends well before the bar line: its part must still be two bars long.
        Piece piece = Piece.of(480, BPM, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, drums), new Track("Bass", Role.BASS, 38, false,
                        List.of(new Note(40, 90, 0, 960)))), 3840);
        Path folder = AbletonExport.write(new AbletonExport.Item(piece, "rock", 3, Sidecars.request(null), Sidecars.MODEL, Sidecars.FIGURES, "test"),
                dir, ExportConfig.defaults().withSplitDrums(true), CLOCK);

        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("Bass.wav", "Bass_97bpm.mid", "Cymbals.wav", "Cymbals_97bpm.mid", "Drums.wav", "Drums_97bpm.mid",
                "Full_97bpm.mid", "Hats.wav", "Hats_97bpm.mid", "Kick.wav", "Kick_97bpm.mid", "Mix.wav", "Snare.wav",
                "Snare_97bpm.mid", "loopsmith.json", "piano-roll.png"), names, "no files for the empty toms and percussion");

        List<Note> fromFiles = new ArrayList<>();
        for (String f : List.of("Kick_97bpm.mid", "Snare_97bpm.mid", "Hats_97bpm.mid", "Cymbals_97bpm.mid")) {
            Piece part = MidiReader.read(folder.resolve(f)).piece();
            assertEquals(2, part.lengthBars(), f + " is as long as the loop");
            assertEquals(3840, part.endTick() * 480 / part.ticksPerQuarter(), f);
            for (Track t : part.tracks()) fromFiles.addAll(t.notes());
        }
        assertEquals(drums.size(), fromFiles.size(), "the split files hold every drum note once");

        long frames = Math.round(2 * 4 * 60.0 / BPM * 44100);
        for (String stem : List.of("Drums.wav", "Kick.wav", "Snare.wav", "Hats.wav", "Cymbals.wav", "Mix.wav"))
            try (AudioInputStream in = AudioSystem.getAudioInputStream(folder.resolve(stem).toFile())) {
                assertEquals(frames, in.getFrameLength(), stem + " is bar-exact");
            }
        // One gain for the split stems: together they are the drum stem (up to its own normalization and 24-bit rounding).
        float[] whole = mono(folder.resolve("Drums.wav").toFile());
        float[] sum = new float[whole.length];
        for (String stem : List.of("Kick.wav", "Snare.wav", "Hats.wav", "Cymbals.wav")) {
            float[] x = mono(folder.resolve(stem).toFile());
            for (int i = 0; i < sum.length; i++) sum[i] += x[i];
        }
        double dot = 0, ww = 0, ss = 0;
        for (int i = 0; i < sum.length; i++) {
            dot += whole[i] * sum[i];
            ww += whole[i] * whole[i];
            ss += sum[i] * sum[i];
        }
        assertTrue(dot / Math.sqrt(ww * ss) > 0.999, "split stems sum to the drum stem: " + dot / Math.sqrt(ww * ss));

        JsonNode sidecar = new ObjectMapper().readTree(folder.resolve("loopsmith.json").toFile());
        JsonNode parts = sidecar.get("drumParts");
        assertEquals(DrumGroup.values().length, parts.size(), "every group is listed");
        Map<String, JsonNode> byGroup = new HashMap<>();
        parts.forEach(p -> byGroup.put(p.get("group").asText(), p));
        assertEquals(8, byGroup.get("kick").get("notes").asInt());
        assertEquals("Kick_97bpm.mid", byGroup.get("kick").get("midi").asText());
        assertEquals("Kick.wav", byGroup.get("kick").get("wav").asText());
        assertEquals("Drums", byGroup.get("kick").get("from").asText());
        assertEquals(0, byGroup.get("toms").get("notes").asInt());
        assertTrue(byGroup.get("toms").get("midi").isNull() && byGroup.get("toms").get("wav").isNull(), "an empty group has no files");
        assertTrue(sidecar.get("files").toString().contains("Kick.wav"));
    }

    @Test
    void withoutTheOptionNothingIsSplit(@TempDir Path dir) {
        Piece piece = Piece.of(480, BPM, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, List.of(new Note(36, 100, 0, 60)))), 1920);
        Path folder = AbletonExport.write(new AbletonExport.Item(piece, "rock", 3, Sidecars.request(null), Sidecars.MODEL, Sidecars.FIGURES, "test"),
                dir, ExportConfig.midiOnly(), CLOCK);
        assertTrue(Files.exists(folder.resolve("Drums_97bpm.mid")));
        assertTrue(!Files.exists(folder.resolve("Kick_97bpm.mid")));
        assertNull(readTree(folder).get("drumParts"), "no drum_parts without --split-drums");
    }

    private static JsonNode readTree(Path folder) {
        try {
            return new ObjectMapper().readTree(folder.resolve("loopsmith.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float[] mono(File wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav)) {
            byte[] b = in.readAllBytes();
            int frames = b.length / 6;
            float[] out = new float[frames];
            for (int f = 0; f < frames; f++) {
                int i = f * 6;
                out[f] = ((b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] << 16)) / 8388608f;
            }
            return out;
        }
    }
}
