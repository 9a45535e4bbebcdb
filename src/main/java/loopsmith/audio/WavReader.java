package loopsmith.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
     * resampled to 44.1 kHz) from asking for hours of audio.
     */
    public static final double MAX_SECONDS = 600;
    /**
     * Most samples (frames × channels) one file decodes to, at its own rate and at the rate asked for: ten minutes of
     * 48 kHz stereo, so five of 96 kHz. Loops and stems are far shorter than that. The length cap alone would let
     * ten minutes of 768 kHz, eight channels, through, more floats than the launcher's 2 GB heap holds; at this cap a
     * file's floats and their resampled copy take a fraction of it, so the files ingest decodes at once still leave
     * the analysis its room.
     */
    public static final long MAX_SAMPLES = 10L * 60 * 48_000 * 2;
    static final float MIN_RATE_HZ = 4000;
    static final float MAX_RATE_HZ = 768_000;
    static final int MAX_CHANNELS = 8;
    /** Frames the arrays start at when the header's length is not one to trust; they double as the audio comes. */
    private static final int INITIAL_FRAMES = 1 << 16;

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
            Limit limit = Limit.of(file, f, sampleRateHz, Math.min(maxSeconds, MAX_SECONDS));
            // A header that claims more than the limit is refused before anything is decoded or allocated.
            long claimed = claimedFrames(file, raw);
            if (claimed != AudioSystem.NOT_SPECIFIED && claimed > limit.frames()) throw limit.exceeded();
            // Arrays are sized by the header's length as far as the file's bytes can hold it (a PCM header may lie on a
            // truncated file; a compressed one says nothing of its size), and grown as the audio comes beyond that.
            long holds = isPcm(f) && f.getFrameSize() > 0 ? Files.size(file) / f.getFrameSize() : INITIAL_FRAMES;
            int initialFrames = (int) (claimed < 0 ? INITIAL_FRAMES : Math.min(claimed, holds));
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, f.getSampleRate(), 32, f.getChannels(),
                    4 * f.getChannels(), f.getSampleRate(), false);
            float[][] data;
            if (f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT) && f.getSampleSizeInBits() == 32 && !f.isBigEndian()) {
                data = floats(raw, f.getChannels(), initialFrames, limit);
            } else if (isPcm(f)) {
                try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, raw)) {
                    data = floats(converted, f.getChannels(), initialFrames, limit);
                }
            } else {
                // A compressed stream (FLAC) decodes to integer PCM first; the float conversion then works as for WAV.
                try (AudioInputStream pcm = AudioSystem.getAudioInputStream(AudioFormat.Encoding.PCM_SIGNED, raw);
                     AudioInputStream converted = AudioSystem.getAudioInputStream(target, pcm)) {
                    data = floats(converted, f.getChannels(), initialFrames, limit);
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

    /**
     * The most frames of a file read, by the length cap and by the samples cap (counted at the higher of the file's
     * rate and the asked one, since resampling up multiplies them), and the error for a file that has more.
     */
    private record Limit(Path file, long frames, boolean bySamples, double maxSeconds) {
        static Limit of(Path file, AudioFormat f, int toHz, double maxSeconds) {
            long bySeconds = (long) Math.ceil(maxSeconds * f.getSampleRate());
            long bySamples = (long) (MAX_SAMPLES / f.getChannels() / Math.max(1.0, toHz / (double) f.getSampleRate()));
            return new Limit(file, Math.min(bySeconds, bySamples), bySamples < bySeconds, maxSeconds);
        }

        LoopsmithException exceeded() {
            if (bySamples)
                return new LoopsmithException(file, "more than " + MAX_SAMPLES + " samples (frames × channels, at the file's rate or the "
                        + "rate it is read at); one file is read up to that, ten minutes of 48 kHz stereo");
            return new LoopsmithException(file, "longer than " + (maxSeconds >= MAX_SECONDS ? (int) (MAX_SECONDS / 60) + " minutes"
                    : (int) maxSeconds + " s") + "; clips and stems are read up to that");
        }
    }

    /**
     * The frames the header says the file holds, or {@code NOT_SPECIFIED}: javax.sound gives WAV's and AIFF's; jflac
     * gives the file's size in bytes there, so a FLAC's STREAMINFO is read (where 0 samples means the encoder did not say).
     */
    private static long claimedFrames(Path file, AudioInputStream raw) {
        if (isPcm(raw.getFormat())) return raw.getFrameLength();
        try {
            AudioFileInfo info = AudioFileInfo.read(file);
            long frames = Math.round(info.seconds() * info.sampleRateHz());
            return frames > 0 ? frames : AudioSystem.NOT_SPECIFIED;
        } catch (LoopsmithException e) {
            return AudioSystem.NOT_SPECIFIED; // no length to check up front; decoding stops at the limit all the same
        }
    }

    private static boolean isPcm(AudioFormat f) {
        AudioFormat.Encoding e = f.getEncoding();
        return e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED) || e.equals(AudioFormat.Encoding.PCM_FLOAT);
    }

    /**
     * Decodes straight into the float arrays, a block at a time, and stops at the limit: a FLAC's frames may inflate
     * far past what its header said, and this is where that is noticed.
     */
    private static float[][] floats(AudioInputStream in, int channels, int initialFrames, Limit limit) throws IOException {
        int frameBytes = 4 * channels;
        float[][] out = new float[channels][initialFrames];
        byte[] block = new byte[frameBytes * 4096];
        int frames = 0;
        while (true) {
            int got = in.readNBytes(block, 0, block.length) / frameBytes;
            if (got == 0) break;
            if (frames + (long) got > limit.frames()) throw limit.exceeded();
            if (frames + got > out[0].length) {
                int grown = (int) Math.min(limit.frames(), Math.max(Math.max(frames + got, INITIAL_FRAMES), 2L * out[0].length));
                for (int c = 0; c < channels; c++) out[c] = Arrays.copyOf(out[c], grown);
            }
            FloatBuffer fb = ByteBuffer.wrap(block, 0, got * frameBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int f = frames; f < frames + got; f++) for (int c = 0; c < channels; c++) out[c][f] = fb.get();
            frames += got;
        }
        if (frames < out[0].length) for (int c = 0; c < channels; c++) out[c] = Arrays.copyOf(out[c], frames);
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
