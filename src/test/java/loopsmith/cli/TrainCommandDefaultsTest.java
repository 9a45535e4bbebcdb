package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import loopsmith.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code train}'s options default to the run's own defaults, and its help quotes the ones that depend on --init. */
@UnitTest
class TrainCommandDefaultsTest {
    @Test
    void optionsDefaultToTheRunsDefaults() {
        TrainCommand c = new TrainCommand();
        new CommandLine(c).parseArgs("--out", "runs/x", "--dataset", "datasets/x");
        TrainConfig d = TrainConfig.defaults();
        assertEquals(d.preset(), c.preset);
        assertEquals(d.batchSize(), c.batch);
        assertEquals(d.accumulation(), c.accumulate);
        assertEquals(d.evalEvery(), c.evalEvery);
        assertEquals(d.patience(), c.patience);
        assertEquals(d.seed(), c.seed);
        assertEquals(d.tagDropout(), c.tagDropout);
        assertEquals(d.maxMinutes(), c.maxMinutes);
        assertEquals(d.freezeLayers(), c.freezeLayers);
        assertEquals(d.device(), c.device);
    }

    @Test
    void helpQuotesStepsAndRatesFromScratchAndFineTuning() {
        String help = new CommandLine(new TrainCommand()).setUsageHelpWidth(200).getUsageMessage();
        assertEquals(TrainConfig.MAX_STEPS, TrainConfig.defaults().maxSteps());
        assertEquals(TrainConfig.FINE_TUNE_MAX_STEPS, TrainConfig.fineTuneDefaults().maxSteps());
        assertEquals(TrainConfig.FINE_TUNE_LEARNING_RATE, TrainConfig.fineTuneDefaults().learningRate());
        assertTrue(help.contains("(default: " + TrainConfig.MAX_STEPS + "; with --init: " + TrainConfig.FINE_TUNE_MAX_STEPS + ")"), help);
        assertTrue(help.contains("with --init: " + TrainConfig.FINE_TUNE_LEARNING_RATE), help);
    }
}
