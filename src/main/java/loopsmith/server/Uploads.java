package loopsmith.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seed files sent by clients. The client's file name never reaches the filesystem: a file is stored as
 * {@code <uuid>.mid} in a hidden folder under the output folder, only if its first bytes say it is the kind
 * expected and it is no larger than the limit.
 */
public final class Uploads {
    /** What an upload's first bytes say it is. */
    public enum Kind { MIDI, AUDIO, UNKNOWN }

    private static final byte[] MTHD = {'M', 'T', 'h', 'd'};
    private final Path dir;
    private final long maxBytes;

    public Uploads(Path outDir, long maxBytes) {
        this.dir = outDir.resolve(".uploads");
        this.maxBytes = maxBytes;
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

    /** Stores a seed MIDI under a fresh server-chosen name; anything that is not a MIDI file is refused with 415. */
    public Path storeMidi(byte[] data) {
        Kind kind = sniff(data);
        if (kind == Kind.AUDIO)
            throw new ApiException(415, "audio seeds are not supported by this server yet; send a MIDI file (seed_midi)");
        if (kind != Kind.MIDI) throw new ApiException(415, "seed_midi: not a Standard MIDI File (it does not start with MThd)");
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(UUID.randomUUID() + ".mid");
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
