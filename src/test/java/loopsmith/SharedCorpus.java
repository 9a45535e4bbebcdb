package loopsmith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The real corpora in {@code ../shared/corpus/}, read in place. Where they are missing, tests that need them are skipped
 * with a visible line (a user's bare clone has nothing beside it); under CI, where they must be there, they fail.
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    /** Whether the corpus is beside the repository. */
    public static boolean present() {
        return Files.isDirectory(Path.of(System.getProperty("loopsmith.shared", "../shared")).resolve("corpus")) || System.getenv("CI") != null;
    }

    public static Path root() {
        Path p = Path.of(System.getProperty("loopsmith.shared", "../shared")).resolve("corpus");
        if (!Files.isDirectory(p)) {
            String why = "shared corpus not found at " + p.toAbsolutePath();
            if (System.getenv("CI") != null) throw new IllegalStateException(why);
            if (!warned) System.err.println("SKIPPED: tests that read ../shared/corpus (" + why + "; clone the repository beside shared/ to run them)");
            warned = true;
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return p;
    }

    private static volatile boolean warned;

    public static Path malformed(String name) {
        return root().resolve("malformed").resolve(name);
    }

    /** Every MIDI file under a corpus folder, sorted. */
    public static List<Path> midiFiles(String folder) {
        try (Stream<Path> s = Files.walk(root().resolve(folder))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(mid|midi)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every music file of the four music sources (not the malformed folder). */
    public static List<Path> allMusic() {
        return Stream.of("pop909", "groove", "nottingham", "popk-examples").flatMap(f -> midiFiles(f).stream()).toList();
    }
}
