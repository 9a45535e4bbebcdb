package loopsmith.cli;

import java.nio.file.Path;

/**
 * The installation folder: the repository root, which the launcher passes as {@code -Dloopsmith.home} (models,
 * recipes and the SoundFont are found from it); the working folder when the jar is run bare.
 */
final class Home {
    private Home() {}

    static Path path() {
        return Path.of(System.getProperty("loopsmith.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code ../shared/corpus} beside the repository: the public MIDI sets benchmarks and recipes read in place. */
    static Path corpus() {
        return path().resolveSibling("shared").resolve("corpus");
    }

    /** {@code ../shared/peers} beside the repository: the reference programs benchmarks run beside ours. */
    static Path peers() {
        return path().resolveSibling("shared").resolve("peers");
    }
}
