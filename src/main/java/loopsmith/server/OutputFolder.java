package loopsmith.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import loopsmith.export.Sidecar;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;

/**
 * The output folder as a budget: what it may hold (the quota), what its disk has left (free space, checked when a job
 * is accepted and again before it writes), how many results are kept (retention), and what a crash leaves behind
 * (uploads and half-written {@code .partial-*} results, removed at start and on shutdown).
 */
final class OutputFolder {
    /** A job's estimated bytes, held from acceptance until it ends so that queued jobs count against the room left. */
    interface Reservation {
        void release();
    }

    /** The bytes the disk under a folder has left for this user: the file store's answer, or a test's. */
    interface FreeSpace {
        FreeSpace DISK = dir -> Files.getFileStore(dir).getUsableSpace();

        long usableBytes(Path dir) throws IOException;
    }

    private final Path dir;
    private final ServerConfig.Storage limits;
    private final FreeSpace freeSpace;
    /** Bytes the folder holds: measured at start, then kept up to date as jobs write and retention deletes. */
    private long usedBytes;
    /** Estimated bytes of accepted jobs that have not ended yet. */
    private long reservedBytes;

    OutputFolder(Path dir, ServerConfig.Storage limits, FreeSpace freeSpace) {
        this.dir = dir;
        this.limits = limits;
        this.freeSpace = freeSpace;
        this.usedBytes = size(dir);
    }

    /** Room for a job's estimated writes, or 507 with the reason (quota, or the disk's free space). */
    synchronized Reservation reserve(long bytes) {
        if (limits.quotaBytes() > 0 && usedBytes + reservedBytes + bytes > limits.quotaBytes())
            throw new ApiException(507, String.format(Locale.ROOT, "the output folder's quota is used up: it holds %s of %s%s, and this "
                    + "request needs about %s; delete results, or start the server with a larger --quota-mb or --keep N",
                    mb(usedBytes), mb(limits.quotaBytes()), reservedBytes > 0 ? " (" + mb(reservedBytes) + " more promised to waiting jobs)" : "",
                    mb(bytes)));
        long free = usableBytes();
        if (free - reservedBytes - bytes < limits.minFreeBytes())
            throw new ApiException(507, String.format(Locale.ROOT, "not enough free disk space: %s free, this request needs about %s "
                    + "and %s must stay free (--min-free-mb)", mb(free), mb(bytes + reservedBytes), mb(limits.minFreeBytes())));
        reservedBytes += bytes;
        boolean[] released = {false};
        return () -> {
            synchronized (this) {
                if (!released[0]) reservedBytes -= bytes;
                released[0] = true;
            }
        };
    }

    /** Before a job writes: the disk may have filled since it was accepted. The job then fails with the reason. */
    void requireFree(long bytes) {
        long free = usableBytes();
        if (free - bytes < limits.minFreeBytes())
            throw new LoopsmithException(null, String.format(Locale.ROOT, "not enough free disk space to write the result: %s free, "
                    + "it needs about %s and %s must stay free", mb(free), mb(bytes), mb(limits.minFreeBytes())));
    }

    /**
     * After a job wrote its folders: the oldest results beyond --keep go, and the folder is measured again (so what a
     * stopped job left, or the producer deleted by hand, is counted right from then on).
     */
    void afterJob() {
        if (limits.keepResults() > 0) retain(limits.keepResults());
        long measured = size(dir);
        synchronized (this) {
            usedBytes = measured;
        }
    }

    /**
     * Deletes the oldest result folders beyond the newest {@code keep}. Only folders the exporter wrote are counted:
     * a name it could give and a {@code loopsmith.json} inside; names start with the time, so name order is age.
     */
    private void retain(int keep) {
        List<Path> results;
        try (Stream<Path> s = Files.list(dir)) {
            results = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && ResultFiles.isResultName(p.getFileName().toString())
                    && Files.isRegularFile(p.resolve(Sidecar.FILE_NAME), LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            System.err.println("warning: cannot list " + dir + " for --keep: " + e.getMessage());
            return;
        }
        for (Path old : results.subList(0, Math.max(0, results.size() - keep))) {
            try {
                Folders.deleteTree(old);
            } catch (LoopsmithException e) {
                System.err.println("warning: --keep " + keep + ": " + e.getMessage());
            }
        }
    }

    /**
     * Removes what a crash leaves: stored uploads (their jobs are gone) and half-written results. Run at start, before
     * any job, and on shutdown, after the last. Returns what was removed, by name.
     */
    List<String> cleanLeftovers() {
        List<String> removed = new ArrayList<>();
        Path uploads = dir.resolve(Uploads.FOLDER);
        try (Stream<Path> s = Files.exists(uploads) ? Files.list(uploads) : Stream.empty()) {
            for (Path f : s.toList()) {
                Folders.deleteTree(f);
                removed.add(Uploads.FOLDER + "/" + f.getFileName());
            }
        } catch (IOException | LoopsmithException e) {
            System.err.println("warning: cannot clean " + uploads + ": " + e.getMessage());
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".partial-")).toList()) {
                Folders.deleteTree(p);
                removed.add(p.getFileName().toString());
            }
        } catch (IOException | LoopsmithException e) {
            System.err.println("warning: cannot clean half-written results in " + dir + ": " + e.getMessage());
        }
        long measured = size(dir);
        synchronized (this) {
            usedBytes = measured;
        }
        return removed;
    }

    private long usableBytes() {
        try {
            return freeSpace.usableBytes(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
    }

    /** Bytes of the regular files under {@code p}, links not followed; what vanishes meanwhile counts 0. */
    private static long size(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0; // removed while walking (a job's upload, a retention delete): nothing to count
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
