package loopsmith.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks the next token from logits plus a bias per token (0 = as the model says, a negative number = discouraged,
 * -infinity = forbidden): greedy at temperature 0, otherwise temperature, min-p, top-k, top-p (nucleus), then a draw.
 * The one sampling step: the {@link Generator} draws every token through it, and so does {@code bench generate}'s bare
 * decoding loop, so the figure it sets beside the peer's is for the step users get.
 */
public final class TokenChooser {
    private TokenChooser() {}

    /** The chosen id, or -1 when every token is forbidden. */
    public static int choose(float[] logits, float[] bias, SamplingConfig config, RandomGenerator rnd) {
        int n = logits.length;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            double score = logits[i] + bias[i];
            if (best < 0 || score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0 || config.temperature() == 0) return best;
        double[] p = new double[n];
        // Min-p: p[i] is already relative to the best token's probability, so the cut is a plain threshold.
        double floor = config.minP();
        if (config.topK() == 0 && config.topP() >= 1 && floor == 0) return drawAll(logits, bias, bestScore, config.temperature(), p, rnd);
        int candidates = 0;
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            p[i] = Math.exp(((logits[i] + bias[i]) - bestScore) / config.temperature());
            if (p[i] < floor) continue;
            kept[i] = true;
            candidates++;
        }
        int[] order = new int[candidates];
        int c = 0;
        for (int i = 0; i < n; i++) if (kept[i]) order[c++] = i;
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Double.compare(p[b], p[a]));
        double total = 0;
        for (int i : boxed) total += p[i];
        int keep = 0;
        double mass = 0;
        for (int r = 0; r < boxed.length; r++) {
            if (config.topK() > 0 && r >= config.topK()) break;
            if (keep > 0 && mass / total >= config.topP()) break;
            mass += p[boxed[r]];
            keep++;
        }
        double u = rnd.nextDouble() * mass;
        for (int r = 0; r < keep; r++) {
            u -= p[boxed[r]];
            if (u <= 0) return boxed[r];
        }
        return boxed[keep - 1];
    }

    /** Plain temperature sampling over every allowed token: no sort needed. */
    private static int drawAll(float[] logits, float[] bias, double bestScore, double temperature, double[] p, RandomGenerator rnd) {
        double total = 0;
        int last = -1;
        for (int i = 0; i < logits.length; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            p[i] = Math.exp(((logits[i] + bias[i]) - bestScore) / temperature);
            total += p[i];
            last = i;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < logits.length; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            u -= p[i];
            if (u <= 0) return i;
        }
        return last;
    }
}
