package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where each OS keeps the defaults file, and that its values reach a subcommand's options unless given. */
@UnitTest
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void eachOsKeepsItWhereItsSettingsGo() {
        assertEquals(Path.of("C:\\Users\\ana\\AppData\\Roaming").resolve("Loopsmith").resolve("loopsmith.properties"),
                ConfigFile.location("Windows 11", Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), Path.of("C:\\Users\\ana")));
        assertEquals(Path.of("/Users/ana/Library/Application Support/Loopsmith/loopsmith.properties"),
                ConfigFile.location("Mac OS X", Map.of(), Path.of("/Users/ana")));
        assertEquals(Path.of("/home/ana/.config/loopsmith/loopsmith.properties"), ConfigFile.location("Linux", Map.of(), Path.of("/home/ana")));
        assertEquals(Path.of("/x/loopsmith/loopsmith.properties"), ConfigFile.location("Linux", Map.of("XDG_CONFIG_HOME", "/x"), Path.of("/home/ana")));
        assertEquals(Path.of("/etc/mine.properties"), ConfigFile.location("Linux", Map.of("LOOPSMITH_CONFIG", "/etc/mine.properties"), Path.of("/h")));
    }

    @Test
    void theFilesValuesAreDefaultsTheCommandLineOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("loopsmith.properties"), "threads = 1\nloopsmith.serve.queue = 3\n");
        CommandLine cl = LoopsmithCommand.commandLine();
        cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(file.toFile()));
        CommandLine.ParseResult r = cl.parseArgs("serve");
        ServeCommand serve = (ServeCommand) r.subcommand().commandSpec().userObject();
        assertEquals(1, serve.threads, "a plain key");
        assertEquals(3, serve.queue, "a key for serve only");
        CommandLine again = LoopsmithCommand.commandLine();
        again.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(file.toFile()));
        ServeCommand given = (ServeCommand) again.parseArgs("serve", "--threads", "2").subcommand().commandSpec().userObject();
        assertEquals(2, given.threads, "the command line wins");
    }
}
