package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class SampleKitTest {
    @Test
    void hitsLandOnTheirExactSampleAndWavRoundTrips(@TempDir Path dir) {
        float[] click = new float[100];
        click[0] = 1f;
        WavWriter.write(dir.resolve("Kick_01.wav"), new float[][] {click}, 22050, 16); // mono, other rate: converted
        WavWriter.write(dir.resolve("snare.wav"), new float[][] {click, click}, 44100, 24);
        SampleKit kit = SampleKit.load(dir, 44100);
        assertEquals(2, kit.size());
        Piece p = Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true,
                List.of(new Note(36, 127, 0, 10), new Note(38, 127, 480, 10), new Note(42, 127, 960, 10)))), 1920);
        float[][] audio = kit.render(p, p.tracks().get(0), 44100, 88200);
        assertEquals(1f, audio[0][0], 0.05f, "kick at 0");
        assertEquals(1f, audio[0][22050], 0.01f, "snare exactly on beat 2 (0.5 s)");
        assertTrue(Math.abs(audio[0][44100]) < 1e-6, "no hat sample: silent");
        float[][] back = WavReader.read(dir.resolve("snare.wav"), 44100);
        assertEquals(100, back[0].length);
        assertEquals(1f, back[1][0], 1e-6f);
    }

    @Test
    void badAudioIsAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kick.wav"), "RIFF....WAVEjunk");
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> SampleKit.load(dir, 44100));
        assertTrue(e.getMessage().contains("kick.wav"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(LoopsmithException.class, () -> SampleKit.load(empty, 44100));
        Files.write(dir.resolve("zero.wav"), new byte[0]);
        assertThrows(LoopsmithException.class, () -> WavReader.read(dir.resolve("zero.wav"), 44100));
    }
}
