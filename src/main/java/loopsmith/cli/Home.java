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
}
