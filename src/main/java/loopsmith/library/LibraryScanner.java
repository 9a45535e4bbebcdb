package loopsmith.library;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import loopsmith.music.LoopsmithException;

/**
 * Walks a library folder: follows links (a loop is reported, not followed twice; a link to a file or folder inside the
 * library is listed once, where it points), skips hidden files and folders,
 * records unreadable ones, and sorts what it finds into MIDI, audio, label sidecars and everything else.
 */
public final class LibraryScanner {
    public static final Set<String> MIDI_EXTENSIONS = Set.of("mid", "midi", "rmi", "kar");
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "aif", "aiff", "flac");
    public static final Set<String> SIDECAR_EXTENSIONS = Set.of("csv", "json", "yaml", "yml");

    private LibraryScanner() {}

    public static LibraryScan scan(Path root) {
        if (!Files.exists(root)) throw new LoopsmithException(root, "folder not found");
        if (!Files.isDirectory(root)) throw new LoopsmithException(root, "not a folder");
        Path base = root.toAbsolutePath().normalize();
        Path real = realPath(base).orElse(base);
        List<Path> midi = new ArrayList<>();
        List<Path> audio = new ArrayList<>();
        List<Path> sidecars = new ArrayList<>();
        List<LibraryScan.Skipped> skipped = new ArrayList<>();
        List<LibraryScan.Skipped> ignored = new ArrayList<>();
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(base) && isHidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    Optional<Path> listed = listedElsewhere(dir, real);
                    if (!dir.equals(base) && listed.isPresent()) {
                        ignored.add(new LibraryScan.Skipped(base.relativize(dir), "a link to " + listed.get() + ", listed there"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file)) return FileVisitResult.CONTINUE;
                    Path rel = base.relativize(file);
                    String ext = extension(file);
                    Optional<Path> listed = attrs.isRegularFile() ? listedElsewhere(file, real) : Optional.empty();
                    if (listed.isPresent()) ignored.add(new LibraryScan.Skipped(rel, "a link to " + listed.get() + ", listed there"));
                    else if (!attrs.isRegularFile()) skipped.add(new LibraryScan.Skipped(rel, "not a regular file"));
                    else if (!Files.isReadable(file)) skipped.add(new LibraryScan.Skipped(rel, "not readable (permission denied)"));
                    else if (MIDI_EXTENSIONS.contains(ext)) midi.add(rel);
                    else if (AUDIO_EXTENSIONS.contains(ext)) audio.add(rel);
                    else if (SIDECAR_EXTENSIONS.contains(ext)) sidecars.add(rel);
                    else ignored.add(new LibraryScan.Skipped(rel, ext.isEmpty() ? "not a music file" : "not a music file (." + ext + ")"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String reason = e instanceof FileSystemLoopException ? "link loop (folder already visited)"
                            : "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    skipped.add(new LibraryScan.Skipped(base.relativize(file), reason));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LoopsmithException(root, "cannot walk folder: " + e.getMessage(), e);
        }
        Comparator<Path> byName = Comparator.comparing(Path::toString);
        midi.sort(byName);
        audio.sort(byName);
        sidecars.sort(byName);
        skipped.sort(Comparator.comparing(s -> s.path().toString()));
        ignored.sort(Comparator.comparing(s -> s.path().toString()));
        return new LibraryScan(base, midi, audio, sidecars, skipped, ignored);
    }

    /**
     * Where a link inside the library points, when that is a place the walk lists anyway (inside the library and not
     * hidden): a folder linked into another would otherwise list its files twice, once under each name.
     */
    private static Optional<Path> listedElsewhere(Path p, Path realRoot) {
        if (!Files.isSymbolicLink(p)) return Optional.empty();
        Optional<Path> target = realPath(p).filter(t -> t.startsWith(realRoot)).map(realRoot::relativize);
        return target.filter(t -> { for (Path part : t) if (part.toString().startsWith(".")) return false; return true; });
    }

    private static Optional<Path> realPath(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
