package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loopsmith.UnitTest;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.Ingest;
import loopsmith.dataset.IngestConfig;
import loopsmith.music.LoopsmithException;
import loopsmith.starter.StarterConfig;
import loopsmith.starter.StarterCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference folder's files as a dataset split them, read as the library itself and as a source inside it. */
@UnitTest
class HeldOutSplitTest {
    @TempDir
    static Path work;
    static Path library;
    static Path dataset;

    /** A library of two sources, as a recipe lays one out: starter loops of two seeds in folders of their own. */
    @BeforeAll
    static void ingest() {
        library = work.resolve("library");
        StarterCorpus.write(library.resolve("loops"), new StarterConfig(6, 5, List.of("house", "trap", "rock", "jazz")), n -> { });
        StarterCorpus.write(library.resolve("more"), new StarterConfig(3, 6, List.of("house", "trap", "rock", "jazz")), n -> { });
        dataset = work.resolve("dataset");
        IngestConfig d = IngestConfig.withWindow(4);
        Ingest.run(library, dataset, new IngestConfig(d.windowBars(), d.hopBars(), d.minNotes(), 0.3, d.seed(), 1, d.clean(), d.tokenizer()),
                Ingest.Progress.NONE);
    }

    @Test
    void aSourceFolderGetsItsOwnFilesOnEachSideNamedInsideIt() {
        DatasetReader data = DatasetReader.open(dataset);
        HeldOutSplit split = HeldOutSplit.of(dataset, library.resolve("loops"));
        assertFalse(split.heldOut().isEmpty());
        assertFalse(split.training().isEmpty());
        for (String f : split.heldOut()) {
            assertTrue(Files.isRegularFile(library.resolve("loops").resolve(f)), f + " is named inside the source folder");
            assertTrue(data.sourceFiles(DatasetFormat.VALIDATION).contains("loops/" + f), f);
            assertTrue(split.isHeldOut(f) && !split.isTraining(f), f + " is on one side only");
        }
        for (String f : split.training()) assertTrue(data.sourceFiles(DatasetFormat.TRAIN).contains("loops/" + f), f);
        long loops = data.entries().stream().map(e -> e.source()).filter(s -> s.startsWith("loops/")).distinct().count();
        assertEquals(loops, split.heldOut().size() + split.training().size(), "every ingested file of the source is on a side");
    }

    @Test
    void theLibraryItselfGetsEveryFileTheDatasetHeldOut() {
        DatasetReader data = DatasetReader.open(dataset);
        HeldOutSplit split = HeldOutSplit.of(dataset, library);
        assertEquals(data.sourceFiles(DatasetFormat.VALIDATION), split.heldOut());
        assertEquals(data.sourceFiles(DatasetFormat.TRAIN), split.training());
        Set<String> both = new HashSet<>(split.heldOut());
        both.retainAll(split.training());
        assertTrue(both.isEmpty(), "no file on both sides: " + both);
    }

    @Test
    void aFolderTheDatasetNeverReadOrNoDatasetIsRefusedByName() throws Exception {
        Path elsewhere = work.resolve("elsewhere");
        StarterCorpus.write(elsewhere, new StarterConfig(1, 9, List.of("house")), n -> { });
        LoopsmithException none = assertThrows(LoopsmithException.class, () -> HeldOutSplit.of(dataset, elsewhere));
        assertTrue(none.getMessage().contains("held out none"), none.getMessage());
        Path notADataset = Files.createDirectories(work.resolve("empty"));
        LoopsmithException not = assertThrows(LoopsmithException.class, () -> HeldOutSplit.of(notADataset, library));
        assertTrue(not.getMessage().contains("not a Loopsmith dataset"), not.getMessage());
    }
}
