package loopsmith.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.Ingest;
import loopsmith.dataset.IngestConfig;
import loopsmith.dataset.IngestReport;
import loopsmith.eval.Evaluation;
import loopsmith.eval.ReferenceSet;
import loopsmith.eval.StyleMatch;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.LoopsmithException;
import loopsmith.train.TrainConfig;
import loopsmith.train.TrainLoop;
import loopsmith.train.TrainResult;

/**
 * A producer's style in minutes: ingest their folder, fine-tune a base model on it for a fixed number of minutes (the
 * learning rate decays over exactly those minutes), keep the best checkpoint as the model (marked to be sampled without
 * the min-p cut, {@link loopsmith.model.ModelSampling#LEARNED}), and measure how close its pieces come to the library's
 * held-out files against the library's own ceiling, beside the base model's score.
 */
public final class LearnService {
    /**
     * @param library  the producer's folder of MIDI files (labels as ingest reads them)
     * @param out      the model file to write
     * @param base     the model fine-tuned from, or empty to train from scratch (the bench's comparison)
     * @param work     where the dataset and the run go
     * @param minutes  training time
     * @param pieces   pieces generated for the style measure (per model)
     * @param bars     bars per measured piece
     * @param preset   model size when training from scratch
     * @param measureBase whether the base model is measured too (a bench running several budgets measures it once)
     */
    public record Options(Path library, Path out, Optional<Path> base, Path work, double minutes, int pieces, int bars,
                          long seed, String preset, int threads, boolean measureBase) {
        public Options {
            if (!(minutes > 0)) throw new IllegalArgumentException("minutes must be more than 0, was " + minutes);
            if (pieces < 1) throw new IllegalArgumentException("pieces must be >= 1");
        }

        public Options(Path library, Path out, Optional<Path> base, Path work, double minutes, int pieces, int bars, long seed,
                       String preset, int threads) {
            this(library, out, base, work, minutes, pieces, bars, seed, preset, threads, true);
        }
    }

    /** What a learn run hears about, for progress bars. */
    public interface Progress {
        default Ingest.Progress ingest() { return Ingest.Progress.NONE; }
        default TrainLoop.Listener training() { return new TrainLoop.Listener() { }; }
        default Evaluation.Progress evaluation(String what) { return Evaluation.Progress.NONE; }
    }

    /**
     * @param match     the learned model against the held-out files
     * @param baseMatch the base model against them (empty when trained from scratch or not measured)
     */
    public record Result(Path model, IngestReport ingest, TrainResult training, StyleMatch match, Optional<StyleMatch> baseMatch) { }

    /**
     * Training windows read for the ceiling, and the pieces measured per model by default: as many on each side, so a
     * model is read against the ceiling with kernel estimates of the same sample size, and a few dozen pieces would
     * move from seed to seed more than the differences the figure is read for.
     */
    public static final int CEILING_WINDOWS = 200;

    private LearnService() {}

    /**
     * The recipe for small libraries: from a base the same peak rate as from scratch (a small library is the whole
     * point, and a gentler rate left the fine-tune nearer the base's style than the library's), a short warm-up,
     * frequent checkpoints, and the best of them kept.
     */
    static TrainConfig config(Options o) {
        TrainConfig d = TrainConfig.defaults();
        boolean fineTune = o.base().isPresent();
        double lr = d.learningRate();
        return new TrainConfig(o.preset(), 8, 1, lr, d.minLearningRate(), fineTune ? 20 : 50, 1_000_000, o.minutes(), d.weightDecay(),
                d.gradClip(), 25, 4, 0, o.seed(), d.tagDropout(), d.transposeSemitones(), d.tempoJitterBins(), false, 0, "cpu",
                o.threads(), java.util.Map.of());
    }

    public static Result run(Options o, Progress progress) {
        if (!Files.isDirectory(o.library())) throw new LoopsmithException(o.library(), "not a folder");
        o.base().ifPresent(b -> { if (!Files.isRegularFile(b)) throw new LoopsmithException(b, "base model not found"); });
        Path dataset = o.work().resolve("dataset");
        Path run = o.work().resolve("run");
        IngestReport ingest = Ingest.run(o.library(), dataset, IngestConfig.withWindow(8), progress.ingest());
        DatasetReader data = DatasetReader.open(dataset);
        Set<String> heldOutFiles = data.sourceFiles(DatasetFormat.VALIDATION);
        Set<String> trainingFiles = data.sourceFiles(DatasetFormat.TRAIN);
        if (heldOutFiles.isEmpty() || trainingFiles.isEmpty())
            throw new LoopsmithException(o.library(), "too few usable files to hold some out (" + trainingFiles.size() + " training, "
                    + heldOutFiles.size() + " held out); a library of 20 or more MIDI files is needed");
        // A run folder from an earlier learn: a new run starts from the base again, not from where that one stopped.
        loopsmith.music.Folders.deleteTree(run);
        TrainResult training = TrainLoop.run(dataset, run, config(o), false, o.base(), progress.training());
        Path best = run.resolve(loopsmith.model.ModelFile.RUN_CHECKPOINTS).resolve(loopsmith.model.ModelFile.BEST);
        // Marked to be sampled without the min-p cut: the model is the library's, and its rare notes are the library's style.
        loopsmith.model.ModelFile.writeWithSampling(best, o.out(), loopsmith.model.ModelSampling.LEARNED);

        List<ReferenceSet.Item> heldOut = ReferenceSet.read(o.library(), o.bars(), 0, o.seed(), heldOutFiles::contains).items();
        List<ReferenceSet.Item> trainingItems = ReferenceSet.read(o.library(), o.bars(), CEILING_WINDOWS, o.seed(), trainingFiles::contains).items();
        // Each model sampled as generate would sample it.
        StyleMatch match = StyleMatch.measure(o.out(), o.library(), heldOut, trainingItems, o.pieces(), o.bars(), o.seed(),
                sampling(o.out()), progress.evaluation("learned model"));
        Optional<StyleMatch> baseMatch = o.base().filter(b -> o.measureBase()).map(b -> StyleMatch.measure(b, o.library(), heldOut, trainingItems, o.pieces(),
                o.bars(), o.seed(), sampling(b), progress.evaluation("base model")));
        return new Result(o.out(), ingest, training, match, baseMatch);
    }

    private static SamplingConfig sampling(Path model) {
        return SamplingConfig.defaultsFor(loopsmith.model.ModelFile.samplingOf(model));
    }
}
