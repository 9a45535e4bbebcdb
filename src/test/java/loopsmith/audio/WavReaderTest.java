package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile headers are refused before they allocate: a rate no audio has, a clip longer than the cap, more samples than one file may hold. */
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

    /** A PCM WAV header whose data chunk claims {@code dataBytes}, followed by only a few bytes of it. */
    private static Path claimingWav(Path file, int rate, int channels, int bits, long dataBytes) throws Exception {
        int frameBytes = channels * bits / 8;
        ByteBuffer h = ByteBuffer.allocate(44 + 16).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFF_FFFFL, 36 + dataBytes)).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * frameBytes).putShort((short) frameBytes).putShort((short) bits);
        h.put("data".getBytes()).putInt((int) dataBytes);
        Files.write(file, h.array());
        return file;
    }

    @Test
    void aHeaderClaimingMoreSamplesThanOneFileMayHoldIsRefusedBeforeDecoding(@TempDir Path dir) throws Exception {
        // Five minutes of 192 kHz stereo: within the length cap, over the samples cap.
        Path hiRes = claimingWav(dir.resolve("hires.wav"), 192_000, 2, 16, 5L * 60 * 192_000 * 2 * 2);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(hiRes, 192_000));
        assertTrue(e.getMessage().startsWith(hiRes.toString()) && e.getMessage().contains("samples"), e.getMessage());
        // The most a WAV header can claim.
        Path huge = claimingWav(dir.resolve("huge.wav"), 44_100, 1, 16, 0xFFFF_FFF0L);
        e = assertThrows(LoopsmithException.class, () -> WavReader.read(huge, 44_100));
        assertTrue(e.getMessage().startsWith(huge.toString()), e.getMessage());
        // Few samples in the file, many once resampled: eight channels at 4 kHz for ten minutes, read at 44.1 kHz.
        Path upsampled = claimingWav(dir.resolve("up.wav"), 4000, 8, 8, 600L * 4000 * 8);
        e = assertThrows(LoopsmithException.class, () -> WavReader.read(upsampled, 44_100));
        assertTrue(e.getMessage().startsWith(upsampled.toString()) && e.getMessage().contains("samples"), e.getMessage());
    }

    @Test
    void aFlacThatInflatesPastTheSamplesCapIsStoppedWhileDecoding(@TempDir Path dir) throws Exception {
        // Six minutes of 96 kHz stereo, under the length cap, from a file of a few kilobytes whose STREAMINFO gives no length.
        int rate = 96_000;
        int blocks = (int) Math.ceil(6 * 60.0 * rate / MAX_BLOCK);
        Path bomb = flac(dir.resolve("bomb.flac"), rate, 2, blocks, 0, (short) 1000);
        assertTrue(Files.size(bomb) < 16_000, "a small file: " + Files.size(bomb));
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(bomb, rate));
        assertTrue(e.getMessage().startsWith(bomb.toString()) && e.getMessage().contains("samples"), e.getMessage());
    }

    @Test
    void aSmallFlacIsReadAndAHeaderClaimingTooMuchIsRefused(@TempDir Path dir) throws Exception {
        int rate = 44_100;
        float[][] read = WavReader.read(flac(dir.resolve("ok.flac"), rate, 2, 3, 3L * MAX_BLOCK, (short) 1000), rate);
        assertEquals(2, read.length);
        assertEquals(3 * MAX_BLOCK, read[1].length);
        assertEquals(1000 / 32768f, read[1][MAX_BLOCK + 7], 1e-6f);
        Path claims = flac(dir.resolve("claims.flac"), rate, 2, 1, 1L << 35, (short) 1000);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(claims, rate));
        assertTrue(e.getMessage().startsWith(claims.toString()), e.getMessage());
    }

    private static final int MAX_BLOCK = 65_535;

    /**
     * A FLAC file of 16-bit frames of {@link #MAX_BLOCK} samples, each channel one CONSTANT subframe of {@code value}:
     * a real stream that any decoder inflates about ten thousand times. Written by hand because no encoder is at
     * hand here (jflac only decodes, and the {@code flac} tool is not installed).
     *
     * @param totalSamples what STREAMINFO claims per channel; 0 is "unknown", as the format allows
     */
    static Path flac(Path file, int rate, int channels, int blocks, long totalSamples, short value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("fLaC".getBytes());
        out.write(new byte[] {0, 0, 0, 34}); // STREAMINFO, 34 bytes
        ByteBuffer info = ByteBuffer.allocate(34);
        info.putShort((short) MAX_BLOCK).putShort((short) MAX_BLOCK).put(new byte[6]); // frame sizes unknown
        info.putLong(((long) rate << 44) | ((long) (channels - 1) << 41) | (15L << 36) | totalSamples);
        out.write(info.array()); // MD5 left zero: unknown
        // jflac reads the blocks after STREAMINFO up to the last one, so it needs one more, as encoders always write.
        out.write(new byte[] {(byte) 0x81, 0, 0, 4, 0, 0, 0, 0}); // the last metadata block: PADDING, 4 bytes
        for (int n = 0; n < blocks; n++) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            // sync, fixed block size; block size from the 16 bits after the header, rate from STREAMINFO;
            // independent channels, 16 bits a sample
            frame.write(new byte[] {(byte) 0xFF, (byte) 0xF8, 0x70, (byte) (((channels - 1) << 4) | 0x08)});
            if (n < 0x80) frame.write(n);
            else if (n < 0x800) frame.write(new byte[] {(byte) (0xC0 | n >> 6), (byte) (0x80 | n & 0x3F)});
            else frame.write(new byte[] {(byte) (0xE0 | n >> 12), (byte) (0x80 | n >> 6 & 0x3F), (byte) (0x80 | n & 0x3F)});
            frame.write(new byte[] {(byte) ((MAX_BLOCK - 1) >> 8), (byte) (MAX_BLOCK - 1)});
            frame.write(crc8(frame.toByteArray()));
            for (int c = 0; c < channels; c++) frame.write(new byte[] {0, (byte) (value >> 8), (byte) value}); // CONSTANT
            int crc = crc16(frame.toByteArray());
            frame.write(new byte[] {(byte) (crc >> 8), (byte) crc});
            out.write(frame.toByteArray());
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    private static int crc8(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
        }
        return crc;
    }

    private static int crc16(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xFFFF : crc << 1 & 0xFFFF;
        }
        return crc;
    }
}
