package loopsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a model asks to be sampled: absent in the bundled model, written by learn, read from the header alone. */
@UnitTest
class ModelSamplingTest {
    @Test
    void theBundledModelAsksForNothing() {
        assertEquals(Optional.empty(), ModelFile.samplingOf(CheckpointTest.BUNDLED));
    }

    @Test
    void aMarkedModelReadsItsSamplingBackAndKeepsWhatItLearned(@TempDir Path dir) {
        Path marked = dir.resolve("mine.ckpt");
        ModelFile.writeWithSampling(CheckpointTest.BUNDLED, marked, ModelSampling.LEARNED);
        assertEquals(Optional.of(ModelSampling.LEARNED), ModelFile.samplingOf(marked));
        ModelFile before = ModelFile.load(CheckpointTest.BUNDLED);
        ModelFile after = ModelFile.load(marked);
        assertEquals(Optional.of(ModelSampling.LEARNED), after.sampling());
        assertEquals(before.seenTags(), after.seenTags());
        assertEquals(before.vocabulary().size(), after.vocabulary().size());
        assertEquals(before.contents().state().path(ModelFile.TRAIN_STATE), after.contents().state().path(ModelFile.TRAIN_STATE));
        assertEquals(0.0, Checkpoint.header(marked).state().path(ModelFile.SAMPLING).path("min_p").asDouble(-1));
        assertTrue(Checkpoint.header(marked).state().path(ModelFile.SAMPLING).path("harmony").isMissingNode(),
                "left to generate's default, not frozen at today's");
    }

    @Test
    void aRunFolderAnswersWithItsBestCheckpoint(@TempDir Path dir) throws Exception {
        Path best = Files.createDirectories(dir.resolve("run").resolve(ModelFile.RUN_CHECKPOINTS)).resolve(ModelFile.BEST);
        ModelFile.writeWithSampling(CheckpointTest.BUNDLED, best, new ModelSampling(0.05, 1.0));
        assertEquals(Optional.of(new ModelSampling(0.05, 1.0)), ModelFile.samplingOf(dir.resolve("run")));
    }

    @Test
    void aDamagedEntryIsNamedWithItsFile(@TempDir Path dir) {
        ObjectNode state = Checkpoint.header(CheckpointTest.BUNDLED).state().deepCopy();
        state.putObject(ModelFile.SAMPLING).put("min_p", 2.0);
        Path bad = dir.resolve("bad.ckpt");
        Checkpoint.withState(CheckpointTest.BUNDLED, bad, old -> state);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> ModelFile.samplingOf(bad));
        assertTrue(e.getMessage().contains("bad.ckpt") && e.getMessage().contains("min_p"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelSampling(null, 11.0));
    }
}
