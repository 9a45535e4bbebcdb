package loopsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Lower layers never import upper ones, and library types stay in the layer that wraps them. */
@UnitTest
class ArchitectureTest {
    /** Layers from the bottom; a package may import only packages listed before it (and itself). */
    private static final List<String> LAYERS = List.of("music", "format", "midi", "audio", "library", "starter", "tokens", "dataset", "model", "train",
            "generate", "export", "eval", "service", "bench", "server", "cli");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    @Test
    void arrowsPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/loopsmith");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                int layer = LAYERS.indexOf(pkg);
                String src = Files.readString(f);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imp = m.group(1);
                    if (imp.startsWith("loopsmith.")) {
                        String target = imp.split("\\.")[1];
                        int targetLayer = LAYERS.indexOf(target);
                        // cli, bench and server are shells: they may use each other's helpers only downward too.
                        if (targetLayer > layer) violations.add(f + " imports " + imp);
                    }
                    if (imp.startsWith("javax.sound.midi") && !pkg.equals("midi")) violations.add(f + " uses javax.sound.midi outside midi");
                    if (imp.startsWith("ai.djl") && LAYERS.indexOf(pkg) < LAYERS.indexOf("model")) violations.add(f + " uses DJL below model");
                    if (pkg.equals("music") && !(imp.startsWith("java.") || imp.startsWith("loopsmith.music")))
                        violations.add(f + " (music core) depends on " + imp);
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
