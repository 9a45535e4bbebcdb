package loopsmith.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;

/**
 * Writes PCM WAV files, 16- or 24-bit, from float samples in [-1, 1]. Hand-written (a 44-byte header) because
 * {@code javax.sound.sampled} needs a stream wrapper and a length it cannot be told exactly; here the file has
 * exactly the frames given, which is what keeps stems sample-aligned. Written atomically ({@link AtomicFiles}).
 */
public final class WavWriter {
    private WavWriter() {}

    /** @param channels interleaved-by-channel samples: {@code channels[c][frame]}, all of equal length */
    public static void write(Path file, float[][] channels, int sampleRateHz, int bitsPerSample) {
        if (bitsPerSample != 16 && bitsPerSample != 24) throw new IllegalArgumentException("bits per sample must be 16 or 24");
        int nch = channels.length;
        int frames = channels[0].length;
        int bytesPerSample = bitsPerSample / 8;
        long dataBytes = (long) frames * nch * bytesPerSample;
        if (dataBytes > 0xFFFFFFFFL - 36) throw new LoopsmithException(file, "audio too long for a WAV file");
        AtomicFiles.write(file, "WAV file", out -> {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
            h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) nch);
            h.putInt(sampleRateHz).putInt(sampleRateHz * nch * bytesPerSample).putShort((short) (nch * bytesPerSample));
            h.putShort((short) bitsPerSample);
            h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            out.write(h.array());
            byte[] buf = new byte[nch * bytesPerSample * 4096];
            int pos = 0;
            double full = bitsPerSample == 16 ? 32767.0 : 8388607.0;
            for (int f = 0; f < frames; f++) {
                for (int c = 0; c < nch; c++) {
                    long v = Math.round(Math.max(-1, Math.min(1, channels[c][f])) * full);
                    buf[pos++] = (byte) v;
                    buf[pos++] = (byte) (v >> 8);
                    if (bytesPerSample == 3) buf[pos++] = (byte) (v >> 16);
                }
                if (pos == buf.length) {
                    out.write(buf, 0, pos);
                    pos = 0;
                }
            }
            out.write(buf, 0, pos);
        });
    }
}
