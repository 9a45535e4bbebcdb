package loopsmith.generate;

/**
 * How tokens are drawn. Defaults in {@link #defaults()}.
 *
 * @param temperature divides the logits; 0 means greedy (always the most likely allowed token)
 * @param topK        keep the k most likely tokens; 0 = all
 * @param topP        keep the smallest set whose probability reaches p (nucleus); 1 = all
 * @param maxTokens   budget for one piece, prompt included
 * @param guidance    classifier-free guidance on the genre: logits = unconditional + guidance × (with genre −
 *                    unconditional), the unconditional pass reading the same tokens without the GENRE tag (the model
 *                    learned both through tag dropout). 1 = plain sampling (one pass); above 1 steers harder toward the
 *                    genre at twice the cost
 * @param minP        min-p sampling: drop tokens less likely than minP × the most likely one's probability (after
 *                    temperature); 0 = off. Unlike top-p it cuts the tail harder when the model is sure and keeps
 *                    choices open when it is not. A drum hit is judged by its key's summed probability over its
 *                    velocity levels, then its level against the key's likeliest (see {@link TokenChooser#events}); in a
 *                    chord or pad part another note is judged by all pitches together, then its pitch against the
 *                    likeliest pitch (see {@link TokenChooser#chordEvents})
 * @param harmony     a logit bonus for bass notes on the chord part's tones sounding at their position (half of it for
 *                    melody notes); 0 = off. The model writes chords before bass and melody in each bar, so the tones
 *                    are known when those notes are drawn (see {@link Harmony})
 */
public record SamplingConfig(double temperature, int topK, double topP, int maxTokens, double guidance, double minP,
                             double harmony) {
    /**
     * The default harmony bonus: the one with which the share of bass and melody onsets on the chord part's tones comes
     * out as in the music the model learned from (README, "Prompts").
     */
    public static final double DEFAULT_HARMONY = 1.5;

    /** The default min-p threshold (see {@link #defaults()}); a model may ask for another ({@link #defaultsFor}). */
    public static final double DEFAULT_MIN_P = 0.1;

    public SamplingConfig(double temperature, int topK, double topP, int maxTokens) {
        this(temperature, topK, topP, maxTokens, 1.0, 0, 0);
    }

    public SamplingConfig(double temperature, int topK, double topP, int maxTokens, double guidance, double minP) {
        this(temperature, topK, topP, maxTokens, guidance, minP, DEFAULT_HARMONY);
    }

    public SamplingConfig(double temperature, int topK, double topP, int maxTokens, double guidance) {
        this(temperature, topK, topP, maxTokens, guidance, 0, 0);
    }

    public SamplingConfig {
        if (!(minP >= 0 && minP < 1)) throw new IllegalArgumentException("minP must be 0..<1");
        if (!(guidance >= 0 && guidance <= 10)) throw new IllegalArgumentException("guidance must be 0..10");
        if (temperature < 0) throw new IllegalArgumentException("temperature must be >= 0");
        if (topK < 0) throw new IllegalArgumentException("topK must be >= 0");
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP must be in (0, 1]");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1");
        if (!(harmony >= 0 && harmony <= 10)) throw new IllegalArgumentException("harmony must be 0..10");
    }

    public static SamplingConfig defaults() {
        // Chosen by eval on two held-out starter sets (README, "Prompts"): min-p 0.1 beat top-p 0.95 on drum idioms,
        // genre adherence and part coherence on both; guidance stays off by default because it doubles the time.
        return new SamplingConfig(1.0, 0, 1.0, 4096, 1.0, DEFAULT_MIN_P, DEFAULT_HARMONY);
    }

    /**
     * Generate's defaults with what a model asks for in their place ({@link loopsmith.model.ModelSampling}: a model
     * learned from a producer's library asks for no min-p cut).
     */
    public static SamplingConfig defaultsFor(java.util.Optional<loopsmith.model.ModelSampling> model) {
        SamplingConfig d = defaults();
        return model.map(m -> new SamplingConfig(d.temperature, d.topK, d.topP, d.maxTokens, d.guidance,
                m.minP() != null ? m.minP() : d.minP, m.harmony() != null ? m.harmony() : d.harmony)).orElse(d);
    }

    public SamplingConfig withGuidance(double w) {
        return new SamplingConfig(temperature, topK, topP, maxTokens, w, minP, harmony);
    }

    public SamplingConfig withMaxTokens(int n) {
        return new SamplingConfig(temperature, topK, topP, n, guidance, minP, harmony);
    }

    public SamplingConfig withMinP(double p) {
        return new SamplingConfig(temperature, topK, topP, maxTokens, guidance, p, harmony);
    }

    public SamplingConfig withHarmony(double h) {
        return new SamplingConfig(temperature, topK, topP, maxTokens, guidance, minP, h);
    }

    public static SamplingConfig greedy(int maxTokens) {
        return new SamplingConfig(0, 0, 1, maxTokens, 1.0, 0, 0);
    }
}
