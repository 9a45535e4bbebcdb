package loopsmith.generate;

/**
 * How tokens are drawn. Defaults in {@link #defaults()}.
 *
 * @param temperature divides the logits; 0 means greedy (always the most likely allowed token)
 * @param topK        keep the k most likely tokens; 0 = all
 * @param topP        keep the smallest set whose probability reaches p (nucleus); 1 = all
 * @param maxTokens   budget for one piece, prompt included
 */
public record SamplingConfig(double temperature, int topK, double topP, int maxTokens) {
    public SamplingConfig {
        if (temperature < 0) throw new IllegalArgumentException("temperature must be >= 0");
        if (topK < 0) throw new IllegalArgumentException("topK must be >= 0");
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP must be in (0, 1]");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1");
    }

    public static SamplingConfig defaults() {
        return new SamplingConfig(1.0, 0, 0.95, 4096);
    }

    public static SamplingConfig greedy(int maxTokens) {
        return new SamplingConfig(0, 0, 1, maxTokens);
    }
}
