package loopsmith.music;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Writes a file so that readers see the old one or the complete new one, never a half-written file: a temp file in
 * the same folder, flushed to disk, then renamed over the target. Every file Loopsmith writes goes through here.
 */
public final class AtomicFiles {
    /** Told of each folder synced: a sync leaves nothing else a test could see. */
    static volatile Consumer<Path> synced = dir -> { };

    private AtomicFiles() {}

    /** What writes the content; it may throw IOException, which becomes a LoopsmithException naming the target. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temp file. Whatever stops the write (an IOException, which becomes a
     * LoopsmithException naming the target; a bug or an Error in {@code content}, rethrown as it is), the temp file is
     * removed and the target keeps its old content.
     */
    public static void write(Path target, String what, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean moved = false;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            // Temp files are created private (0600); results are ordinary files others may read.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix"))
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                // Writers such as Jackson close the stream they are given; the channel must stay open for force().
                content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new LoopsmithException(target, "cannot write " + what + ": " + e.getMessage(), e);
        } finally {
            if (!moved && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write's own failure is the error worth reporting
                }
            }
        }
    }

    /**
     * Flushes a folder's entries to disk, so a rename in it survives a power cut (the file's bytes were forced
     * before). Windows cannot open a folder as a channel; there NTFS's journal orders the metadata instead.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            synced.accept(dir);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform or file system: the rename itself is still atomic
        }
    }

    /**
     * Renames a file or folder in one step (on one file system; an existing target file is replaced) and syncs the
     * folders whose entries changed, so the rename survives a power cut.
     */
    public static void move(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path to = target.toAbsolutePath().getParent();
        Path from = source.toAbsolutePath().getParent();
        syncDirectory(to);
        if (!from.equals(to)) syncDirectory(from);
    }

    /** Whether a file name is one of this class's temp files ({@code .NAME…tmp}), left behind by a killed writer. */
    public static boolean isTempFile(Path file) {
        String n = file.getFileName().toString();
        return n.startsWith(".") && n.endsWith(".tmp");
    }

    /** Deletes the temp files a killed writer left in {@code dir}; returns how many. */
    public static int deleteOrphans(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(AtomicFiles::isTempFile).toList()) if (Files.deleteIfExists(f)) n++;
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot clear temp files: " + e.getMessage(), e);
        }
        return n;
    }

    public static void write(Path target, String what, byte[] bytes) {
        write(target, what, out -> out.write(bytes));
    }
}
