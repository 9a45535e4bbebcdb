package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where SoundFonts are looked for on each operating system, checked here whatever this machine runs. */
@UnitTest
class SoundFontsTest {
    private static List<String> paths(String os, Map<String, String> env, String home) {
        return SoundFonts.places(os, env, Path.of(home)).stream().map(p -> p.path().toString().replace('\\', '/')).toList();
    }

    @Test
    void windowsLooksWhereFluidSynthAndProducersPutThem() {
        List<String> p = paths("Windows 11", Map.of("USERPROFILE", "C:\\Users\\ana", "APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), "C:\\Users\\ana");
        assertEquals("C:/soundfonts/default.sf2", p.get(0));
        assertTrue(p.stream().anyMatch(s -> s.endsWith("Documents/SoundFonts")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.endsWith("Loopsmith/soundfonts")), p.toString());
        assertTrue(p.stream().noneMatch(s -> s.startsWith("/usr")), "no Linux paths on Windows: " + p);
    }

    @Test
    void macLooksInTheAudioBanksFoldersAndHomebrew() {
        List<String> p = paths("Mac OS X", Map.of(), "/Users/ana");
        assertEquals("/Users/ana/Library/Audio/Sounds/Banks", p.get(0));
        assertTrue(p.contains("/opt/homebrew/share/soundfonts/default.sf2"), p.toString());
        assertTrue(p.stream().noneMatch(s -> s.startsWith("/usr/share/sounds")), p.toString());
    }

    @Test
    void linuxLooksAtThePackagesFilesFirstThenXdg() {
        List<String> p = paths("Linux", Map.of("XDG_DATA_HOME", "/home/ana/data"), "/home/ana");
        assertEquals("/usr/share/sounds/sf2/FluidR3_GM.sf2", p.get(0));
        assertTrue(p.contains("/home/ana/data/soundfonts"), p.toString());
        assertEquals("/home/ana/.loopsmith/soundfonts", p.get(p.size() - 1));
    }

    @Test
    void aFolderGivesItsGeneralMidiBankFirst(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), SoundFonts.firstIn(dir));
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve("A Piano.sf2"), "x");
        Files.writeString(dir.resolve("Z GM bank.SF2"), "x");
        assertEquals(dir.resolve("Z GM bank.SF2"), SoundFonts.firstIn(dir).orElseThrow());
        assertEquals(Optional.empty(), SoundFonts.firstIn(dir.resolve("missing")));
    }
}
