package loopsmith.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The format and version check every typed file makes before its fields are bound. */
@UnitTest
class TypedJsonTest {
    private static final Path FILE = Path.of("out/idea/loopsmith.json");
    /** Like the result sidecar: named, and read as version 1 when it carries neither field. */
    private static final TypedJson.Format LEGACY = new TypedJson.Format("loopsmith-result", "result sidecar", 2, 1, "update Loopsmith");
    /** Like the dataset manifest: both fields required. */
    private static final TypedJson.Format STRICT = new TypedJson.Format("loopsmith-dataset", "dataset manifest", 2, 0, "ingest again");
    /** Like the run state: no format field, and read as version 1 without a version. */
    private static final TypedJson.Format UNNAMED = new TypedJson.Format(null, "run state", 1, 1, "resume with a newer Loopsmith");

    private static JsonNode json(String text) throws IOException {
        return TypedJson.READER.readTree(text);
    }

    private static String refused(TypedJson.Format format, String text) throws IOException {
        JsonNode tree = json(text);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> format.versionOf(FILE, tree), text);
        assertEquals(FILE, e.file(), "the error names the file");
        return e.reason();
    }

    @Test
    void aFileCarryingNeitherFieldIsLegacyWhereThereIsALegacyVersion() throws IOException {
        assertEquals(1, LEGACY.versionOf(FILE, json("{}")));
        assertEquals(1, LEGACY.versionOf(FILE, json("{\"seed\": 7}")));
        assertEquals(1, UNNAMED.versionOf(FILE, json("{\"step\": 25}")));
        assertEquals("missing required field 'format'", refused(STRICT, "{\"seed\": 7}"));
        assertEquals("missing required field 'version'",
                refused(new TypedJson.Format(null, "run state", 1, 0, "update Loopsmith"), "{}"));
    }

    @Test
    void aFileCarryingEitherFieldMustCarryBoth() throws IOException {
        for (TypedJson.Format f : new TypedJson.Format[] {LEGACY, STRICT}) {
            assertEquals("missing required field 'version'", refused(f, "{\"format\": \"" + f.name() + "\"}"));
            assertEquals("missing required field 'format'", refused(f, "{\"version\": 1}"));
            assertEquals("field 'version' is null", refused(f, "{\"format\": \"" + f.name() + "\", \"version\": null}"));
            assertEquals("field 'format' is null", refused(f, "{\"format\": null, \"version\": 1}"));
        }
        assertEquals("field 'version' is null", refused(UNNAMED, "{\"version\": null}"));
    }

    @Test
    void aFileWithoutAFormatOfItsOwnIsNotJudgedByAFormatField() throws IOException {
        assertEquals(1, UNNAMED.versionOf(FILE, json("{\"format\": \"something else\", \"version\": 1}")));
        assertEquals(1, UNNAMED.versionOf(FILE, json("{\"format\": \"something else\"}")), "no version: legacy");
    }

    @Test
    void anotherFormatIsNamedBesideTheOneExpected() throws IOException {
        assertEquals("not a Loopsmith result sidecar (format is 'loopsmith-dataset', not 'loopsmith-result')",
                refused(LEGACY, "{\"format\": \"loopsmith-dataset\", \"version\": 1}"));
        assertEquals("not a Loopsmith dataset manifest (format is 'loopsmith-result', not 'loopsmith-dataset')",
                refused(STRICT, "{\"format\": \"loopsmith-result\"}"), "the format is the first thing wrong");
        assertEquals("not a Loopsmith result sidecar (format is '1', not 'loopsmith-result')", refused(LEGACY, "{\"format\": 1, \"version\": 1}"));
    }

    @Test
    void aDocumentThatIsNotAnObjectIsNotTheFile() throws IOException {
        assertEquals("not a Loopsmith result sidecar (not a JSON object)", refused(LEGACY, "[]"));
        assertEquals("not a Loopsmith dataset manifest (not a JSON object)", refused(STRICT, "\"loopsmith-dataset\""));
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> LEGACY.versionOf(FILE, MissingNode.getInstance()));
        assertEquals("not a Loopsmith result sidecar (not a JSON object)", e.reason(), "an empty file");
        assertThrows(LoopsmithException.class, () -> LEGACY.versionOf(FILE, null));
    }

    @Test
    void aVersionMustBeAWholeNumber() throws IOException {
        Map<String, String> reasons = Map.of(
                "1.5", "result sidecar version '1.5' is not a whole number",
                "\"2\"", "result sidecar version '2' is not a whole number",
                "true", "result sidecar version 'true' is not a whole number",
                "[1]", "result sidecar version '[1]' is not a whole number");
        for (Map.Entry<String, String> r : reasons.entrySet())
            assertEquals(r.getValue(), refused(LEGACY, "{\"format\": \"loopsmith-result\", \"version\": " + r.getKey() + "}"));
        assertEquals(2, LEGACY.versionOf(FILE, json("{\"format\": \"loopsmith-result\", \"version\": 2.0}")), "2.0 is a whole number");
    }

    @Test
    void aNewerVersionIsNamedWithTheNewestReadableAndWhatToDo() throws IOException {
        assertEquals("result sidecar version 3 is newer than this Loopsmith reads (1 to 2); update Loopsmith",
                refused(LEGACY, "{\"format\": \"loopsmith-result\", \"version\": 3}"));
        assertEquals("run state version 2 is newer than this Loopsmith reads (1 to 1); resume with a newer Loopsmith",
                refused(UNNAMED, "{\"version\": 2}"));
        // 2^32 + 1 would wrap round to 1 as an int.
        assertEquals("result sidecar version 4294967297 is newer than this Loopsmith reads (1 to 2); update Loopsmith",
                refused(LEGACY, "{\"format\": \"loopsmith-result\", \"version\": 4294967297}"));
    }

    @Test
    void versionsStartAtOne() throws IOException {
        assertEquals("result sidecar version 0 does not exist (versions start at 1)",
                refused(LEGACY, "{\"format\": \"loopsmith-result\", \"version\": 0}"));
        assertEquals("dataset manifest version -1 does not exist (versions start at 1)",
                refused(STRICT, "{\"format\": \"loopsmith-dataset\", \"version\": -1}"));
    }

    @Property(tries = 100)
    void everyVersionUpToTheNewestIsRead(@ForAll @IntRange(min = 1, max = 200) int newest) throws IOException {
        TypedJson.Format f = new TypedJson.Format("loopsmith-test", "test file", newest, 0, "update Loopsmith");
        for (int version = 1; version <= newest; version++)
            assertEquals(version, f.versionOf(FILE, json("{\"format\": \"loopsmith-test\", \"version\": " + version + "}")));
    }

    @Property(tries = 200)
    void everyVersionPastTheNewestIsRefusedNamingBoth(@ForAll @IntRange(min = 1, max = 1000) int newest,
                                                      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long above) throws IOException {
        long version = newest + above;
        TypedJson.Format f = new TypedJson.Format("loopsmith-test", "test file", newest, 1, "update Loopsmith");
        String reason = refused(f, "{\"format\": \"loopsmith-test\", \"version\": " + version + "}");
        assertEquals("test file version " + version + " is newer than this Loopsmith reads (1 to " + newest + "); update Loopsmith", reason);
    }

    @Test
    void versionedFillsInWhatALegacyFileWasWrittenWithoutAndLeavesTheTreeAsItWas() throws IOException {
        JsonNode old = json("{\"seed\": 7}");
        ObjectNode read = LEGACY.versioned(FILE, old);
        assertEquals(json("{\"seed\": 7, \"format\": \"loopsmith-result\", \"version\": 1}"), read);
        assertEquals(json("{\"seed\": 7}"), old, "a copy: the caller's tree (a checkpoint's state, say) is not changed");
        assertEquals(json("{\"step\": 25, \"version\": 1}"), UNNAMED.versioned(FILE, json("{\"step\": 25}")), "no format it does not carry");
        assertEquals(json("{\"format\": \"loopsmith-result\", \"version\": 2}"),
                LEGACY.versioned(FILE, json("{\"format\": \"loopsmith-result\", \"version\": 2.0}")), "as the whole number read");
    }

    @Test
    void aFormatIsCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new TypedJson.Format("x", "x file", 0, 0, "update Loopsmith"));
        assertThrows(IllegalArgumentException.class, () -> new TypedJson.Format("x", "x file", 2, 3, "update Loopsmith"));
        assertThrows(IllegalArgumentException.class, () -> new TypedJson.Format("x", "x file", 2, -1, "update Loopsmith"));
        assertThrows(NullPointerException.class, () -> new TypedJson.Format("x", null, 2, 1, "update Loopsmith"));
        assertNull(new TypedJson.Format(null, "run state", 1, 1, "update Loopsmith").name(), "a file may carry no format");
    }
}
