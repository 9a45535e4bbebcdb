package loopsmith.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a General MIDI SoundFont is: the user's, then the Debian packages' (fluid-soundfont-gm, timgm6mb-soundfont). */
public final class SoundFonts {
    public static final List<Path> SYSTEM = List.of(Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
            Path.of("/usr/share/sounds/sf2/default-GM.sf2"), Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"));
    public static final String ENV = "LOOPSMITH_SOUNDFONT";

    private SoundFonts() {}

    /** The SoundFont to use: the one given, else $LOOPSMITH_SOUNDFONT, else the first system one present. */
    public static Optional<Path> find(Optional<Path> given) {
        if (given.isPresent()) return given;
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env));
        return SYSTEM.stream().filter(Files::isRegularFile).findFirst();
    }
}
