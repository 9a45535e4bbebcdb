package loopsmith.server;

import loopsmith.UnitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loopsmith.export.Sidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the result list tells clients about a folder: the sidecar's facts, or why it could not read them. */
@UnitTest
class ResultFilesTest {
    static final Path SIDECARS = Path.of("src/test/resources/loopsmith/sidecars");

    @Test
    void aGenerateResultShowsItsFactsInSnakeCase(@TempDir Path out) throws IOException {
        Map<String, Object> m = describe(out, "20261202-105250_house_124bpm_Am_s7", Files.readString(SIDECARS.resolve("generate-2026-12-02.json")));
        assertEquals(List.of("folder", "zip_url", "files", "seed", "bpm", "key", "time_signature", "bars", "created", "genre", "text"),
                List.copyOf(m.keySet()));
        assertEquals(7L, m.get("seed"));
        assertEquals(124.0, m.get("bpm"));
        assertEquals("A minor", m.get("key"));
        assertEquals("4/4", m.get("time_signature"));
        assertEquals(2, m.get("bars"));
        assertEquals("2026-12-02T10:52:50.757505", m.get("created"));
        assertEquals("house", m.get("genre"));
        assertEquals("house groove", m.get("text"));
    }

    @Test
    void aDrumifyResultWithoutKeyOrGenreLeavesThemOut(@TempDir Path out) throws IOException {
        Map<String, Object> m = describe(out, "20261202-105311_drumify_120bpm_s4", Files.readString(SIDECARS.resolve("drumify-audio-2026-12-02.json")));
        assertFalse(m.containsKey("key") || m.containsKey("genre") || m.containsKey("text") || m.containsKey("warning"), m.toString());
        assertEquals(4L, m.get("seed"));
    }

    /** A sidecar this build cannot read is a warning on its folder, worded without the absolute path of the file. */
    @Test
    void anUnreadableSidecarIsAWarningWithoutThePath(@TempDir Path out) throws IOException {
        Map<String, Object> newer = describe(out, "20271202-105250_house_124bpm_s1", "{\"format\":\"loopsmith-result\",\"version\":9}");
        assertEquals("unreadable loopsmith.json: result sidecar version 9 is newer than this Loopsmith reads (1 to 1); update Loopsmith",
                newer.get("warning"));
        assertFalse(newer.containsKey("seed"), newer.toString());
        Map<String, Object> empty = describe(out, "20250101-000000_house_124bpm_s1", "{}");
        assertTrue(empty.get("warning").toString().startsWith("unreadable loopsmith.json: missing required field"), empty.toString());
        assertFalse(empty.get("warning").toString().contains(out.toString()), empty.toString());
    }

    /** The folder as a client reads it: the view's JSON, as an ordered map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> describe(Path out, String folder, String sidecar) throws IOException {
        Path dir = Files.createDirectories(out.resolve(folder));
        Files.writeString(dir.resolve(Sidecar.FILE_NAME), sidecar);
        return new ObjectMapper().convertValue(new ResultFiles(out).describe(dir), Map.class);
    }
}
