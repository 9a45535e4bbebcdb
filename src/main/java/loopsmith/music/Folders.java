package loopsmith.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder and everything in it: staging folders, half-written results, benchmark scratch space. */
public final class Folders {
    private Folders() {}

    /** Deletes {@code dir} and its contents (links are removed, not followed); nothing happens if it is absent. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot remove: " + e.getMessage(), e);
        }
    }
}
