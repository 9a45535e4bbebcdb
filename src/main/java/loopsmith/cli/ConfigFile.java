package loopsmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A producer's own defaults for any option, in a properties file where each OS keeps settings (picocli's
 * {@link CommandLine.PropertiesDefaultProvider} reads it): {@code soundfont = /path/GM.sf2}, {@code threads = 1},
 * or one command's only, as {@code loopsmith.serve.threads = 1}. Options given on the command line win.
 */
final class ConfigFile {
    static final String ENV = "LOOPSMITH_CONFIG";
    static final String NAME = "loopsmith.properties";

    private ConfigFile() {}

    /** Where the file is looked for: $LOOPSMITH_CONFIG, else the OS's place for an application's settings. */
    static Path location(String osName, Map<String, String> env, Path home) {
        String given = env.get(ENV);
        if (given != null && !given.isBlank()) return Path.of(given);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = Optional.ofNullable(env.get("APPDATA")).filter(s -> !s.isBlank()).map(Path::of)
                    .orElse(home.resolve("AppData").resolve("Roaming"));
            return appData.resolve("Loopsmith").resolve(NAME);
        }
        if (os.startsWith("mac")) return home.resolve("Library/Application Support/Loopsmith").resolve(NAME);
        Path config = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank()).map(Path::of).orElse(home.resolve(".config"));
        return config.resolve("loopsmith").resolve(NAME);
    }

    /** Installs the file's defaults on {@code cl} and its subcommands, when the file exists. */
    static void apply(CommandLine cl) {
        Path file = location(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
        if (Files.isRegularFile(file)) cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(file.toFile()));
    }
}
