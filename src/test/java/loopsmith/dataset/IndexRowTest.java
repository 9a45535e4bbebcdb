package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.jsonl: rows read back equal, rows from before {@code origin} existed read as MIDI, and bad rows are named. */
@UnitTest
class IndexRowTest {
    /** As ingest writes a row today. */
    static final String ROW = "{\"split\":\"train\",\"shard\":\"train-000.bin\",\"offset\":107,\"length\":88,"
            + "\"source\":\"House/Basslines/deep_124bpm_Am.mid\",\"start_bar\":4,\"bars\":8,\"genre\":\"house\",\"style\":\"deep\","
            + "\"mood\":null,\"bpm\":124.0,\"key\":\"A minor\",\"time_signature\":\"4/4\",\"roles\":[\"bass\"],\"swing\":null,"
            + "\"hash\":\"ab87e40eb813c951\",\"origin\":\"midi\"}";

    @TempDir
    Path dir;

    private List<IndexRow> read(String... lines) throws IOException {
        Path file = dir.resolve(DatasetFormat.INDEX);
        Files.write(file, List.of(lines));
        return IndexRow.read(file);
    }

    private LoopsmithException refused(String... lines) throws IOException {
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> read(lines));
        assertEquals(dir.resolve(DatasetFormat.INDEX), e.file(), "the error names the index");
        return e;
    }

    @Test
    void readsARowAsIngestWritesIt() throws IOException {
        IndexRow r = read(ROW).get(0);
        assertEquals(new IndexRow(DatasetFormat.TRAIN, "train-000.bin", 107, 88, "House/Basslines/deep_124bpm_Am.mid", 4, 8, "house",
                "deep", null, 124.0, "A minor", "4/4", List.of("bass"), null, "ab87e40eb813c951", DatasetFormat.ORIGIN_MIDI), r);
    }

    @Test
    void aRowFromBeforeOriginExistedIsMidiAndUnknownFieldsAreTolerated() throws IOException {
        List<IndexRow> rows = read(ROW.replace(",\"origin\":\"midi\"", ""), "", ROW.replace("\"mood\":null", "\"mood\":null,\"extra\":[1]"));
        assertEquals(2, rows.size(), "blank lines are skipped");
        assertEquals(DatasetFormat.ORIGIN_MIDI, rows.get(0).origin());
        assertEquals(rows.get(0), rows.get(1));
    }

    @Test
    void aMissingRequiredFieldIsNamedWithItsLine() throws IOException {
        assertEquals("line 2: missing required field 'shard'", refused(ROW, ROW.replace("\"shard\":\"train-000.bin\",", "")).reason());
        assertEquals("line 1: missing required field 'length'", refused(ROW.replace("\"length\":88,", "")).reason());
        assertEquals("line 1: field 'offset' is null", refused(ROW.replace("\"offset\":107", "\"offset\":null")).reason());
        assertEquals("line 1: missing required field 'source'", refused(ROW.replace("\"House/Basslines/deep_124bpm_Am.mid\"", "null")).reason());
    }

    @Test
    void aShardNameCannotLeaveTheDataFolder() throws IOException {
        assertTrue(refused(ROW.replace("\"train-000.bin\"", "\"../../x.bin\"")).reason().contains("not a shard name"));
    }

    @Property(tries = 200)
    void readInvertsWrite(@ForAll @Size(max = 5) List<@From("rows") IndexRow> rows) throws IOException {
        Path file = Files.createTempFile("loopsmith-index", ".jsonl");
        try {
            try (IndexRow.Writer w = new IndexRow.Writer(file)) {
                for (IndexRow r : rows) w.append(r);
            }
            assertEquals(rows, IndexRow.read(file));
            assertEquals(rows.size(), Files.readAllLines(file).size(), "one line a row, whatever the strings hold");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Where(String split, String shard, long offset, int length, String source, long startBar, int bars) { }

    private record Tags(String genre, String style, String mood, double bpm, String key, String timeSignature, List<String> roles,
                        Double swing) { }

    @Provide
    Arbitrary<IndexRow> rows() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\n', '\t', '"', '\\').ofMaxLength(30);
        Arbitrary<String> split = Arbitraries.of(DatasetFormat.TRAIN, DatasetFormat.VALIDATION);
        Arbitrary<Where> where = Combinators.combine(split, Arbitraries.integers().between(0, 999), Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.integers().greaterOrEqual(0), text, Arbitraries.longs().greaterOrEqual(0), Arbitraries.integers().between(1, 64))
                .as((s, shard, offset, length, source, startBar, bars) ->
                        new Where(s, DatasetFormat.shardName(s, shard), offset, length, source, startBar, bars));
        Arbitrary<Tags> tags = Combinators.combine(text.injectNull(0.3), text.injectNull(0.3), text.injectNull(0.3), Arbitraries.doubles(),
                text.injectNull(0.3), Arbitraries.of("4/4", "3/4", "7/8").injectNull(0.1),
                Arbitraries.of("drums", "bass", "chords", "melody").list().ofMaxSize(4), Arbitraries.doubles().between(0.5, 0.8).injectNull(0.5))
                .as(Tags::new);
        Arbitrary<String> hash = Arbitraries.longs().map(Long::toHexString);
        return Combinators.combine(where, tags, hash, Arbitraries.of(DatasetFormat.ORIGIN_MIDI, DatasetFormat.ORIGIN_AUDIO))
                .as((w, t, h, origin) -> new IndexRow(w.split(), w.shard(), w.offset(), w.length(), w.source(), w.startBar(), w.bars(),
                        t.genre(), t.style(), t.mood(), t.bpm(), t.key(), t.timeSignature(), t.roles(), t.swing(), h, origin));
    }
}
