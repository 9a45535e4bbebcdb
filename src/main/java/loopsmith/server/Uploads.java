package loopsmith.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import loopsmith.audio.AudioFileInfo;
import loopsmith.music.LoopsmithException;

/**
 * Files sent by clients: seed MIDI and audio clips. The client's file name never reaches the filesystem: a file is
 * stored as {@code <uuid>.mid} (or {@code .wav}, {@code .aiff}, {@code .flac}) in a hidden folder under the output
 * folder, only if its first bytes say it is the kind expected and it is no larger than the limit.
 */
public final class Uploads {
    /** What an upload's first bytes say it is. */
    public enum Kind { MIDI, AUDIO, UNKNOWN }

    /** The hidden folder under the output folder where uploads wait for their job. */
    static final String FOLDER = ".uploads";
    /** Clips are loops and stems; rates outside this are damaged headers (a 1 Hz rate inflates on resampling). */
    static final int MIN_CLIP_RATE_HZ = 8000;
    static final int MAX_CLIP_RATE_HZ = 96_000;
    static final int MAX_CLIP_CHANNELS = 2;

    private static final byte[] MTHD = {'M', 'T', 'h', 'd'};
    private final Path dir;
    private final long maxBytes;
    private final double maxClipSeconds;

    public Uploads(Path outDir, long maxBytes, double maxClipSeconds) {
        this.dir = outDir.resolve(FOLDER);
        this.maxBytes = maxBytes;
        this.maxClipSeconds = maxClipSeconds;
    }

    /** Reads at most the limit plus one byte, so an oversized upload is refused without being held in full. */
    public byte[] read(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) throw new ApiException(413, "upload too large: at most " + maxBytes + " bytes");
            return data;
        } catch (IOException e) {
            throw new ApiException(400, "cannot read upload: " + e.getMessage());
        }
    }

    /** Standard MIDI files start with "MThd"; WAV with RIFF…WAVE, AIFF with FORM…AIFF, FLAC with "fLaC", Ogg with "OggS". */
    public static Kind sniff(byte[] head) {
        if (startsWith(head, 0, MTHD)) return Kind.MIDI;
        if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "RMID".getBytes())) return Kind.MIDI;
        if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WAVE".getBytes())) return Kind.AUDIO;
        if (startsWith(head, 0, "FORM".getBytes()) && (startsWith(head, 8, "AIFF".getBytes()) || startsWith(head, 8, "AIFC".getBytes())))
            return Kind.AUDIO;
        if (startsWith(head, 0, "fLaC".getBytes()) || startsWith(head, 0, "OggS".getBytes())) return Kind.AUDIO;
        return Kind.UNKNOWN;
    }

    /**
     * The file extension an audio clip is stored under, from its first bytes: the audio reader picks FLAC's decoder by
     * it. Empty for anything the reader cannot decode (Ogg among them).
     */
    static Optional<String> audioExtension(byte[] head) {
        if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WAVE".getBytes())) return Optional.of(".wav");
        if (startsWith(head, 0, "FORM".getBytes()) && (startsWith(head, 8, "AIFF".getBytes()) || startsWith(head, 8, "AIFC".getBytes())))
            return Optional.of(".aiff");
        if (startsWith(head, 0, "fLaC".getBytes())) return Optional.of(".flac");
        return Optional.empty();
    }

    /** Stores a seed MIDI under a fresh server-chosen name; anything that is not a MIDI file is refused with 415. */
    public Path storeMidi(byte[] data) {
        Kind kind = sniff(data);
        if (kind == Kind.AUDIO) throw new ApiException(415, "seed_midi: this is an audio file; send audio clips as the audio part");
        if (kind != Kind.MIDI) throw new ApiException(415, "seed_midi: not a Standard MIDI File (it does not start with MThd)");
        return store(data, ".mid");
    }

    /**
     * Stores an audio clip (WAV, AIFF or FLAC by its first bytes) under a fresh server-chosen name, once its header
     * reads and says a clip the analysis can take: a sample rate of 8 to 96 kHz, one or two channels, a length (FLAC
     * may leave it out) of at most the server's limit. Anything else is refused now with the reason, not later as a
     * failed job; the job then decodes no more than that length, whatever the frames inflate to.
     */
    public Path storeAudio(byte[] data) {
        Optional<String> ext = audioExtension(data);
        if (ext.isEmpty())
            throw new ApiException(415, sniff(data) == Kind.MIDI ? "audio: this is a MIDI file; send it as seed_midi"
                    : "audio: not a WAV, AIFF or FLAC file (judged by its first bytes)");
        Path f = store(data, ext.get());
        try {
            AudioFileInfo info = AudioFileInfo.read(f);
            if (info.sampleRateHz() < MIN_CLIP_RATE_HZ || info.sampleRateHz() > MAX_CLIP_RATE_HZ)
                throw new ApiException(400, "audio: sample rate " + info.sampleRateHz() + " Hz; " + MIN_CLIP_RATE_HZ / 1000 + " to "
                        + MAX_CLIP_RATE_HZ / 1000 + " kHz are accepted");
            if (info.channels() < 1 || info.channels() > MAX_CLIP_CHANNELS)
                throw new ApiException(400, "audio: " + info.channels() + " channels; mono or stereo clips are accepted");
            if (!(info.seconds() > 0)) throw new ApiException(400, "audio: its header gives no length");
            if (info.seconds() > maxClipSeconds)
                throw new ApiException(413, String.format(java.util.Locale.ROOT, "audio: %.1f s long; clips may be at most %.0f s",
                        info.seconds(), maxClipSeconds));
            return f;
        } catch (LoopsmithException e) {
            delete(f);
            throw new ApiException(400, "audio: " + e.reason());
        } catch (ApiException e) {
            delete(f);
            throw e;
        }
    }

    private Path store(byte[] data, String extension) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(UUID.randomUUID() + extension);
            Files.write(f, data);
            return f;
        } catch (IOException e) {
            throw new ApiException(500, "cannot store upload: " + e.getMessage());
        }
    }

    /** Removes a stored upload once its job is over. */
    public static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // A leftover seed in the hidden uploads folder is harmless; the job's own outcome is what the client needs.
            System.err.println("warning: cannot remove upload " + f + ": " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] data, int at, byte[] magic) {
        return data.length >= at + magic.length && Arrays.equals(data, at, at + magic.length, magic, 0, magic.length);
    }
}
