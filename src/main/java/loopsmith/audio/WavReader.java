package loopsmith.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import loopsmith.music.LoopsmithException;

/**
 * Reads WAV/AIFF audio (PCM 8/16/24/32-bit, float, mono or stereo, any rate) and FLAC (through jflac's
 * {@code javax.sound.sampled} provider, which the JDK lacks) into float samples per channel, converted to the asked
 * sample rate by linear interpolation. Anything else is a clear error naming the file.
 */
public final class WavReader {
    /**
     * Longest clip read, in seconds. Clips are loops and stems; the bound keeps a hostile header (a 1 Hz sample rate
     * resampled to 44.1 kHz, a FLAC that inflates without end) from allocating gigabytes.
     */
    public static final double MAX_SECONDS = 600;
    static final float MIN_RATE_HZ = 4000;
    static final float MAX_RATE_HZ = 768_000;
    static final int MAX_CHANNELS = 8;

    private WavReader() {}

    /** {@code [channel][frame]} at {@code sampleRateHz}. */
    public static float[][] read(Path file, int sampleRateHz) {
        return read(file, sampleRateHz, MAX_SECONDS);
    }

    /**
     * As {@link #read(Path, int)}, refusing a file that decodes to more than {@code maxSeconds} (the server's clip
     * limit: a FLAC's header may say ten seconds and its frames inflate to an hour).
     */
    public static float[][] read(Path file, int sampleRateHz, double maxSeconds) {
        try (AudioInputStream raw = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = raw.getFormat();
            if (!(f.getSampleRate() >= MIN_RATE_HZ && f.getSampleRate() <= MAX_RATE_HZ))
                throw new LoopsmithException(file, "sample rate " + f.getSampleRate() + " Hz is outside " + (int) MIN_RATE_HZ + "–"
                        + (int) MAX_RATE_HZ + " Hz (a damaged header?)");
            if (f.getChannels() < 1 || f.getChannels() > MAX_CHANNELS)
                throw new LoopsmithException(file, f.getChannels() + " channels; 1 to " + MAX_CHANNELS + " are read");
            long maxBytes = (long) Math.ceil(Math.min(maxSeconds, MAX_SECONDS) * f.getSampleRate()) * 4L * f.getChannels();
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, f.getSampleRate(), 32, f.getChannels(),
                    4 * f.getChannels(), f.getSampleRate(), false);
            float[][] data;
            if (f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT) && f.getSampleSizeInBits() == 32 && !f.isBigEndian()) {
                data = floats(raw, f.getChannels(), maxBytes, maxSeconds, file);
            } else if (isPcm(f)) {
                try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, raw)) {
                    data = floats(converted, f.getChannels(), maxBytes, maxSeconds, file);
                }
            } else {
                // A compressed stream (FLAC) decodes to integer PCM first; the float conversion then works as for WAV.
                try (AudioInputStream pcm = AudioSystem.getAudioInputStream(AudioFormat.Encoding.PCM_SIGNED, raw);
                     AudioInputStream converted = AudioSystem.getAudioInputStream(target, pcm)) {
                    data = floats(converted, f.getChannels(), maxBytes, maxSeconds, file);
                }
            }
            return resample(data, f.getSampleRate(), sampleRateHz);
        } catch (UnsupportedAudioFileException e) {
            throw new LoopsmithException(file, "unsupported audio format (WAV, AIFF or FLAC expected): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LoopsmithException(file, "cannot convert this audio encoding: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read audio: " + e.getMessage(), e);
        }
    }

    private static boolean isPcm(AudioFormat f) {
        AudioFormat.Encoding e = f.getEncoding();
        return e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED) || e.equals(AudioFormat.Encoding.PCM_FLOAT);
    }

    private static float[][] floats(AudioInputStream in, int channels, long maxBytes, double maxSeconds, Path file) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        if (b.length == maxBytes && in.readNBytes(4 * channels).length > 0)
            throw new LoopsmithException(file, "longer than " + (maxSeconds >= MAX_SECONDS ? (int) (MAX_SECONDS / 60) + " minutes"
                    : (int) maxSeconds + " s") + "; clips and stems are read up to that");
        int frames = b.length / (4 * channels);
        float[][] out = new float[channels][frames];
        java.nio.FloatBuffer fb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int f = 0; f < frames; f++) for (int c = 0; c < channels; c++) out[c][f] = fb.get();
        return out;
    }

    static float[][] resample(float[][] data, float fromHz, int toHz) {
        if (Math.abs(fromHz - toHz) < 0.5) return data;
        int frames = (int) Math.round(data[0].length * (double) toHz / fromHz);
        float[][] out = new float[data.length][frames];
        double step = fromHz / toHz;
        for (int c = 0; c < data.length; c++) {
            for (int i = 0; i < frames; i++) {
                double pos = i * step;
                int j = (int) pos;
                double frac = pos - j;
                float a = j < data[c].length ? data[c][j] : 0;
                float bb = j + 1 < data[c].length ? data[c][j + 1] : 0;
                out[c][i] = (float) (a + (bb - a) * frac);
            }
        }
        return out;
    }
}
