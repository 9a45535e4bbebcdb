package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile headers are refused before they allocate: a rate no audio has, a clip longer than the cap. */
@UnitTest
class WavReaderTest {
    private static Path wav(Path file, float rate, int channels, int frames) throws Exception {
        AudioFormat f = new AudioFormat(rate, 8, channels, true, false);
        byte[] pcm = new byte[frames * channels];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), f, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void aOneHertzHeaderIsRefusedInsteadOfResampledToGigabytes(@TempDir Path dir) throws Exception {
        Path f = wav(dir.resolve("low.wav"), 1, 1, 1000);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(f, 44100));
        assertTrue(e.getMessage().contains("low.wav") && e.getMessage().contains("sample rate"), e.getMessage());
    }

    @Test
    void aClipLongerThanTheCapIsRefusedAndOneWithinItIsRead(@TempDir Path dir) throws Exception {
        int rate = 4000;
        Path tooLong = wav(dir.resolve("long.wav"), rate, 1, (int) (WavReader.MAX_SECONDS * rate) + rate);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(tooLong, rate));
        assertTrue(e.getMessage().contains("long.wav") && e.getMessage().contains("minutes"), e.getMessage());
        float[][] ok = WavReader.read(wav(dir.resolve("ok.wav"), rate, 2, rate * 3), rate);
        assertEquals(2, ok.length);
        assertEquals(rate * 3, ok[0].length);
    }
}
