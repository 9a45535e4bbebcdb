package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.UnitTest;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dataset.json: what ingest writes reads back equal, every version ever written reads, and bad files are named. */
@UnitTest
class DatasetManifestTest {
    /** As the first ingest wrote it: no data folder (the data sat beside it) and no transcribe_audio setting yet. */
    static final String VERSION_1 = """
            {
              "format" : "loopsmith-dataset",
              "version" : 1,
              "dtype" : "uint16le",
              "vocabulary" : "vocabulary.json",
              "vocabulary_size" : 1315,
              "index" : "index.jsonl",
              "splits" : {
                "train" : { "files" : 2, "segments" : 2, "tokens" : 213, "shards" : [ "train-000.bin" ] },
                "validation" : { "files" : 1, "segments" : 1, "tokens" : 88, "shards" : [ "validation-000.bin" ] }
              },
              "library" : "/home/me/Music/MIDI",
              "config" : {
                "window_bars" : 8, "hop_bars" : 4, "min_notes" : 8, "validation_fraction" : 0.1, "seed" : 1337,
                "clean" : { "grid_steps_per_quarter" : 24, "quantize_strength" : 1.0, "detect_swing" : true,
                            "keep_pickup" : false, "merge_duplicate_roles" : false, "transpose_to" : null }
              }
            }
            """;

    /** As ingest writes it today. */
    static final String VERSION_2 = """
            {
              "format" : "loopsmith-dataset",
              "version" : 2,
              "dtype" : "uint16le",
              "vocabulary" : "vocabulary.json",
              "vocabulary_size" : 1315,
              "index" : "index.jsonl",
              "splits" : {
                "train" : { "files" : 2, "segments" : 2, "tokens" : 213, "shards" : [ "train-000.bin" ] },
                "validation" : { "files" : 1, "segments" : 1, "tokens" : 88, "shards" : [ "validation-000.bin" ] }
              },
              "library" : "/home/me/Music/MIDI",
              "config" : {
                "window_bars" : 8, "hop_bars" : 4, "min_notes" : 8, "validation_fraction" : 0.1, "seed" : 1337,
                "transcribe_audio" : true,
                "clean" : { "grid_steps_per_quarter" : 24, "quantize_strength" : 1.0, "detect_swing" : true,
                            "keep_pickup" : false, "merge_duplicate_roles" : false, "transpose_to" : "A minor" }
              },
              "data" : "data-mx5yxqgg191m6x"
            }
            """;

    @TempDir
    Path dir;

    private DatasetManifest read(String json) throws IOException {
        Files.writeString(dir.resolve(DatasetFormat.MANIFEST), json);
        return DatasetManifest.read(dir);
    }

    private LoopsmithException refused(String json) throws IOException {
        Files.writeString(dir.resolve(DatasetFormat.MANIFEST), json);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> DatasetManifest.read(dir));
        assertEquals(dir.resolve(DatasetFormat.MANIFEST), e.file(), "the error names the manifest");
        return e;
    }

    @Test
    void readsVersion1WithItsDataBesideTheManifest() throws IOException {
        DatasetManifest m = read(VERSION_1);
        assertEquals(1, m.version());
        assertNull(m.data());
        assertEquals(dir, m.dataFolder(dir));
        assertFalse(m.config().transcribeAudio(), "the first datasets never transcribed audio");
        assertEquals(1315, m.vocabularySize());
        assertEquals(List.of(DatasetFormat.TRAIN, DatasetFormat.VALIDATION), List.copyOf(m.splits().keySet()));
        assertEquals(new IngestReport.Split(1, 1, 88, List.of("validation-000.bin")), m.splits().get(DatasetFormat.VALIDATION));
    }

    @Test
    void readsVersion2WithItsDataFolder() throws IOException {
        DatasetManifest m = read(VERSION_2);
        assertEquals(2, m.version());
        assertEquals(dir.resolve("data-mx5yxqgg191m6x"), m.dataFolder(dir));
        assertTrue(m.config().transcribeAudio());
        assertEquals("A minor", m.config().clean().transposeTo());
        assertEquals(1337, m.config().seed());
        assertEquals(0.1, m.config().validationFraction());
    }

    @Test
    void toleratesFieldsItDoesNotKnow() throws IOException {
        DatasetManifest m = read(VERSION_2.replace("\"dtype\"", "\"made_by\" : \"a script\", \"dtype\""));
        assertEquals(read(VERSION_2), m);
    }

    @Test
    void refusesANewerVersionNamingIt() throws IOException {
        LoopsmithException e = refused(VERSION_2.replace("\"version\" : 2", "\"version\" : 3"));
        assertTrue(e.reason().contains("version 3") && e.reason().contains("1 to " + DatasetFormat.VERSION), e.reason());
    }

    @Test
    void refusesAnotherFormat() throws IOException {
        LoopsmithException e = refused(VERSION_2.replace("\"loopsmith-dataset\"", "\"loopsmith-groove\""));
        assertTrue(e.reason().contains("not a Loopsmith dataset manifest") && e.reason().contains("loopsmith-groove"), e.reason());
    }

    @Test
    void aMissingRequiredFieldIsNamedNotReadAsZero() throws IOException {
        assertEquals("missing required field 'vocabulary_size'", refused(VERSION_2.replace("\"vocabulary_size\" : 1315,", "")).reason());
        assertEquals("missing required field 'config.clean.keep_pickup'",
                refused(VERSION_2.replace("\"keep_pickup\" : false,", "")).reason());
        assertEquals("missing required field 'version'", refused(VERSION_2.replace("\"version\" : 2,", "")).reason());
        assertEquals("missing required field 'format'", refused(VERSION_2.replace("\"format\" : \"loopsmith-dataset\",", "")).reason());
        assertEquals("field 'vocabulary_size' is null",
                refused(VERSION_2.replace("\"vocabulary_size\" : 1315", "\"vocabulary_size\" : null")).reason());
        assertEquals("missing required field 'config'", refused(VERSION_2.replace("\"config\" :", "\"settings\" :")).reason());
    }

    @Test
    void version2MustNameItsDataFolderAndOnlyOneIngestWrites() throws IOException {
        assertTrue(refused(VERSION_2.replace(",\n  \"data\" : \"data-mx5yxqgg191m6x\"", "")).reason()
                .startsWith("missing required field 'data'"));
        assertTrue(refused(VERSION_2.replace("data-mx5yxqgg191m6x", "../../etc")).reason().contains("not one ingest writes"));
    }

    @Test
    void aFolderWithoutManifestIsNotADataset() {
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> DatasetManifest.read(dir));
        assertEquals(dir, e.file());
        assertTrue(e.reason().contains("not a Loopsmith dataset"), e.reason());
    }

    @Test
    void brokenJsonIsSaidToBeSo() throws IOException {
        assertTrue(refused(VERSION_2.substring(0, 200)).reason().startsWith("not valid JSON"));
    }

    @Property(tries = 200)
    void readInvertsWrite(@ForAll("manifests") DatasetManifest m) throws IOException {
        Path folder = Files.createTempDirectory("loopsmith-manifest");
        try {
            m.write(folder);
            assertEquals(m, DatasetManifest.read(folder));
        } finally {
            Folders.deleteTree(folder);
        }
    }

    @Provide
    Arbitrary<DatasetManifest> manifests() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\n', '\t').ofMaxLength(30);
        Arbitrary<IngestReport.Split> split = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.integers().between(1, 3)).as((files, segments, tokens, shards) -> new IngestReport.Split(files, segments,
                tokens, java.util.stream.IntStream.range(0, shards).mapToObj(i -> DatasetFormat.shardName("train", i)).toList()));
        Arbitrary<Map<String, IngestReport.Split>> splits = Combinators.combine(split, split).as((train, validation) -> {
            Map<String, IngestReport.Split> m = new LinkedHashMap<>();
            m.put(DatasetFormat.TRAIN, train);
            m.put(DatasetFormat.VALIDATION, validation);
            return m;
        });
        Arbitrary<DatasetManifest.Clean> clean = Combinators.combine(Arbitraries.integers().between(1, 96),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of("A minor", "Eb major").injectNull(0.5))
                .as(DatasetManifest.Clean::new);
        Arbitrary<DatasetManifest.Config> config = Combinators.combine(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, 64), Arbitraries.integers().between(0, 100), Arbitraries.doubles().between(0, 0.99),
                Arbitraries.longs(), Arbitraries.of(true, false), clean).as(DatasetManifest.Config::new);
        Arbitrary<String> data = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(40)
                .map(s -> DatasetFormat.DATA_PREFIX + s);
        Arbitrary<Integer> version = Arbitraries.integers().between(1, DatasetFormat.VERSION);
        return Combinators.combine(version, Arbitraries.integers().between(1, 70_000), splits, text, config, data)
                .as((v, size, s, library, c, d) -> new DatasetManifest(DatasetFormat.FORMAT, v, DatasetFormat.DTYPE,
                        DatasetFormat.VOCABULARY, size, DatasetFormat.INDEX, s, library, c, v == 1 ? null : d));
    }
}
