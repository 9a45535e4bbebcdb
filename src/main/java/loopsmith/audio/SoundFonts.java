package loopsmith.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a General MIDI SoundFont is: the one given, then {@code $LOOPSMITH_SOUNDFONT}, then the usual places on this
 * operating system, files first and then folders producers keep SoundFonts in (the first {@code .sf2} there, a GM
 * one by name before others).
 */
public final class SoundFonts {
    public static final String ENV = "LOOPSMITH_SOUNDFONT";

    /** A place to look: a file, or a folder whose {@code .sf2} files count. */
    public record Place(Path path, boolean folder) { }

    private SoundFonts() {}

    /** The SoundFont to use: the one given, else $LOOPSMITH_SOUNDFONT, else the first present of {@link #places}. */
    public static Optional<Path> find(Optional<Path> given) {
        if (given.isPresent()) return given;
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env));
        for (Place p : places(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", "."))))
            if (p.folder()) {
                Optional<Path> inside = firstIn(p.path());
                if (inside.isPresent()) return inside;
            } else if (Files.isRegularFile(p.path())) {
                return Optional.of(p.path());
            }
        return Optional.empty();
    }

    /**
     * The places searched on an operating system ({@code os.name}), in order. Linux: the Debian, Fedora and Arch
     * packages' files and the XDG folder; macOS: the Audio/Sounds/Banks folders where Logic and Live users keep banks,
     * and Homebrew's share folders; Windows: {@code C:\soundfonts} (FluidSynth's documented default) and the user's
     * Documents. Everywhere, {@code ~/.loopsmith/soundfonts}.
     */
    public static List<Place> places(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Place> out = new ArrayList<>();
        if (os.startsWith("windows")) {
            out.add(new Place(Path.of("C:\\soundfonts\\default.sf2"), false));
            out.add(new Place(Path.of("C:\\soundfonts"), true));
            Optional.ofNullable(env.get("USERPROFILE")).map(Path::of).ifPresent(p -> out.add(new Place(p.resolve("Documents").resolve("SoundFonts"), true)));
            Optional.ofNullable(env.get("APPDATA")).map(Path::of).ifPresent(p -> out.add(new Place(p.resolve("Loopsmith").resolve("soundfonts"), true)));
        } else if (os.startsWith("mac")) {
            out.add(new Place(home.resolve("Library/Audio/Sounds/Banks"), true));
            out.add(new Place(Path.of("/Library/Audio/Sounds/Banks"), true));
            out.add(new Place(Path.of("/opt/homebrew/share/soundfonts/default.sf2"), false));
            out.add(new Place(Path.of("/opt/homebrew/share/soundfonts"), true));
            out.add(new Place(Path.of("/usr/local/share/soundfonts/default.sf2"), false));
            out.add(new Place(Path.of("/usr/local/share/soundfonts"), true));
        } else {
            for (String f : List.of("/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/default-GM.sf2",
                    "/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/soundfonts/FluidR3_GM.sf2", "/usr/share/soundfonts/default.sf2"))
                out.add(new Place(Path.of(f), false));
            Path data = Optional.ofNullable(env.get("XDG_DATA_HOME")).filter(s -> !s.isBlank()).map(Path::of).orElse(home.resolve(".local/share"));
            out.add(new Place(data.resolve("soundfonts"), true));
            out.add(new Place(Path.of("/usr/share/soundfonts"), true));
            out.add(new Place(Path.of("/usr/share/sounds/sf2"), true));
        }
        out.add(new Place(home.resolve(".loopsmith").resolve("soundfonts"), true));
        return out;
    }

    /** The first {@code .sf2} in a folder (not recursive): a name saying GM first, then by name. */
    static Optional<Path> firstIn(Path folder) {
        if (!Files.isDirectory(folder)) return Optional.empty();
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf2") && Files.isRegularFile(p))
                    .min(Comparator.comparing((Path p) -> !p.getFileName().toString().toUpperCase(Locale.ROOT).contains("GM"))
                            .thenComparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
