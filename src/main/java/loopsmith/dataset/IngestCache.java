package loopsmith.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import loopsmith.format.TypedJson;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;

/**
 * Per-file ingest results keyed by what decides them: the file's bytes, its labels and the ingest settings that
 * change per-file results. Re-running ingest on the same folder re-processes only files whose key changed. Entries
 * are gzipped JSON, written atomically; an unreadable entry is treated as missing.
 */
final class IngestCache {
    private final Path dir;

    IngestCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot create cache folder: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the file's bytes, then of the label and settings signature; empty when the file cannot be read. */
    static Optional<String> key(Path file, String signature) {
        try {
            MessageDigest content = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), content)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            all.update(content.digest());
            all.update(signature.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(all.digest()).substring(0, 40));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            return Optional.empty(); // processing the file will say why it cannot be read
        }
    }

    private Path entry(String key) {
        return dir.resolve(key + ".json.gz");
    }

    Optional<FileResult> get(String key) {
        return read(key, FileResult.class);
    }

    Optional<AudioResult> getAudio(String key) {
        return read(key, AudioResult.class);
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        Path f = entry(key);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return Optional.of(TypedJson.READER.readValue(in, type));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is recomputed and overwritten
        }
    }

    /** Stores a {@link FileResult} or an {@link AudioResult}. */
    void put(String key, Object result) {
        AtomicFiles.write(entry(key), "cache entry", out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            TypedJson.WRITER.writeValue(gz, result);
            gz.finish();
        });
    }

    /** Deletes entries no file uses any more, so the cache does not grow without bound. */
    void retainOnly(Set<String> keys) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                String key = name.endsWith(".json.gz") ? name.substring(0, name.length() - 8) : null;
                if (key == null || !keys.contains(key)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot clean cache: " + e.getMessage(), e);
        }
    }
}
