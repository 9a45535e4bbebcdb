package loopsmith.library;

import java.nio.file.Path;
import java.util.List;

/**
 * What a walk of a library found, paths relative to the library root, sorted. Audio is catalogued for later;
 * {@code skipped} lists what could not be looked at (unreadable files and folders, link loops) and {@code ignored}
 * what is not music (text, images, project files).
 */
public record LibraryScan(Path root, List<Path> midi, List<Path> audio, List<Path> sidecars, List<Skipped> skipped,
                          List<Skipped> ignored) {
    public record Skipped(Path path, String reason) { }

    public LibraryScan {
        midi = List.copyOf(midi);
        audio = List.copyOf(audio);
        sidecars = List.copyOf(sidecars);
        skipped = List.copyOf(skipped);
        ignored = List.copyOf(ignored);
    }
}
