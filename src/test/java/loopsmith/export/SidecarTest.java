package loopsmith.export;

import loopsmith.UnitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** loopsmith.json: what is written reads back equal, sidecars from before the format was named read, bad ones are named. */
@UnitTest
class SidecarTest {
    static final Path OLD = Path.of("src/test/resources/loopsmith/sidecars");
    static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<Sidecar> sidecars() {
        return Sidecars.sidecars();
    }

    @Property(tries = 300)
    void aSidecarReadsBackEqual(@ForAll("sidecars") Sidecar sidecar) throws IOException {
        Path folder = Files.createTempDirectory("sidecar");
        try {
            sidecar.write(folder);
            Sidecar back = Sidecar.read(folder.resolve(Sidecar.FILE_NAME));
            assertEquals(sidecar, back);
            assertEquals(sidecar.request().tool(), back.request().tool());
        } finally {
            Folders.deleteTree(folder);
        }
    }

    /**
     * The keys people, scripts and the web page read are the ones sidecars had before the record: the lists are those
     * of the sidecars generate, Drumify and Interpolate wrote on 2026-12-02, and only {@code format} and
     * {@code version} are new.
     */
    @Test
    void theKeysAreTheOnesSidecarsAlwaysHad(@TempDir Path dir) throws IOException {
        for (String name : List.of("generate-2026-12-02.json", "drumify-audio-2026-12-02.json", "interpolate-2026-12-02.json")) {
            JsonNode before = JSON.readTree(OLD.resolve(name).toFile());
            Path folder = Files.createDirectories(dir.resolve(name));
            Sidecar.read(OLD.resolve(name)).write(folder);
            JsonNode after = JSON.readTree(folder.resolve(Sidecar.FILE_NAME).toFile());
            List<String> keys = new ArrayList<>(List.of("format", "version"));
            keys.addAll(keys(before));
            assertEquals(keys, keys(after), name);
            assertEquals(Sidecar.FORMAT, after.get("format").asText());
            assertEquals(Sidecar.VERSION, after.get("version").asInt());
            ((ObjectNode) after).remove(List.of("format", "version"));
            assertEquals(before, after, name + ": every value as it was");
            for (String section : List.of("request", "generation", "model"))
                assertEquals(keys(before.get(section)), keys(after.get(section)), name + " " + section);
            if (before.get("request").has("audio"))
                assertEquals(keys(before.at("/request/audio")), keys(after.at("/request/audio")), name + " audio");
        }
    }

    @Test
    void sidecarsFromBeforeTheFormatWasNamedRead() {
        Sidecar generate = Sidecar.read(OLD.resolve("generate-2026-12-02.json"));
        assertEquals(Sidecar.VERSION, generate.version());
        assertEquals(7, generate.seed());
        assertEquals("A minor", generate.key());
        Sidecar.GenerateRequest request = assertInstanceOf(Sidecar.GenerateRequest.class, generate.request());
        assertEquals("house groove", request.text());
        assertEquals(0.1, request.minP());
        Sidecar.GenerateFigures figures = assertInstanceOf(Sidecar.GenerateFigures.class, generate.generation());
        assertEquals(true, figures.drumIdiom().holds());
        assertEquals(6, generate.drumParts().size());

        Sidecar drumify = Sidecar.read(OLD.resolve("drumify-audio-2026-12-02.json"));
        Sidecar.DrumifyRequest asked = assertInstanceOf(Sidecar.DrumifyRequest.class, drumify.request());
        assertEquals("audio", asked.clipKind());
        assertEquals(17, asked.audio().drumHits());
        assertEquals(16, assertInstanceOf(Sidecar.DrumifyFigures.class, drumify.generation()).covered());
        assertNull(drumify.drumParts(), "not split");

        Sidecar interpolate = Sidecar.read(OLD.resolve("interpolate-2026-12-02.json"));
        Sidecar.InterpolateFigures steps = assertInstanceOf(Sidecar.InterpolateFigures.class, interpolate.generation());
        assertEquals(3, steps.similarityToB().size());
        assertEquals(1.0, steps.similarityToB().get(2).rhythm());
    }

    /**
     * The first sidecars had no top-level warnings, and their request none of the settings added since: those are null.
     * generate-2026-11-25.json is written by hand after the writer of ae74e14, the first generate; the 2026-12-02 ones
     * are what generate, Drumify and Interpolate wrote that day.
     */
    @Test
    void theFirstSidecarsReadWithWhatTheyRecorded() {
        Sidecar first = Sidecar.read(OLD.resolve("generate-2026-11-25.json"));
        assertEquals(42, first.seed());
        assertEquals(List.of(), first.warnings());
        Sidecar.GenerateRequest request = (Sidecar.GenerateRequest) first.request();
        assertEquals("techno", request.genre());
        assertEquals(1.0, request.temperature());
        assertNull(request.minP(), "not recorded, not 0");
        assertNull(request.quantize(), "not recorded, not 0");
        assertNull(((Sidecar.GenerateFigures) first.generation()).swing());
        assertEquals(128, request.parsed().bpm().intValue());
    }

    @Test
    void unknownFieldsAreTolerated(@TempDir Path dir) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(OLD.resolve("interpolate-2026-12-02.json").toFile());
        tree.put("format", Sidecar.FORMAT).put("version", 1).put("addedByHand", "yes");
        ((ObjectNode) tree.get("request")).put("mood", "dreamy");
        ((ObjectNode) tree.get("generation")).putArray("steps_kept");
        Path file = Files.writeString(dir.resolve(Sidecar.FILE_NAME), tree.toString());
        assertEquals("interpolate", Sidecar.read(file).request().tool().label());
    }

    @Test
    void aNewerVersionIsRefusedNamingFileAndVersion(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(Sidecar.FILE_NAME), "{\"format\":\"loopsmith-result\",\"version\":2,\"stems\":{}}");
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> Sidecar.read(file));
        assertEquals(file, e.file());
        assertEquals("result sidecar version 2 is newer than this Loopsmith reads (1 to 1); update Loopsmith", e.reason());
    }

    @Test
    void damagedSidecarsAreNamedWithTheirFileAndField(@TempDir Path dir) throws IOException {
        String good = Files.readString(OLD.resolve("drumify-audio-2026-12-02.json"));
        Map<String, String> reasons = Map.of(
                "{\"format\":\"loopsmith-dataset\",\"version\":1}",
                "not a Loopsmith result sidecar (format is 'loopsmith-dataset', not 'loopsmith-result')",
                "{\"format\":\"loopsmith-result\"}", "missing required field 'version'",
                "{\"format\":\"loopsmith-result\",\"version\":0}", "result sidecar version 0 does not exist (versions start at 1)",
                "[]", "not a Loopsmith result sidecar (not a JSON object)",
                good.substring(0, 200), "not valid JSON",
                good.replace("\"seed\" : 4,\n  \"bpm\"", "\"bpm\""), "missing required field 'seed'",
                good.replace("\"tool\" : \"drumify\"", "\"tool\" : \"sing\""), "request.tool 'sing' is not a tool this build knows",
                good.replace("\"name\" : \"Clip Drums\",", ""), "missing required field 'tracks[1].name'",
                good.replace("\"bars\" : 2,\n  \"tracks\"", "\"bars\" : null,\n  \"tracks\""), "field 'bars' is null");
        int i = 0;
        for (Map.Entry<String, String> r : reasons.entrySet()) {
            Path file = Files.writeString(Files.createDirectories(dir.resolve("case-" + i++)).resolve(Sidecar.FILE_NAME), r.getKey());
            LoopsmithException e = assertThrows(LoopsmithException.class, () -> Sidecar.read(file), r.getValue());
            assertEquals(file, e.file());
            assertTrue(e.reason().startsWith(r.getValue()), r.getValue() + " expected, got: " + e.reason());
        }
    }

    @Test
    void aRequestAndFiguresOfDifferentToolsAreNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> new Sidecar(Sidecar.FORMAT, Sidecar.VERSION, "test", "now", Sidecars.request("x"),
                Sidecars.MODEL, 1, 120, null, "4/4", 1, List.of(), List.of(), new Sidecar.InterpolateFigures(1, 0, 0, "model", List.of(),
                List.of(), List.of()), List.of(), null));
    }

    private static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
