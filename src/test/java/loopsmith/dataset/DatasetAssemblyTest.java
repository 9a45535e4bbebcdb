package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import loopsmith.UnitTest;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest's assembly stage on hand-made cached results: what lands in the shards and index, and what is dropped. */
@UnitTest
class DatasetAssemblyTest {
    @TempDir Path dir;

    private static final List<String> KICK = List.of("ROLE=drums", "INST=DRUMS", "DENS=1", "BAR_START", "POS=0", "HIT=36:95", "PIECE_END");
    private static final List<String> KICK_SNARE = List.of("ROLE=drums", "INST=DRUMS", "DENS=1", "BAR_START", "POS=0", "HIT=36:95",
            "POS=24", "HIT=38:95", "PIECE_END");
    private static final List<String> BASS = List.of("ROLE=bass", "INST=33", "DENS=0", "POLY=0", "BAR_START", "POS=0", "VEL=95",
            "NOTE_ON=40", "DUR=24", "PIECE_END");
    private static final List<String> CHORD = List.of("ROLE=chords", "INST=4", "DENS=0", "POLY=1", "BAR_START", "POS=0", "VEL=95",
            "NOTE_ON=60", "DUR=24", "NOTE_ON=64", "DUR=24", "PIECE_END");

    /** A window: the header tags, then the music from the first ROLE on. */
    private static FileResult.SegmentTokens window(long startBar, String genre, List<String> music) {
        List<String> tokens = new ArrayList<>(List.of("PIECE_START", "GENRE=" + Token.Tag.normalize(genre), "TEMPO=120", "TIMESIG=4/4"));
        tokens.addAll(music);
        return new FileResult.SegmentTokens(startBar, 1, List.of(music.get(0).substring("ROLE=".length())), tokens);
    }

    private static FileResult ingested(String path, String genre, String style, String mood, List<FileResult.SegmentTokens> segments) {
        return new FileResult(path, FileResult.INGESTED, "", List.of(), false, genre, style, mood, 120, "label", null, null, null, 0,
                "4/4", List.of(), null, 0, 0, 0, 0, 0, Map.of(), segments);
    }

    /** As ProcessedLibrary hands a file on: segments in the cache under a key, the summary without them. */
    private static ProcessedLibrary.Summary cached(IngestCache cache, FileResult full) {
        String key = Integer.toHexString(full.path().hashCode());
        cache.put(key, full);
        FileResult bare = ingested(full.path(), full.genre(), full.style(), full.mood(), List.of());
        return new ProcessedLibrary.Summary(bare, key, false, full.segments().size(), false);
    }

    @Test
    void writesUniqueWindowsInPathOrderWithAValidationFileAndCountsThatMatchTheIndex() throws Exception {
        IngestCache cache = new IngestCache(dir.resolve("cache"));
        List<ProcessedLibrary.Summary> summaries = List.of(
                cached(cache, ingested("a/drums.mid", "house", null, null, List.of(window(0, "house", KICK), window(4, "house", KICK_SNARE)))),
                // Its first window is a/drums.mid's first with another genre: the same music, so it must not be trained on twice.
                cached(cache, ingested("b/bass.mid", "techno", null, null, List.of(window(0, "techno", KICK), window(0, "techno", BASS)))),
                new ProcessedLibrary.Summary(FileResult.skipped("c/broken.mid", "no note events", List.of()), null, false, 0, false),
                cached(cache, ingested("d/keys.mid", "Deep House", null, null, List.of(window(8, "Deep House", CHORD)))));
        // A fraction no draw falls below, so the one validation file comes from the fallback, not from luck.
        IngestConfig d = IngestConfig.defaults();
        IngestConfig config = new IngestConfig(d.windowBars(), d.hopBars(), d.minNotes(), 1e-12, d.seed(), 1, d.clean(), d.tokenizer());
        Vocabulary vocabulary = DatasetAssembly.vocabulary(config.tokenizer(), summaries);
        Path staging = Files.createDirectories(dir.resolve("staging"));

        DatasetAssembly a = DatasetAssembly.write(summaries, vocabulary, cache, staging, config);

        assertEquals(4, a.kept());
        assertEquals(1, a.duplicates(), "b/bass.mid's drum window repeats a/drums.mid's under another genre");
        assertEquals(0, a.keptFromAudio());
        List<IndexRow> rows = IndexRow.read(staging.resolve(DatasetFormat.INDEX));
        assertEquals(List.of("a/drums.mid", "a/drums.mid", "b/bass.mid", "d/keys.mid"), rows.stream().map(IndexRow::source).toList(),
                "path order; the skipped file has no rows");
        assertEquals(List.of(List.of("drums"), List.of("drums"), List.of("bass"), List.of("chords")),
                rows.stream().map(IndexRow::roles).toList(), "the first copy is the one kept");
        assertEquals(List.of(0L, 4L, 0L, 8L), rows.stream().map(IndexRow::startBar).toList());
        assertEquals("techno", rows.get(2).genre(), "a row carries its own file's tags");

        // The split is the file with the lowest draw among the ingested ones, never the skipped one.
        SplitAssigner splitter = new SplitAssigner(config.seed(), config.validationFraction());
        String validationFile = List.of("a/drums.mid", "b/bass.mid", "d/keys.mid").stream()
                .min(Comparator.comparingDouble(splitter::draw)).orElseThrow();
        for (IndexRow r : rows)
            assertEquals(r.source().equals(validationFile) ? DatasetFormat.VALIDATION : DatasetFormat.TRAIN, r.split(), r.source());

        assertEquals(List.of(DatasetFormat.TRAIN, DatasetFormat.VALIDATION), List.copyOf(a.splits().keySet()));
        for (String split : List.of(DatasetFormat.TRAIN, DatasetFormat.VALIDATION)) {
            List<IndexRow> in = rows.stream().filter(r -> r.split().equals(split)).toList();
            IngestReport.Split s = a.splits().get(split);
            assertEquals(in.stream().map(IndexRow::source).distinct().count(), s.files(), split);
            assertEquals(in.size(), s.segments(), split);
            assertEquals(in.stream().mapToLong(IndexRow::length).sum(), s.tokens(), split);
            assertEquals(List.of(DatasetFormat.shardName(split, 0)), s.shards(), split);
        }
        assertEquals(1, a.splits().get(DatasetFormat.VALIDATION).files());
        assertEquals(2, a.splits().get(DatasetFormat.TRAIN).files());

        // Every row points at exactly its window's tokens, the library's own genre tag included (not UNK).
        List<List<String>> expected = List.of(window(0, "house", KICK).tokens(), window(4, "house", KICK_SNARE).tokens(),
                window(0, "techno", BASS).tokens(), window(8, "Deep House", CHORD).tokens());
        for (int i = 0; i < rows.size(); i++) assertEquals(expected.get(i), tokensAt(staging, vocabulary, rows.get(i)), rows.get(i).source());
    }

    @Test
    void theValidationFileIsOneThatKeepsAWindowAfterDeduplication() throws Exception {
        IngestConfig d = IngestConfig.defaults();
        IngestConfig config = new IngestConfig(d.windowBars(), d.hopBars(), d.minNotes(), 1e-12, d.seed(), 1, d.clean(), d.tokenizer());
        SplitAssigner splitter = new SplitAssigner(config.seed(), config.validationFraction());
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < 6; i++) paths.add("lib/f" + i + ".mid");
        // The file the fallback would pick (the lowest draw) repeats the one window of a file before it in path order,
        // so after deduplication it has none.
        String copy = paths.stream().min(Comparator.comparingDouble(splitter::draw)).orElseThrow();
        int k = 0;
        while (splitter.draw("lib/a" + k + ".mid") <= splitter.draw(copy)) k++;
        paths.add(0, "lib/a" + k + ".mid");
        List<List<String>> music = List.of(KICK, KICK_SNARE, BASS, CHORD, List.of("ROLE=drums", "INST=DRUMS", "DENS=1", "BAR_START",
                "POS=12", "HIT=42:70", "PIECE_END"), List.of("ROLE=bass", "INST=33", "DENS=0", "POLY=0", "BAR_START", "POS=0", "VEL=90",
                "NOTE_ON=45", "DUR=12", "PIECE_END"));
        IngestCache cache = new IngestCache(dir.resolve("cache"));
        List<ProcessedLibrary.Summary> summaries = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++)
            summaries.add(cached(cache, ingested(paths.get(i), "house", null, null,
                    List.of(window(0, "house", paths.get(i).equals(copy) ? KICK : music.get(i))))));
        Path staging = Files.createDirectories(dir.resolve("staging"));

        DatasetAssembly a = DatasetAssembly.write(summaries, DatasetAssembly.vocabulary(config.tokenizer(), summaries), cache, staging, config);

        assertEquals(1, a.duplicates());
        assertEquals(1, a.splits().get(DatasetFormat.VALIDATION).segments(), "the held-out split is never emptied by deduplication");
        List<IndexRow> rows = IndexRow.read(staging.resolve(DatasetFormat.INDEX));
        assertTrue(rows.stream().noneMatch(r -> r.source().equals(copy)), copy + " keeps no window");
    }

    private static List<String> tokensAt(Path staging, Vocabulary vocabulary, IndexRow row) throws Exception {
        ByteBuffer shard = ByteBuffer.wrap(Files.readAllBytes(staging.resolve(row.shard()))).order(ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.length(); i++)
            out.add(vocabulary.token(Short.toUnsignedInt(shard.getShort((int) (row.offset() + i) * 2))).toString());
        return out;
    }

    @Test
    void theVocabularyAddsTheLibrarysNormalizedTagsAfterTheConfiguredOnes() throws Exception {
        IngestCache cache = new IngestCache(dir.resolve("cache"));
        TokenizerConfig configured = TokenizerConfig.defaults().withTags(List.of("house"), List.of("groove"), List.of());
        List<ProcessedLibrary.Summary> summaries = List.of(
                cached(cache, ingested("a.mid", "Techno", "Four_On The  Floor", null, List.of())),
                cached(cache, ingested("b.mid", " HOUSE ", null, "late night", List.of())),
                cached(cache, ingested("c.mid", "Deep House", "groove", "Dark", List.of())),
                new ProcessedLibrary.Summary(FileResult.skipped("d.mid", "no note events", List.of()), null, false, 0, false));

        Vocabulary v = DatasetAssembly.vocabulary(configured, summaries);

        // Configured tags keep their places (and so their ids); new ones follow in sorted order, each once.
        assertEquals(List.of("house", "deep-house", "techno"), v.config().genres());
        assertEquals(List.of("groove", "four-on-the-floor"), v.config().styles());
        assertEquals(List.of("dark", "late-night"), v.config().moods());
        assertEquals(Vocabulary.of(configured).size() + 5, v.size());
        assertTrue(v.contains(new Token.Tag(Token.TagKind.MOOD, "late-night")));
    }
}
