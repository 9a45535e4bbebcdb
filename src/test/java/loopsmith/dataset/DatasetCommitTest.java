package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import loopsmith.UnitTest;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed in the middle of ingest's commit leaves the old dataset readable, and the next ingest tidies up. */
@UnitTest
class DatasetCommitTest {
    @TempDir Path dir;

    private static List<Path> dataFolders(Path dataset) throws Exception {
        try (Stream<Path> s = Files.list(dataset)) {
            return s.filter(p -> p.getFileName().toString().startsWith(DatasetFormat.DATA_PREFIX)).toList();
        }
    }

    /** Every segment's tokens, so a missing or short shard fails here. */
    private static List<List<Integer>> allTokens(DatasetReader d) {
        List<List<Integer>> out = new ArrayList<>();
        for (IndexRow e : d.entries()) out.add(java.util.Arrays.stream(d.tokens(e)).boxed().toList());
        return out;
    }

    @Test
    void aCrashAfterTheNewDataFolderIsMovedInButBeforeItsManifestLeavesTheOldDatasetAndTheNextIngestRemovesIt() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        MidiWriter.write(IngestEndToEndTest.loop(Role.DRUMS, 0, true, 8, 36), lib.resolve("drums.mid"));
        MidiWriter.write(IngestEndToEndTest.loop(Role.BASS, 33, false, 8, 40), lib.resolve("bass.mid"));
        Path ds = dir.resolve("ds");
        Ingest.run(lib, ds, IngestConfig.defaults(), Ingest.Progress.NONE);
        DatasetReader before = DatasetReader.open(ds);
        List<IndexRow> oldRows = before.entries();
        List<List<Integer>> oldTokens = allTokens(before);
        Path oldData = before.manifest().dataFolder(ds);

        // The first half of a later commit, done by hand: a complete new data folder moved in beside the old one,
        // then the process dies before dataset.json names it.
        MidiWriter.write(IngestEndToEndTest.loop(Role.CHORDS, 4, false, 8, 60), lib.resolve("keys.mid"));
        Path elsewhere = dir.resolve("elsewhere");
        Ingest.run(lib, elsewhere, IngestConfig.defaults(), Ingest.Progress.NONE);
        Path staged = DatasetManifest.read(elsewhere).dataFolder(elsewhere);
        Path orphan = ds.resolve(staged.getFileName());
        assertNotEquals(oldData.getFileName(), orphan.getFileName());
        Files.move(staged, orphan);
        assertEquals(2, dataFolders(ds).size());

        DatasetReader after = DatasetReader.open(ds);
        assertEquals(oldData, after.manifest().dataFolder(ds), "the manifest still names the old data");
        assertEquals(oldRows, after.entries());
        assertEquals(oldTokens, allTokens(after));

        Ingest.run(lib, ds, IngestConfig.defaults(), Ingest.Progress.NONE);
        List<Path> left = dataFolders(ds);
        assertEquals(List.of(DatasetManifest.read(ds).dataFolder(ds)), left, "only the committed data folder is left");
        assertFalse(Files.exists(orphan), "the orphan is removed");
        assertFalse(Files.exists(oldData), "the replaced data is removed");
        assertTrue(DatasetReader.open(ds).entries().stream().anyMatch(e -> e.source().equals("keys.mid")));
    }
}
