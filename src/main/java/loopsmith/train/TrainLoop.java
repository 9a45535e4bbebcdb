package loopsmith.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.dataset.DatasetReader;
import loopsmith.format.TypedJson;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.ModelFile;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * {@code loopsmith train}: fits a {@link Gpt} to a dataset. AdamW with warm-up and cosine decay, gradient clipping
 * and accumulation, on-the-fly augmentation and tag dropout, validation every {@code evalEvery} steps with early
 * stopping, best and last checkpoints written atomically with optimizer state, and exact resume: a batch depends
 * only on (seed, step), dropout is seeded per step, so a resumed run computes what the uninterrupted one would have.
 *
 * <pre>
 * RUN/checkpoints/last.ckpt, best.ckpt   weights + optimizer moments + run state + vocabulary
 * RUN/metrics.jsonl                      one line per step (loss, lr, tokens/s) and per evaluation
 * RUN/loss.png                           train and validation loss
 * RUN/samples/epoch-NNN.mid              what the model makes after each epoch (written by the caller's hook)
 * RUN/train-config.json                  the settings of the run
 * </pre>
 */
public final class TrainLoop {
    public static final String METRICS = "metrics.jsonl";
    public static final String LOSS_PNG = "loss.png";
    public static final String SAMPLES = "samples";
    public static final String CONFIG = "train-config.json";

    /** What a caller sees of a run. All methods are optional. */
    public interface Listener {
        default void started(int firstStep, int maxSteps, long parameters, int trainSegments) { }

        /** Where a run with source weights draws its segments from; not called when they are drawn uniformly. */
        default void drawing(List<SourceDraw> sources) { }

        default void stepped(int step, double loss, double lr, double tokensPerSecond) { }

        default void evaluated(int step, double validationLoss, boolean best) { }

        /**
         * After each epoch and at the end of the run: the model as it is now, for sample generations into
         * {@code samplesDir}; {@code label} names them ("epoch-003", "final-step-500").
         */
        default void samples(String label, Gpt model, Vocabulary vocabulary, Path samplesDir) { }

        default void finished(TrainResult result) { }

        /** A checkpoint was written, whole, at {@code step}: best.ckpt before last.ckpt whenever both are. */
        default void saved(Path checkpoint, int step) { }

        /** Something was repaired or dropped on the way (a torn metrics line after a crash). */
        default void warned(String message) { }
    }

    private TrainLoop() {}

    /**
     * A source weight that names no source or source/style of the dataset's training segments. Thrown before the run
     * writes anything, for a caller that knows where the weights came from (a recipe) to say so.
     */
    public static final class SourceWeightsException extends LoopsmithException {
        SourceWeightsException(String problem) {
            super(null, problem);
        }
    }

    /**
     * Where a run picks up: the model, and for a resume the optimizer tensors and saved state.
     *
     * @param inheritedTags tags a fine-tuned model's base was trained on, or a resumed run's: it has seen them too
     */
    private record Start(Gpt model, Vocabulary vocabulary, Map<String, float[]> optimizer, Optional<RunState> state,
                         List<String> inheritedTags) { }

    public static TrainResult run(Path datasetDir, Path runDir, TrainConfig config, boolean resume, Optional<Path> init,
                                  Listener listener) {
        DatasetReader dataset = DatasetReader.open(datasetDir);
        Device device = device(config);
        Path checkpoints = runDir.resolve(ModelFile.RUN_CHECKPOINTS);
        Path last = checkpoints.resolve(ModelFile.LAST);
        if (!resume && Files.exists(last))
            throw new LoopsmithException(runDir, "run folder already has checkpoints; use --resume to continue it, or another folder");
        if (resume && !Files.exists(last)) throw new LoopsmithException(runDir, "nothing to resume: no " + ModelFile.LAST);

        Start start = resume ? resumeFrom(last, dataset, device)
                : init.map(p -> fineTuneFrom(p, dataset, device))
                .orElseGet(() -> new Start(Gpt.create(Gpt.Config.preset(config.preset(), dataset.vocabulary().size()), config.seed(), device),
                        dataset.vocabulary(), Map.of(), Optional.empty(), List.of()));
        try (Gpt model = start.model(); NDManager batchManager = NDManager.newBaseManager(device)) {
            return train(dataset, runDir, config, start, model, batchManager, listener);
        } catch (IOException e) {
            throw new LoopsmithException(runDir, "cannot write run files: " + e.getMessage(), e);
        }
    }

    private static Device device(TrainConfig config) {
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException e) {
            // The build carries libtorch only where DJL publishes it (pom.xml's libtorch profiles); elsewhere this is
            // the first place training notices, and generation never needs it.
            throw new LoopsmithException(null, "training needs libtorch, and this build has none for "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (DJL publishes libtorch "
                    + "2.5.1 for Linux x86-64, macOS arm64 and Windows x86-64); generate, serve and the other commands "
                    + "work without it: " + e.getMessage(), e);
        }
        if (config.device().equals("cpu")) return Device.cpu();
        if (engine.getGpuCount() == 0)
            throw new LoopsmithException(null, "--device cuda: no CUDA GPU visible to the engine (this build carries the "
                    + "CPU libtorch; build with 'mvn -Dgpu package' on a CUDA machine)");
        return Device.gpu();
    }

    private static Start resumeFrom(Path last, DatasetReader dataset, Device device) {
        ModelFile m = ModelFile.load(last);
        if (!m.vocabulary().equals(dataset.vocabulary()))
            throw new LoopsmithException(last, "the run was trained on another vocabulary than this dataset's");
        RunState state = RunState.of(m);
        return new Start(m.open(device), m.vocabulary(), m.contents().tensors(), Optional.of(state),
                state.seenTags() == null ? List.of() : state.seenTags());
    }

    /**
     * Starts from another model for fine-tuning. The grids and bins of both vocabularies must agree; tag tokens may
     * differ (a personal library brings its own genres), and embedding rows are carried over token by token, new
     * tokens starting from a small random row.
     */
    private static Start fineTuneFrom(Path from, DatasetReader dataset, Device device) {
        ModelFile m = ModelFile.load(from);
        Vocabulary old = m.vocabulary();
        Vocabulary fresh = dataset.vocabulary();
        if (!old.config().withoutTags().equals(fresh.config().withoutTags()))
            throw new LoopsmithException(from, "vocabulary incompatible with the dataset: the tokenizer grid or bins differ ("
                    + old.size() + " vs " + fresh.size() + " tokens); re-ingest with the model's settings");
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (String name : Gpt.layout(m.config()).keySet()) weights.put(name, m.contents().tensors().get(name));
        int dim = m.config().embedDim();
        float[] oldWte = weights.get("wte");
        float[] wte = new float[fresh.size() * dim];
        java.util.Random rnd = new java.util.Random(fresh.size());
        for (int id = 0; id < fresh.size(); id++) {
            Token t = fresh.token(id);
            if (old.contains(t)) System.arraycopy(oldWte, old.id(t) * dim, wte, id * dim, dim);
            else for (int j = 0; j < dim; j++) wte[id * dim + j] = (float) (rnd.nextGaussian() * 0.02);
        }
        weights.put("wte", wte);
        Gpt.Config c = m.config();
        Gpt.Config config = new Gpt.Config(fresh.size(), c.contextTokens(), c.layers(), c.heads(), c.embedDim(), c.dropout());
        return new Start(Gpt.fromWeights(config, weights, device), fresh, Map.of(), Optional.empty(),
                m.seenTags().map(List::copyOf).orElse(List.of()));
    }

    private static TrainResult train(DatasetReader dataset, Path runDir, TrainConfig config, Start start, Gpt model,
                                     NDManager batchManager, Listener listener) throws IOException {
        Vocabulary vocabulary = start.vocabulary();
        // Before anything is written: a weight naming nothing stops the run here, leaving the run folder as it was.
        Batches batches = new Batches(dataset, new Augmenter(vocabulary, config), model.config().contextTokens(), config);
        Files.createDirectories(runDir.resolve(ModelFile.RUN_CHECKPOINTS));
        Files.createDirectories(runDir.resolve(SAMPLES));
        TypedJson.PRETTY.writeValue(runDir.resolve(CONFIG).toFile(), config);
        vocabulary.save(runDir.resolve("vocabulary.json"));

        TrainingHeaders headers = TrainingHeaders.read(dataset);
        List<String> seenTags = seenTags(headers, start.inheritedTags());
        List<loopsmith.model.PlayedInstrument> played = headers.played();
        AdamW optimizer = new AdamW(model, config.weightDecay(), config.freezeLayers());
        List<Batches.Batch> validation = batches.validation();
        LrSchedule schedule = new LrSchedule(config.learningRate(), config.minLearningRate(), config.warmupSteps(), config.maxSteps());
        int stepsPerEpoch = Math.max(1, (int) Math.ceil((double) batches.trainSegments() / config.effectiveBatch()));

        RunState s = start.state().orElse(null);
        int step = s == null ? 0 : s.step();
        int epoch = s == null ? 0 : s.epoch();
        double best = s == null || s.bestValidationLoss() == null ? Double.POSITIVE_INFINITY : s.bestValidationLoss();
        int bestStep = s == null ? 0 : s.bestStep();
        int badEvals = s == null ? 0 : s.evaluationsWithoutImprovement();
        double priorSeconds = s == null ? 0 : s.seconds();
        // When warm-up ended, in the run's minutes: the time-shaped decay counts from there (kept across --resume).
        double warmupEndMinutes = s == null || s.warmupEndMinutes() == null ? Double.NaN : s.warmupEndMinutes();
        // Runs from before it was recorded: the best guess is that warm-up ended where they were last saved.
        if (s != null && Double.isNaN(warmupEndMinutes) && step >= config.warmupSteps()) warmupEndMinutes = priorSeconds / 60;
        if (s != null) optimizer.restore(s.adamSteps(), start.optimizer());

        Path metrics = runDir.resolve(METRICS);
        List<double[]> trainCurve = new ArrayList<>();
        List<double[]> validationCurve = new ArrayList<>();
        rewindMetrics(metrics, step, trainCurve, validationCurve, listener);
        int orphans = AtomicFiles.deleteOrphans(runDir.resolve(ModelFile.RUN_CHECKPOINTS)) + AtomicFiles.deleteOrphans(runDir);
        if (orphans > 0) listener.warned("removed " + orphans + " temp file(s) a killed run left in " + runDir);

        listener.started(step + 1, config.maxSteps(), model.config().parameterCount(), batches.trainSegments());
        List<SourceDraw> draws = batches.draws();
        if (!draws.isEmpty()) listener.drawing(draws);
        long t0 = System.nanoTime();
        double lastLoss = Double.NaN;
        String stop = "max steps";
        long tokensSeen = 0;
        // The step the checkpoints on disk were saved at (a resumed run's are its starting point).
        int savedStep = s == null ? -1 : step;
        while (step < config.maxSteps()) {
            double elapsedMinutes = (priorSeconds + (System.nanoTime() - t0) / 1e9) / 60;
            if (config.maxMinutes() > 0 && elapsedMinutes >= config.maxMinutes()) {
                stop = "time budget";
                break;
            }
            step++;
            long stepStart = System.nanoTime();
            if (step == config.warmupSteps() + 1 && Double.isNaN(warmupEndMinutes)) warmupEndMinutes = elapsedMinutes;
            double lr = schedule.at(step, LrSchedule.timeProgress(elapsedMinutes, warmupEndMinutes, config.maxMinutes()));
            Engine.getInstance().setRandomSeed((int) (config.seed() * 31 + step)); // dropout masks, per step
            List<Batches.Batch> micro = new ArrayList<>(config.accumulation());
            for (int i = 0; i < config.accumulation(); i++) micro.add(batches.train(step, i));
            long realTokens = micro.stream().mapToLong(Batches.Batch::realTokens).sum();
            lastLoss = Stepper.step(model, optimizer, batchManager, micro, lr, config.gradClip());
            tokensSeen += realTokens;
            double stepSeconds = (System.nanoTime() - stepStart) / 1e9;
            double tokensPerSecond = realTokens / stepSeconds;
            trainCurve.add(new double[] {step, lastLoss});
            MetricLine.training(step, epoch, round(lastLoss), lr, Math.round(tokensPerSecond)).appendTo(metrics);
            listener.stepped(step, lastLoss, lr, tokensPerSecond);
            if (!Double.isFinite(lastLoss)) throw new LoopsmithException(runDir, "training diverged at step " + step + " (loss " + lastLoss + ")");

            boolean epochDone = step % stepsPerEpoch == 0;
            if (epochDone) epoch++;
            boolean evalNow = step % config.evalEvery() == 0 || step == config.maxSteps();
            if (evalNow) {
                double val = evaluate(model, batchManager, validation);
                boolean improved = Double.isNaN(val) || val < best - 1e-4;
                if (improved && !Double.isNaN(val)) {
                    best = val;
                    bestStep = step;
                    badEvals = 0;
                } else if (!Double.isNaN(val)) {
                    badEvals++;
                }
                if (!Double.isNaN(val)) {
                    validationCurve.add(new double[] {step, val});
                    MetricLine.evaluation(step, epoch, round(val), Math.round(ProcessMemory.residentMb())).appendTo(metrics);
                }
                double seconds = priorSeconds + (System.nanoTime() - t0) / 1e9;
                RunState state = new RunState(RunState.VERSION, step, epoch, best, bestStep, badEvals, seconds,
                        optimizer.steps(), config, seenTags, warmupEndMinutes, played);
                saveCheckpoints(runDir, model, vocabulary, optimizer, state, improved, listener);
                savedStep = step;
                LossCurve.draw(runDir.resolve(LOSS_PNG), trainCurve, validationCurve);
                listener.evaluated(step, val, improved);
                if (config.patience() > 0 && badEvals >= config.patience()) {
                    stop = "early stopping";
                    break;
                }
            }
            if (epochDone) listener.samples(String.format(java.util.Locale.ROOT, "epoch-%03d", epoch), model, vocabulary, runDir.resolve(SAMPLES));
        }
        double seconds = priorSeconds + (System.nanoTime() - t0) / 1e9;
        // An evaluation at the last step (the last of all, or the one that stopped the run early) saved it already.
        if (savedStep != step) {
            RunState state = new RunState(RunState.VERSION, step, epoch, best, bestStep, badEvals, seconds,
                    optimizer.steps(), config, seenTags, warmupEndMinutes, played);
            boolean noBest = !Files.exists(runDir.resolve(ModelFile.RUN_CHECKPOINTS).resolve(ModelFile.BEST));
            saveCheckpoints(runDir, model, vocabulary, optimizer, state, noBest, listener);
            LossCurve.draw(runDir.resolve(LOSS_PNG), trainCurve, validationCurve);
        }
        listener.samples("final-step-" + step, model, vocabulary, runDir.resolve(SAMPLES));
        double sessionSeconds = (System.nanoTime() - t0) / 1e9;
        TrainResult result = new TrainResult(step, epoch, lastLoss, best, bestStep, stop, round(seconds),
                Math.round(tokensSeen / Math.max(1e-9, sessionSeconds)));
        listener.finished(result);
        return result;
    }

    /** Mean loss per real (non-padding) token over the fixed validation batches; NaN without validation data. */
    static double evaluate(Gpt model, NDManager manager, List<Batches.Batch> batches) {
        double sum = 0;
        long tokens = 0;
        for (Batches.Batch b : batches) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray inputs = manager.create(b.inputs(), new Shape(b.rows(), b.length()));
                NDArray targets = manager.create(b.targets(), new Shape(b.rows(), b.length()));
                sum += model.loss(inputs, targets, Batches.PAD, false).getFloat() * b.realTokens();
                tokens += b.realTokens();
            }
        }
        return tokens == 0 ? Double.NaN : sum / tokens;
    }

    /** The tags the training split's headers carry and the base model's, in order. */
    private static List<String> seenTags(TrainingHeaders headers, List<String> inherited) {
        java.util.TreeSet<String> tags = new java.util.TreeSet<>(inherited);
        tags.addAll(headers.tags());
        return List.copyOf(tags);
    }

    /** best.ckpt (when asked) before last.ckpt: a crash between the two leaves a last.ckpt no newer than the best it names. */
    private static void saveCheckpoints(Path runDir, Gpt model, Vocabulary vocabulary, AdamW optimizer, RunState state,
                                        boolean best, Listener listener) {
        Path checkpoints = runDir.resolve(ModelFile.RUN_CHECKPOINTS);
        if (best) {
            save(checkpoints.resolve(ModelFile.BEST), model, vocabulary, null, state);
            listener.saved(checkpoints.resolve(ModelFile.BEST), state.step());
        }
        save(checkpoints.resolve(ModelFile.LAST), model, vocabulary, optimizer, state);
        listener.saved(checkpoints.resolve(ModelFile.LAST), state.step());
    }

    /** Writes a checkpoint: weights, the vocabulary's config, the run state, and (for last.ckpt) optimizer moments. */
    static void save(Path file, Gpt model, Vocabulary vocabulary, AdamW optimizer, RunState trainState) {
        ObjectNode state = ModelFile.stateWithVocabulary(vocabulary);
        state.set(ModelFile.TRAIN_STATE, trainState.toJson());
        Map<String, float[]> tensors = Checkpoint.weightsOf(model);
        Map<String, long[]> shapes = Checkpoint.shapesOf(model);
        if (optimizer != null) {
            optimizer.state().forEach((name, a) -> {
                tensors.put(name, a.toFloatArray());
                shapes.put(name, a.getShape().getShape());
            });
        }
        Checkpoint.save(file, model.config(), state, tensors, shapes);
    }

    /**
     * On resume, drops metric lines from after the checkpoint (they will be computed again) and reloads the curve.
     * A line that does not parse (the torn end of a killed run's append) is dropped with a warning, so it never
     * blocks a resume. Kept lines are written back as they were read, extra keys and all.
     */
    private static void rewindMetrics(Path metrics, int step, List<double[]> train, List<double[]> validation,
                                      Listener listener) throws IOException {
        if (!Files.exists(metrics)) return;
        List<String> kept = new ArrayList<>();
        List<String> lines = Files.readAllLines(metrics);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            MetricLine m;
            try {
                m = MetricLine.parse(line);
            } catch (StreamReadException e) {
                listener.warned(metrics + " line " + (i + 1) + " is not a complete record (a killed run's last write?); dropped");
                continue;
            } catch (DatabindException e) {
                listener.warned(metrics + " line " + (i + 1) + " is not a metrics record (" + e.getOriginalMessage() + "); dropped");
                continue;
            }
            if (m.step() > step) continue;
            kept.add(line);
            if (m.trainLoss() != null) train.add(new double[] {m.step(), m.trainLoss()});
            if (m.validationLoss() != null) validation.add(new double[] {m.step(), m.validationLoss()});
        }
        AtomicFiles.write(metrics, "metrics", String.join("\n", kept).concat(kept.isEmpty() ? "" : "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
