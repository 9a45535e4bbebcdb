package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import loopsmith.CorpusTest;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LabelReader on the real corpora: every file listed in a source's metadata.csv gets that row's labels, normalized,
 * with no warnings. The CSV is read here independently with commons-csv, by column name.
 */
@CorpusTest
class CorpusLabelsTest {
    /** Groove genres written as one word; everything else in the corpus is already canonical. */
    private static final Map<String, String> GENRE_SPELLINGS = Map.of(
            "hiphop", "hip-hop", "afrocuban", "afro-cuban", "neworleans", "new-orleans", "middleeastern", "middle-eastern");
    /** Nottingham collection names that are plurals of a tune type in the synonym table. */
    private static final Map<String, String> STYLE_SPELLINGS = Map.of("jigs", "jig", "reels", "reel", "waltzes", "waltz");

    static Path corpus() {
        return loopsmith.SharedCorpus.root();
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(in, f)) {
            return p.getRecords();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"groove, 1021", "nottingham, 352", "pop909, 264", "popk-examples, 13"})
    void everyListedFileGetsItsRow(String source, int files) throws IOException {
        Path dir = corpus().resolve(source);
        List<CSVRecord> rows = rows(dir.resolve("metadata.csv"));
        assertEquals(files, rows.size());
        LabelReader reader = new LabelReader(dir);
        for (CSVRecord row : rows) {
            String path = row.get("path");
            Path file = dir.resolve(path);
            assertTrue(Files.isRegularFile(file), path);
            Labels l = reader.labelsFor(file);
            assertEquals(List.of(), l.warnings(), path);
            assertEquals(Optional.of(GENRE_SPELLINGS.getOrDefault(row.get("genre"), row.get("genre"))), l.genre(), path);
            assertEquals(row.get("bpm").isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(row.get("bpm"))),
                    l.bpm(), path);
            assertEquals(row.get("key").isEmpty() ? Optional.empty() : Key.parse(row.get("key")), l.key(), path);
            assertEquals(TimeSignature.parse(row.get("time_signature")), l.timeSignature(), path);
            assertEquals(roles(row.get("roles")), l.roles(), path);
            if (!row.get("style").isEmpty())
                assertEquals(Optional.of(STYLE_SPELLINGS.getOrDefault(row.get("style"), row.get("style"))), l.style(), path);
            assertEquals(Optional.empty(), l.mood(), path);
            assertEquals(Map.of("source", source, "bars", row.get("bars"), "licence", row.get("licence")), l.freeTags(), path);
            String origin = "metadata.csv line " + (row.getRecordNumber() + 1);
            assertTrue(l.history(Label.GENRE).stream().anyMatch(x -> x.source() == LabelSource.CSV && x.origin().equals(origin)),
                    path + ": " + l.provenance());
        }
    }

    /** The Groove layout in the file names alone agrees with the CSV for every file. */
    @Test
    void grooveFileNamesAloneGiveGenreTempoAndMeter() throws IOException {
        List<CSVRecord> rows = rows(corpus().resolve("groove/metadata.csv"));
        for (CSVRecord row : rows) {
            String name = Path.of(row.get("path")).getFileName().toString();
            Labels l = Labels.merge(FileNameHints.of(name).labels(), FileNameHints.of(name).warnings());
            assertEquals(List.of(), l.warnings(), name);
            assertEquals(Optional.of(GENRE_SPELLINGS.getOrDefault(row.get("genre"), row.get("genre"))), l.genre(), name);
            assertEquals(OptionalDouble.of(Double.parseDouble(row.get("bpm"))), l.bpm(), name);
            assertEquals(TimeSignature.parse(row.get("time_signature")), l.timeSignature(), name);
            assertEquals(Set.of(Role.DRUMS), l.roles(), name);
            String expectedStyle = row.get("style").isEmpty() ? (name.contains("_fill_") ? "fill" : "beat") : row.get("style");
            assertEquals(Optional.of(expectedStyle), l.style(), name);
        }
    }

    /**
     * File and folder names in the other corpora ("ashover11", "002/002", "popk_dataset_000451") give no tempo, key,
     * genre, meter or role; the only label they may give is a Nottingham tune type ("jigs1" → jig), and then the
     * CSV agrees.
     */
    @Test
    void idNumbersInOtherCorporaAreNotTempos() throws IOException {
        int styled = 0;
        for (String source : List.of("nottingham", "pop909", "popk-examples")) {
            Path dir = corpus().resolve(source);
            for (CSVRecord row : rows(dir.resolve("metadata.csv"))) {
                Path rel = Path.of(row.get("path"));
                Findings f = FileNameHints.of(rel.getFileName().toString())
                        .plus(FolderHints.of(rel.getParent() == null ? Path.of("") : rel.getParent()));
                for (Label l : f.labels()) {
                    assertEquals(Label.STYLE, l.field(), rel + ": " + l);
                    assertEquals(STYLE_SPELLINGS.get(row.get("style")), l.value(), rel.toString());
                    styled++;
                }
            }
        }
        assertEquals(126 + 16, styled, "jigs and waltzes files (reels files are named reelsa-c1 and so on)");
    }

    @Test
    void readingTheWholeCorpusFromItsRootUsesTheNestedCsvs() throws IOException {
        LabelReader reader = new LabelReader(corpus());
        try (Stream<Path> s = Files.list(corpus().resolve("groove/drummer1/session1"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".mid")).sorted().limit(20).toList();
            assertEquals(20, files.size());
            for (Path f : files) {
                Labels l = reader.labelsFor(f);
                assertEquals(List.of(), l.warnings(), f.toString());
                assertTrue(l.history(Label.BPM).stream().anyMatch(x -> x.origin().startsWith("groove/metadata.csv line ")),
                        l.provenance().toString());
            }
        }
    }

    private static Set<Role> roles(String text) {
        return text.isEmpty() ? Set.of()
                : Stream.of(text.split(";")).map(r -> Role.parse(r).orElseThrow()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
