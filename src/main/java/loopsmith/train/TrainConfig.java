package loopsmith.train;

/**
 * Everything that shapes a training run. Defaults in {@link #defaults()}, the test-sized run in {@link #tiny()}.
 *
 * @param preset            model size: tiny, small (CPU default) or base (GPU)
 * @param batchSize         sequences per micro-batch
 * @param accumulation      micro-batches per optimizer step (effective batch = batchSize × accumulation)
 * @param learningRate      peak learning rate, reached after {@code warmupSteps} of linear warm-up
 * @param minLearningRate   where the cosine decay ends, at {@code maxSteps}
 * @param maxMinutes        wall-clock budget; 0 = none. The run stops cleanly, with a checkpoint, when it is spent
 * @param weightDecay       AdamW decay on matrices and embeddings (never on LayerNorm gains or biases)
 * @param gradClip          global gradient-norm clip
 * @param evalEvery         steps between validation, checkpoints and loss-curve updates
 * @param evalBatches       validation batches per evaluation (fixed, so losses are comparable)
 * @param patience          evaluations without improvement before early stopping; 0 = never stop early
 * @param tagDropout        chance that each optional tag (genre, style, mood, key) is left out of a sequence, so
 *                          the model also works from partial tags
 * @param transposeSemitones pitched tracks move by up to this many semitones either way (drums never)
 * @param tempoJitterBins   the TEMPO tag moves by up to this many bins either way
 * @param velocityJitter    shift all velocities of a sequence by one level up or down at random
 * @param freezeLayers      fine-tuning: embeddings and the lowest N blocks keep their weights
 * @param device            "cpu" or "cuda"
 * @param threads           CPU threads for the engine
 * @param sourceWeights     how often each source is drawn, by the first folder of a segment's file ("groove",
 *                          "pop909", "starter"): a source of weight 2 gives twice the sequences of one of weight 1,
 *                          however many segments each has, so no one source swamps the others; "source/style" ("groove/fill")
 *                          draws that style's segments of the source as a source of their own. Empty: every
 *                          segment equally likely; a source the map leaves out has weight 1, and a
 *                          key that names no source or source/style of the data is refused when the run starts
 */
public record TrainConfig(String preset, int batchSize, int accumulation, double learningRate, double minLearningRate,
                          int warmupSteps, int maxSteps, double maxMinutes, double weightDecay, double gradClip,
                          int evalEvery, int evalBatches, int patience, long seed, double tagDropout,
                          int transposeSemitones, int tempoJitterBins, boolean velocityJitter, int freezeLayers,
                          String device, int threads, java.util.Map<String, Double> sourceWeights) {
    /** Steps and peak learning rate of a run from scratch, and of a fine-tune (named: the CLI's help quotes them). */
    public static final int MAX_STEPS = 5000;
    public static final int FINE_TUNE_MAX_STEPS = 1000;
    public static final double LEARNING_RATE = 6e-4;
    public static final double FINE_TUNE_LEARNING_RATE = 2e-4;

    public TrainConfig {
        sourceWeights = sourceWeights == null ? java.util.Map.of() : java.util.Map.copyOf(sourceWeights);
        for (var w : sourceWeights.entrySet())
            if (!(w.getValue() >= 0)) throw new IllegalArgumentException("weight of source " + w.getKey() + " must be >= 0");
        if (batchSize < 1 || accumulation < 1) throw new IllegalArgumentException("batchSize and accumulation must be >= 1");
        if (!(learningRate > 0) || minLearningRate < 0) throw new IllegalArgumentException("learning rates must be positive");
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1");
        if (evalEvery < 1 || evalBatches < 1) throw new IllegalArgumentException("evalEvery and evalBatches must be >= 1");
        if (tagDropout < 0 || tagDropout > 1) throw new IllegalArgumentException("tagDropout must be 0..1");
        if (transposeSemitones < 0 || transposeSemitones > 12) throw new IllegalArgumentException("transposeSemitones must be 0..12");
        if (!device.equals("cpu") && !device.equals("cuda")) throw new IllegalArgumentException("device must be cpu or cuda");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
    }

    public static TrainConfig defaults() {
        // 8 sequences × 2 micro-batches: the effective batch of 16, with half the activation memory (attention
        // scores at 512 tokens dominate it), which keeps the small preset under 4 GiB resident.
        return new TrainConfig("small", 8, 2, LEARNING_RATE, LEARNING_RATE / 10, 100, MAX_STEPS, 0, 0.1, 1.0, 200, 8, 5, 1337, 0.15, 5, 2, false,
                0, "cpu", Math.max(1, Runtime.getRuntime().availableProcessors()), java.util.Map.of());
    }

    /**
     * Fine-tuning from a trained model: a lower peak learning rate and a short warm-up, so the first steps do not
     * undo what it knows, and fewer steps.
     */
    public static TrainConfig fineTuneDefaults() {
        TrainConfig d = defaults();
        return new TrainConfig(d.preset, d.batchSize, d.accumulation, FINE_TUNE_LEARNING_RATE, FINE_TUNE_LEARNING_RATE / 10, 20,
                FINE_TUNE_MAX_STEPS, d.maxMinutes, d.weightDecay,
                d.gradClip, d.evalEvery, d.evalBatches, d.patience, d.seed, d.tagDropout, d.transposeSemitones,
                d.tempoJitterBins, d.velocityJitter, d.freezeLayers, d.device, d.threads, d.sourceWeights);
    }

    /** Seconds-long runs for tests. */
    public static TrainConfig tiny() {
        return new TrainConfig("tiny", 4, 1, 3e-3, 3e-4, 10, 100, 0, 0.1, 1.0, 25, 2, 0, 1337, 0.15, 5, 2, false,
                0, "cpu", Math.max(1, Runtime.getRuntime().availableProcessors()), java.util.Map.of());
    }

    public int effectiveBatch() {
        return batchSize * accumulation;
    }

    public TrainConfig withSourceWeights(java.util.Map<String, Double> weights) {
        return new TrainConfig(preset, batchSize, accumulation, learningRate, minLearningRate, warmupSteps, maxSteps,
                maxMinutes, weightDecay, gradClip, evalEvery, evalBatches, patience, seed, tagDropout, transposeSemitones,
                tempoJitterBins, velocityJitter, freezeLayers, device, threads, weights);
    }

    public TrainConfig withMaxSteps(int steps) {
        return new TrainConfig(preset, batchSize, accumulation, learningRate, minLearningRate, warmupSteps, steps,
                maxMinutes, weightDecay, gradClip, evalEvery, evalBatches, patience, seed, tagDropout, transposeSemitones,
                tempoJitterBins, velocityJitter, freezeLayers, device, threads, sourceWeights);
    }
}
