package loopsmith.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import loopsmith.music.LoopsmithException;

/**
 * The facts about an audio file that a catalogue needs, read from its header: duration, sample rate, channels, bit
 * depth. WAV and AIFF through {@code javax.sound.sampled}; FLAC's STREAMINFO block by hand (34 bytes at a fixed place,
 * so a decoder library would be overkill just to catalogue).
 */
public record AudioFileInfo(String format, double seconds, int sampleRateHz, int channels, int bitsPerSample) {

    public static AudioFileInfo read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".flac")) return readFlac(file);
        try {
            AudioFileFormat aff = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat f = aff.getFormat();
            long frames = aff.getFrameLength();
            if (frames < 0 || f.getSampleRate() <= 0)
                throw new LoopsmithException(file, "audio header gives no length or sample rate");
            return new AudioFileInfo(aff.getType().toString(), frames / (double) f.getSampleRate(),
                    Math.round(f.getSampleRate()), f.getChannels(), f.getSampleSizeInBits());
        } catch (UnsupportedAudioFileException e) {
            throw new LoopsmithException(file, "unsupported audio format: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read audio file: " + e.getMessage(), e);
        }
    }

    private static AudioFileInfo readFlac(Path file) {
        byte[] head = new byte[42];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) throw new LoopsmithException(file, "truncated FLAC header");
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read audio file: " + e.getMessage(), e);
        }
        if (head[0] != 'f' || head[1] != 'L' || head[2] != 'a' || head[3] != 'C') throw new LoopsmithException(file, "not a FLAC file");
        if ((head[4] & 0x7F) != 0) throw new LoopsmithException(file, "FLAC file does not start with STREAMINFO");
        int b = 8; // STREAMINFO: min/max block (4), min/max frame (6), then 20 bits rate, 3 channels-1, 5 bits-1, 36 samples
        int rate = ((head[b + 10] & 0xFF) << 12) | ((head[b + 11] & 0xFF) << 4) | ((head[b + 12] & 0xF0) >> 4);
        int channels = ((head[b + 12] & 0x0E) >> 1) + 1;
        int bits = (((head[b + 12] & 0x01) << 4) | ((head[b + 13] & 0xF0) >> 4)) + 1;
        long samples = ((long) (head[b + 13] & 0x0F) << 32) | ((long) (head[b + 14] & 0xFF) << 24)
                | ((head[b + 15] & 0xFF) << 16) | ((head[b + 16] & 0xFF) << 8) | (head[b + 17] & 0xFF);
        if (rate == 0) throw new LoopsmithException(file, "FLAC STREAMINFO has sample rate 0");
        return new AudioFileInfo("FLAC", samples / (double) rate, rate, channels, bits);
    }
}
