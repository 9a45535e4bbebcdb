package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The Windows launcher cannot run here, so what can drift between it and the bash one is checked as text: both run the
 * app from target/app (never Maven's output) with the same JVM options, and the .cmd keeps the CRLF endings cmd.exe
 * needs for its labels.
 */
@UnitTest
class LaunchersTest {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx2g", "--add-modules jdk.incubator.vector",
            "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-Dloopsmith.home=");

    @Test
    void bothLaunchersRunTheSameAppTheSameWay() throws Exception {
        String bash = Files.readString(Path.of("loopsmith"));
        String cmd = Files.readString(Path.of("loopsmith.cmd"));
        for (String option : JVM_OPTIONS) {
            assertTrue(bash.contains(option), "loopsmith: " + option);
            assertTrue(cmd.contains(option), "loopsmith.cmd: " + option);
        }
        assertTrue(bash.contains("app=\"$home/target/app\""), "bash runs target/app");
        assertTrue(cmd.contains("set \"LS_APP=%LS_HOME%\\target\\app\""), "cmd runs target\\app");
        assertTrue(bash.contains("-DskipTests package") && cmd.contains("-DskipTests package"), "both build the same way");
    }

    @Test
    void theCmdLauncherHasWindowsLineEndings() throws Exception {
        String cmd = Files.readString(Path.of("loopsmith.cmd"));
        long lines = cmd.chars().filter(c -> c == '\n').count();
        assertEquals(lines, cmd.split("\r\n", -1).length - 1, "every line ends in CRLF");
        assertFalse(Files.readString(Path.of("loopsmith")).contains("\r"), "the bash launcher has none");
    }
}
