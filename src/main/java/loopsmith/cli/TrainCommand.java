package loopsmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.generate.EngineException;
import loopsmith.generate.SampleWriter;
import loopsmith.model.Gpt;
import loopsmith.music.LoopsmithException;
import loopsmith.starter.StarterCorpus;
import loopsmith.tokens.Vocabulary;
import loopsmith.train.Recipe;
import loopsmith.train.RecipeData;
import loopsmith.train.TrainConfig;
import loopsmith.train.TrainLoop;
import loopsmith.train.TrainResult;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a model on a dataset (CPU by default; --device cuda on a GPU).",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith train --dataset datasets/mine --out runs/mine",
            "  ./loopsmith train --recipe default --out runs/default          rebuild the bundled model (recipes/default.yaml)",
            "  ./loopsmith train --recipe default --out runs/default --data-only   its dataset alone, for eval --held-out",
            "  ./loopsmith train --dataset datasets/mine --out runs/mine --resume",
            "  ./loopsmith train --dataset datasets/mine --out runs/mine-ft --init models/default.ckpt --freeze-layers 2",
            "  ./loopsmith train --dataset datasets/corpus --out runs/corpus --max-minutes 30"})
final class TrainCommand implements Callable<Integer> {
    /** The options' defaults are the run's: one place says what they are. */
    private static final TrainConfig DEFAULTS = TrainConfig.defaults();

    @Option(names = "--dataset", description = "A dataset folder written by ingest.")
    Path dataset;

    @Option(names = "--recipe", paramLabel = "NAME|FILE", description = "Data and settings from recipes/NAME.yaml (or a YAML file): "
            + "writes the starter corpus and the dataset into RUN, then trains. Options given here override the recipe's.")
    String recipe;

    @Option(names = "--data-only", description = "With --recipe: write the recipe's data (starter corpus, dataset) into RUN and stop, "
            + "to measure a model on the files the dataset held out (eval --held-out RUN/dataset).")
    boolean dataOnly;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "Run folder: checkpoints, metrics, loss curve, samples.")
    Path out;

    @Option(names = "--preset", description = "Model size: tiny, small (CPU), base (GPU) (default: ${DEFAULT-VALUE}).")
    String preset = DEFAULTS.preset();

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--init", paramLabel = "FROM_RUN_OR_MODEL", description = "Fine-tune from this run folder or model file.")
    Path init;

    @Option(names = "--freeze-layers", description = "Fine-tuning: keep embeddings and the lowest N blocks fixed (default: ${DEFAULT-VALUE}).")
    int freezeLayers = DEFAULTS.freezeLayers();

    @Option(names = "--max-steps", description = "Optimizer steps (default: " + TrainConfig.MAX_STEPS + "; with --init: "
            + TrainConfig.FINE_TUNE_MAX_STEPS + ").")
    Integer maxSteps;

    @Option(names = "--max-minutes", description = "Stop cleanly after this many minutes, annealed; 0 = no limit (default: ${DEFAULT-VALUE}).")
    double maxMinutes = DEFAULTS.maxMinutes();

    @Option(names = "--batch", description = "Sequences per micro-batch (default: ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--accumulate", description = "Micro-batches per step (default: ${DEFAULT-VALUE}).")
    int accumulate = DEFAULTS.accumulation();

    @Option(names = "--lr", description = "Peak learning rate (default: " + TrainConfig.LEARNING_RATE + "; with --init: "
            + TrainConfig.FINE_TUNE_LEARNING_RATE + ").")
    Double lr;

    @Option(names = "--eval-every", description = "Steps between validations and checkpoints (default: ${DEFAULT-VALUE}).")
    int evalEvery = DEFAULTS.evalEvery();

    @Option(names = "--patience", description = "Evaluations without improvement before stopping; 0 = never (default: ${DEFAULT-VALUE}).")
    int patience = DEFAULTS.patience();

    @Option(names = "--seed", description = "Seed of initialization, batches and augmentation (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--tag-dropout", description = "Chance to leave out each optional tag (default: ${DEFAULT-VALUE}).")
    double tagDropout = DEFAULTS.tagDropout();

    @Option(names = "--velocity-jitter", description = "Shift velocities of a sequence one level at random.")
    boolean velocityJitter;

    @Option(names = "--device", description = "cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device = DEFAULTS.device();

    @Option(names = "--threads", description = "CPU threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--no-samples", description = "Do not write sample MIDI files after each epoch.")
    boolean noSamples;

    /** The recipe read, if any: its source weights, and the file a weight naming nothing in its data is reported against. */
    private Recipe recipeRead;

    @Override
    public Integer call() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        EngineSetup.configure(t);
        if ((dataset == null) == (recipe == null))
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either --dataset or --recipe");
        if (dataOnly && recipe == null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--data-only needs --recipe");
        if (recipe != null) applyRecipe();
        if (dataOnly) {
            System.out.println(dataset);
            return 0;
        }
        TrainConfig d = init != null ? TrainConfig.fineTuneDefaults() : TrainConfig.defaults();
        double peak = lr != null ? lr : d.learningRate();
        TrainConfig config = new TrainConfig(preset, batch, accumulate, peak, peak * d.minLearningRate() / d.learningRate(), d.warmupSteps(),
                maxSteps != null ? maxSteps : d.maxSteps(), maxMinutes, d.weightDecay(), d.gradClip(),
                evalEvery, d.evalBatches(), patience, seed, tagDropout, d.transposeSemitones(), d.tempoJitterBins(),
                velocityJitter, freezeLayers, device, t, recipeRead == null ? java.util.Map.of() : recipeRead.weights());
        boolean bar = ProgressBars.wanted(false);
        TrainResult r;
        try {
            r = TrainLoop.run(dataset, out, config, resume, Optional.ofNullable(init), new Listener(bar, !noSamples, seed));
        } catch (TrainLoop.SourceWeightsException e) {
            if (recipeRead == null) throw e;
            throw new LoopsmithException(recipeRead.file(), "recipe " + recipeRead.name() + ": " + e.reason());
        }
        System.out.printf(Locale.ROOT, "%s: stopped at step %d (%s); last train loss %.4f, best validation loss %.4f at step %d; "
                        + "%.0f tokens/s, %.1f min%n", out, r.lastStep(), r.stopReason(), r.lastTrainLoss(), r.bestValidationLoss(),
                r.bestStep(), r.tokensPerSecond(), r.seconds() / 60);
        return 0;
    }

    /** The recipe's data step (starter corpus, ingest) into RUN, and its settings wherever no option was given. */
    private void applyRecipe() {
        Path home = Home.path();
        Recipe r = Recipe.load(recipe, home);
        var parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--preset")) preset = r.preset();
        if (maxSteps == null) maxSteps = r.maxSteps();
        if (!parsed.hasMatchedOption("--eval-every")) evalEvery = r.evalEvery();
        if (!parsed.hasMatchedOption("--batch")) batch = r.batch();
        if (!parsed.hasMatchedOption("--accumulate")) accumulate = r.accumulation();
        if (!parsed.hasMatchedOption("--max-minutes")) maxMinutes = r.maxMinutes();
        if (!parsed.hasMatchedOption("--seed")) seed = r.seed();
        if (!parsed.hasMatchedOption("--tag-dropout")) tagDropout = r.tagDropout();
        if (lr == null && r.learningRate().isPresent()) lr = r.learningRate().getAsDouble();
        if (init == null && !resume && !dataOnly && r.init().isPresent()) {
            init = r.init().get();
            if (!Files.exists(init))
                throw new LoopsmithException(r.file(), "recipe " + r.name() + " fine-tunes from " + init + ", which is not there: "
                        + "train that run first (its recipe names it), or give --init");
        }
        System.err.printf(Locale.ROOT, "recipe %s (%s): starter corpus %d per genre, corpora %s, weights %s, %d-bar segments; %s preset, "
                + "batch %d × %d, %d steps%n", r.name(), r.file(), r.starterPerGenre(), r.corpora(), r.weights(), r.bars(), preset, batch, accumulate, maxSteps);
        boolean show = ProgressBars.wanted(false);
        ProgressBar bar = ProgressBars.counting(show && r.starterPerGenre() > 0, "starter corpus",
                (long) r.starterPerGenre() * StarterCorpus.GENRES.size(), " loops");
        try {
            dataset = RecipeData.prepare(r, out, Home.corpus(),
                    n -> { if (bar != null) bar.stepTo(n); }, ProgressBars.ingest(show));
        } finally {
            if (bar != null) bar.close();
        }
        recipeRead = r;
    }

    /** Progress bar with step, loss and tokens/s; sample MIDI files after each epoch. */
    private static final class Listener implements TrainLoop.Listener {
        private final boolean showBar;
        private final boolean writeSamples;
        private final long seed;
        private ProgressBar bar;
        private double validation = Double.NaN;

        Listener(boolean showBar, boolean writeSamples, long seed) {
            this.showBar = showBar;
            this.writeSamples = writeSamples;
            this.seed = seed;
        }

        @Override
        public void started(int firstStep, int maxSteps, long parameters, int trainSegments) {
            System.err.printf(Locale.ROOT, "training %,d parameters on %,d segments, steps %d..%d%n", parameters, trainSegments, firstStep, maxSteps);
            if (!showBar) return;
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(maxSteps).setUnit(" steps", 1).showSpeed()
                    .setSpeedUnit(ChronoUnit.MINUTES).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            bar.stepTo(firstStep - 1L);
        }

        @Override
        public void drawing(java.util.List<loopsmith.train.SourceDraw> sources) {
            System.err.println("drawing " + sources.stream().map(d -> String.format(Locale.ROOT, "%s %.1f%% (%,d segments)",
                    d.source(), 100 * d.share(), d.segments())).collect(java.util.stream.Collectors.joining(", ")));
        }

        @Override
        public void stepped(int step, double loss, double lr, double tokensPerSecond) {
            if (bar == null) return;
            bar.stepTo(step);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f val %.3f %,.0f tok/s", loss, validation, tokensPerSecond));
        }

        @Override
        public void evaluated(int step, double validationLoss, boolean best) {
            validation = validationLoss;
            if (bar == null) System.err.printf(Locale.ROOT, "step %d: validation loss %.4f%s%n", step, validationLoss, best ? " (best)" : "");
        }

        @Override
        public void samples(String label, Gpt model, Vocabulary vocabulary, Path samplesDir) {
            if (!writeSamples) return;
            try {
                SampleWriter.write(model, vocabulary, samplesDir.resolve(label + ".mid"), seed);
            } catch (EngineException e) {
                // A sample is for listening: an engine bug is reported (it is one) but does not cost the run its training.
                warned("sample " + label + " not written: " + e.getMessage());
            }
        }

        @Override
        public void finished(TrainResult result) {
            if (bar != null) bar.close();
        }

        @Override
        public void warned(String message) {
            System.err.println("warning: " + message);
        }
    }
}
