package loopsmith.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import loopsmith.NativeTest;
import loopsmith.audio.SoundFonts;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTest
class AbletonExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:34:56Z"), ZoneOffset.UTC);
    private static final double BPM = 124;

    @TempDir
    static Path dir;
    static Path folder;
    static Piece piece;

    static Piece piece() {
        List<Note> kicks = new ArrayList<>();
        for (int beat = 0; beat < 8; beat++) kicks.add(new Note(36, 120, beat * 480L, 120));
        List<Note> bass = List.of(new Note(33, 100, 240, 480), new Note(36, 100, 2160, 960));
        return Piece.of(480, BPM, TimeSignature.FOUR_FOUR, Key.parse("Am"),
                List.of(new Track("Drums", Role.DRUMS, 0, true, kicks), new Track("Bass", Role.BASS, 38, false, bass)), 3840);
    }

    @BeforeAll
    static void export() {
        piece = piece();
        folder = AbletonExport.write(new AbletonExport.Item(piece, "house", 7, Sidecars.request("test"), Sidecars.MODEL, Sidecars.FIGURES, "test"),
                dir.resolve("out"), ExportConfig.defaults(), CLOCK);
    }

    @Test
    void folderNameAndFiles() throws Exception {
        assertEquals("20261124-123456_house_124bpm_Am_s7", folder.getFileName().toString());
        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("Bass.wav", "Bass_124bpm_Am.mid", "Drums.wav", "Drums_124bpm.mid", "Full_124bpm.mid", "Mix.wav",
                "loopsmith.json", "piano-roll.png"), names);
    }

    @Test
    void midiFilesParseIndependentlyWithTempoMeterChannelsAndNames() throws Exception {
        Sequence drums = MidiSystem.getSequence(folder.resolve("Drums_124bpm.mid").toFile());
        assertEquals(2, drums.getTracks().length);
        assertEquals(3840, drums.getTickLength(), "ends exactly at the 2-bar line");
        boolean tempo = false;
        boolean meter = false;
        for (int i = 0; i < drums.getTracks()[0].size(); i++) {
            if (drums.getTracks()[0].get(i).getMessage() instanceof MetaMessage m) {
                if (m.getType() == 0x51) tempo = (((m.getData()[0] & 0xFF) << 16) | ((m.getData()[1] & 0xFF) << 8) | (m.getData()[2] & 0xFF)) == 483871;
                if (m.getType() == 0x58) meter = m.getData()[0] == 4 && m.getData()[1] == 2;
            }
        }
        assertTrue(tempo && meter, "conductor has 124 BPM and 4/4");
        javax.sound.midi.Track t = drums.getTracks()[1];
        assertEquals("Drums", new String(((MetaMessage) t.get(0).getMessage()).getData()));
        int kicks = 0;
        for (int i = 0; i < t.size(); i++)
            if (t.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                assertEquals(9, m.getChannel(), "drums on channel 10");
                assertEquals(36, m.getData1(), "GM kick");
                kicks++;
            }
        assertEquals(8, kicks);
        assertEquals(3, MidiSystem.getSequence(folder.resolve("Full_124bpm.mid").toFile()).getTracks().length);
    }

    @Test
    void stemsAreSampleExactAndOnsetsLineUpWithTheMidi() throws Exception {
        assertTrue(SoundFonts.find(Optional.empty()).isPresent(), "a GM SoundFont is installed (fluid-soundfont-gm)");
        long expected = Math.round(2 * 4 * 60.0 / BPM * 44100);
        for (String stem : List.of("Drums.wav", "Bass.wav", "Mix.wav")) {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(folder.resolve(stem).toFile())) {
                assertEquals(expected, in.getFrameLength(), stem);
                assertEquals(24, in.getFormat().getSampleSizeInBits());
                assertEquals(44100f, in.getFormat().getSampleRate());
            }
        }
        float[] drums = mono(folder.resolve("Drums.wav").toFile());
        float peak = 0;
        for (float v : drums) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak > 0.8 && peak <= 1.0, "peak-normalized without clipping: " + peak);
        // FluidR3's kick sample starts with ~3.7 ms of near-silence (fluidsynth renders it the same), so the onset of
        // the first kick gives the sample's own delay; every kick must then sound within 2 ms of note time + delay.
        double delay = onsetNear(drums, 0, peak) / 44100.0;
        assertTrue(delay >= 0 && delay < 0.010, "sample delay " + delay);
        for (Note kick : piece.tracks().get(0).notes()) {
            double t = kick.startTick() / 480.0 * 60 / BPM;
            int onset = onsetNear(drums, (int) Math.round(t * 44100), peak);
            assertTrue(Math.abs(onset / 44100.0 - t - delay) <= 0.002, "kick at " + t + " s sounds at " + onset / 44100.0 + " s");
        }
    }

    /** First sample after a quiet stretch that rises above a tenth of the peak, searched from 10 ms before the note. */
    private static int onsetNear(float[] x, int at, float peak) {
        int from = Math.max(0, at - 441);
        for (int i = from; i < Math.min(x.length, at + 4410); i++) if (Math.abs(x[i]) > 0.1f * peak) return i;
        return -1;
    }

    private static float[] mono(File wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav)) {
            byte[] b = in.readAllBytes();
            int frames = b.length / 6;
            float[] out = new float[frames];
            for (int f = 0; f < frames; f++) {
                int i = f * 6;
                int v = (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] << 16);
                out[f] = v / 8388608f;
            }
            return out;
        }
    }

    @Test
    void aFailureMidExportLeavesNoFolder() throws Exception {
        Path out = dir.resolve("out-fail");
        Path notSf2 = Files.writeString(dir.resolve("bad.sf2"), "not a soundfont");
        ExportConfig bad = new ExportConfig(true, 44100, 24, false, Optional.of(notSf2), Optional.empty(), false);
        assertThrows(LoopsmithException.class, () -> AbletonExport.write(new AbletonExport.Item(piece, "house", 1, Sidecars.request(null),
                Sidecars.MODEL, Sidecars.FIGURES, "test"), out, bad, CLOCK));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "nothing half-written is visible");
        }
    }

    @Test
    void anErrorMidExportLeavesNoHalfWrittenFolderEither() throws Exception {
        // Out of memory while rendering stems is an Error, and a server goes on running after it.
        Path out = dir.resolve("out-error");
        assertThrows(OutOfMemoryError.class, () -> AbletonExport.write(new AbletonExport.Item(piece, "house", 3, Sidecars.request(null),
                Sidecars.MODEL, Sidecars.FIGURES, "test"), out, ExportConfig.midiOnly(), CLOCK, folder -> {
                    throw new OutOfMemoryError("rendering stems");
                }));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "no .partial folder is left for the next start to clean");
        }
    }

    /** The MIDI is told complete before the stems and piano roll are written, so a client can take the notes first. */
    @Test
    void theMidiIsReadyBeforeTheOptionalWork() throws Exception {
        List<List<String>> seen = new java.util.ArrayList<>();
        Path written = AbletonExport.write(new AbletonExport.Item(piece, "house", 2, Sidecars.request(null), Sidecars.MODEL, Sidecars.FIGURES, "test"),
                dir.resolve("out-ready"), ExportConfig.defaults(), CLOCK, folder -> {
                    try (Stream<Path> s = Files.list(folder)) {
                        seen.add(s.map(f -> f.getFileName().toString()).sorted().toList());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertEquals(1, seen.size());
        assertEquals(List.of("Bass_124bpm_Am.mid", "Drums_124bpm.mid", "Full_124bpm.mid"), seen.get(0), "every MIDI file, nothing else yet");
        assertTrue(Files.exists(written.resolve("Mix.wav")) && Files.exists(written.resolve("piano-roll.png")), "the rest comes after");
    }

    @Test
    void namesAreSanitized() {
        assertEquals("etc-passwd", AbletonExport.safe("../etc/passwd"));
        assertEquals("a-b", AbletonExport.safe("a/b"));
        assertFalse(AbletonExport.safe("..").contains(".."));
        assertEquals(80, AbletonExport.safe("x".repeat(500)).length());
    }
}
