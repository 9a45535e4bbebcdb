package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loopsmith.UnitTest;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidecars of all three formats in a small library: precedence, provenance and warnings. */
@UnitTest
class LabelReaderTest {
    @TempDir
    Path root;

    private LabelReader reader;

    @BeforeEach
    void library() throws IOException {
        write("labels.yaml", """
                genre: pop
                mood: happy
                tags:
                  producer: me
                  year: 2024
                """);
        write("House/labels.json", """
                {"genre": "deep house", "bpm": 122, "time_signature": "4/4"}
                """);
        write("House/metadata.csv", """
                path,genre,bpm,key,roles,producer,licence
                Bass_120bpm_Fm.mid,techno,124,Am,drums;bass,Alice,CC0
                b.mid,zydeco,fast,H#,chords|pad,,
                c.mid,house,128,Gm,bass,x,y,EXTRA
                sub/d.mid,,130,,,,
                """);
        write("House/Bass_120bpm_Fm.mid.json", """
                {"bpm": "126 bpm", "roles": ["bass", "sub"], "tags": {"rating": 5}}
                """);
        write("House/sub/labels.yml", "genre: [unclosed\n  mood: : :\n");
        write("House/e.yaml", "mood: sad\nstyle: Neo Trad\n");
        write("House/e.mid.json", "{\"mood\": \"dark\", \"roles\": \"keys, lead | fx\"}");
        for (String f : List.of("House/Bass_120bpm_Fm.mid", "House/b.mid", "House/c.mid", "House/sub/d.mid", "House/e.mid"))
            write(f, "MThd");
        reader = new LabelReader(root);
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void laterSourcesWinAndEveryStepIsRecorded() {
        Labels l = reader.labelsFor(root.resolve("House/Bass_120bpm_Fm.mid"));
        assertEquals(List.of(), l.warnings());
        assertEquals(OptionalDouble.of(126), l.bpm());
        assertEquals("bpm 120 from file name, overridden by 122 from House/labels.json, overridden by 124 from "
                + "House/metadata.csv line 2, overridden by 126 from House/Bass_120bpm_Fm.mid.json", l.explain(Label.BPM));
        assertEquals(List.of(LabelSource.FILE_NAME, LabelSource.FOLDER_SIDECAR, LabelSource.CSV, LabelSource.FILE_SIDECAR),
                l.history(Label.BPM).stream().map(Label::source).toList());
        // folder name "House" < root labels.yaml "pop" < House/labels.json "deep house" < CSV "techno"
        assertEquals(List.of("house", "pop", "house", "techno"), l.history(Label.GENRE).stream().map(Label::value).toList());
        assertEquals(Optional.of("techno"), l.genre());
        assertEquals(Optional.of("deep"), l.style());
        assertEquals(Optional.of("happy"), l.mood());
        assertEquals(Key.parse("A minor"), l.key());
        assertEquals("key F minor from file name, overridden by A minor from House/metadata.csv line 2", l.explain(Label.KEY));
        assertEquals(Optional.of(TimeSignature.FOUR_FOUR), l.timeSignature());
        assertEquals(EnumSet.of(Role.BASS), l.roles());
        assertEquals(Map.of("producer", "Alice", "licence", "CC0", "rating", "5", "year", "2024"), l.freeTags());
        // The provenance is in merge order: sources never go backwards.
        for (int i = 1; i < l.provenance().size(); i++)
            assertTrue(l.provenance().get(i - 1).source().compareTo(l.provenance().get(i).source()) <= 0, l.provenance().toString());
    }

    @Test
    void unknownValuesAreKeptOrDroppedWithWarnings() {
        Labels l = reader.labelsFor(root.resolve("House/b.mid"));
        assertEquals(Optional.of("zydeco"), l.genre());
        assertEquals(OptionalDouble.of(122), l.bpm(), "an unusable CSV bpm does not erase the folder sidecar's");
        assertEquals(Optional.empty(), l.key());
        assertEquals(EnumSet.of(Role.CHORDS, Role.PAD), l.roles());
        assertEquals(List.of(
                "House/metadata.csv line 3: unknown genre 'zydeco' kept as is",
                "House/metadata.csv line 3: bpm 'fast' dropped: not a number",
                "House/metadata.csv line 3: key 'H#' dropped: not a key"), l.warnings());
    }

    @Test
    void aRowWithTooManyCellsIsIgnoredWithAWarning() {
        Labels l = reader.labelsFor(root.resolve("House/c.mid"));
        assertEquals(Optional.of("house"), l.genre());
        assertEquals(OptionalDouble.of(122), l.bpm());
        assertEquals(List.of("House/metadata.csv line 4: 8 cells but 7 columns; row ignored"), l.warnings());
        assertTrue(l.provenance().stream().noneMatch(x -> x.source() == LabelSource.CSV));
    }

    @Test
    void malformedYamlWarnsAndOtherSourcesStillApply() {
        Labels l = reader.labelsFor(root.resolve("House/sub/d.mid"));
        assertEquals(1, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).startsWith("House/sub/labels.yml: malformed YAML: "), l.warnings().get(0));
        assertEquals(OptionalDouble.of(130), l.bpm(), "CSV path sub/d.mid is relative to the CSV's folder");
        assertEquals("bpm 122 from House/labels.json, overridden by 130 from House/metadata.csv line 5", l.explain(Label.BPM));
        assertEquals(Optional.of("house"), l.genre());
        assertEquals(Optional.of("happy"), l.mood());
    }

    @Test
    void fullNameSidecarWinsOverStemSidecar() {
        Labels l = reader.labelsFor(root.resolve("House/e.mid"));
        assertEquals(Optional.of("dark"), l.mood());
        assertEquals(List.of("happy", "sad", "dark"), l.history(Label.MOOD).stream().map(Label::value).toList());
        assertEquals(Optional.of("neo-trad"), l.style());
        assertEquals(EnumSet.of(Role.CHORDS, Role.MELODY, Role.FX), l.roles());
        assertEquals(List.of(), l.warnings());
    }

    @Test
    void relativePathsResolveAgainstTheRoot() {
        assertEquals(reader.labelsFor(root.resolve("House/e.mid")), reader.labelsFor(Path.of("House", "e.mid")));
    }

    @Test
    void aFileOutsideTheRootIsRefusedWithItsName() {
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> reader.labelsFor(root.resolve("../elsewhere.mid")));
        assertTrue(e.reason().contains("not a file under the library root"), e.getMessage());
    }

    @Test
    void brokenCsvQuotingKeepsEarlierRowsAndWarnsForTheRest() throws IOException {
        write("Lib/labels.csv", "path,bpm\nok.mid,100\n\"bad.mid,101\nlater.mid,102\n");
        LabelReader r = new LabelReader(root.resolve("Lib"));
        Labels ok = r.labelsFor(Path.of("ok.mid"));
        assertEquals(OptionalDouble.of(100), ok.bpm());
        assertEquals(1, ok.warnings().size());
        assertTrue(ok.warnings().get(0).startsWith("labels.csv: malformed CSV after line 2"), ok.warnings().get(0));
        Labels later = r.labelsFor(Path.of("later.mid"));
        assertEquals(OptionalDouble.empty(), later.bpm());
        assertEquals(ok.warnings(), later.warnings());
    }

    @Test
    void csvWithoutPathColumnIsIgnoredWithAWarning() throws IOException {
        write("NoPath/metadata.csv", "file name,bpm\nx.mid,100\n");
        Labels l = new LabelReader(root.resolve("NoPath")).labelsFor(Path.of("x.mid"));
        assertEquals(OptionalDouble.empty(), l.bpm());
        assertEquals(1, l.warnings().size());
        assertTrue(l.warnings().get(0).startsWith("metadata.csv: no 'path' column"), l.warnings().get(0));
    }

    @Test
    void malformedJsonAndUnsafeYamlGiveWarningsNotExceptions() throws IOException {
        write("Odd/Trap_140_lead.json", "{\"bpm\": 150,,}");
        write("Odd/Trap_140_lead.mid.yaml", "!!java.io.File [\"/etc/passwd\"]\n");
        write("Odd/list.yaml", "- genre: pop\n");
        Labels l = new LabelReader(root.resolve("Odd")).labelsFor(Path.of("Trap_140_lead.mid"));
        assertEquals(2, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).startsWith("Trap_140_lead.json: malformed JSON: "), l.warnings().get(0));
        assertTrue(l.warnings().get(1).startsWith("Trap_140_lead.mid.yaml: malformed YAML: "), l.warnings().get(1));
        assertEquals(OptionalDouble.of(140), l.bpm(), "the file name still applies");
        assertEquals(Optional.of("trap"), l.genre());
        Labels list = new LabelReader(root.resolve("Odd")).labelsFor(Path.of("list.mid"));
        assertEquals(List.of("list.yaml: expected an object of labels at the top, found a list"), list.warnings());
    }

    @Test
    void yamlScalarsAndListsOfAllKinds() throws IOException {
        write("Y/x.yml", """
                bpm: 98.5
                key: F#m
                time_signature: 6-8
                roles: [drums, 808, riser, kazoo]
                genre: Hip Hop
                Time Signature: 12/8
                recorded: 2024-05-01
                """);
        Labels l = new LabelReader(root.resolve("Y")).labelsFor(Path.of("x.mid"));
        assertEquals(OptionalDouble.of(98.5), l.bpm());
        assertEquals(Key.parse("F# minor"), l.key());
        assertEquals(Optional.of(new TimeSignature(12, 8)), l.timeSignature(), "the later spelling of the field wins");
        assertEquals(EnumSet.of(Role.DRUMS, Role.BASS, Role.FX), l.roles());
        assertEquals(Optional.of("hip-hop"), l.genre());
        assertEquals(Map.of("recorded", "2024-05-01T00:00:00Z"), l.freeTags());
        assertEquals(List.of("x.yml: role 'kazoo' dropped: not a known role"), l.warnings());
    }

    @Test
    void twoThreadsGetTheSameLabelsAsOne() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String rel = "T/" + (i % 7) + "/loop_" + i + "_house_12" + (i % 10) + ".mid";
            write(rel, "MThd");
            files.add(Path.of(rel));
        }
        write("T/metadata.csv", "path,genre\n3/loop_3_house_123.mid,techno\n");
        List<Labels> expected = files.stream().map(new LabelReader(root)::labelsFor).toList();
        LabelReader shared = new LabelReader(root);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Labels>> got = new ArrayList<>();
            for (Path f : files) got.add(pool.submit(() -> shared.labelsFor(f)));
            for (int i = 0; i < files.size(); i++) assertEquals(expected.get(i), got.get(i).get());
        } finally {
            pool.shutdown();
        }
        assertEquals(Optional.of("techno"), expected.get(3).genre());
        assertEquals(OptionalDouble.of(123), expected.get(3).bpm());
    }

    @Test
    void noneHasNothing() {
        assertTrue(Labels.NONE.isEmpty());
        assertEquals(Labels.NONE, Labels.merge(List.of(), List.of()));
        assertEquals("", Labels.NONE.explain(Label.BPM));
    }
}
