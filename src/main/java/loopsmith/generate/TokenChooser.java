package loopsmith.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * Picks the next token from logits plus a bias per token (0 = as the model says, a negative number = discouraged,
 * -infinity = forbidden): greedy at temperature 0, otherwise temperature, min-p, top-k, top-p (nucleus), then a draw.
 * The one sampling step: the {@link Generator} draws every token through it, and so does {@code bench generate}'s bare
 * decoding loop, so the figure it sets beside the peer's is for the step users get.
 */
public final class TokenChooser {
    /** The event id of every pitch in {@link #chordEvents}: after the drum keys (0-127). */
    private static final int ANY_PITCH = 128;

    private TokenChooser() {}

    /** The chosen id, or -1 when every token is forbidden. */
    public static int choose(float[] logits, float[] bias, SamplingConfig config, RandomGenerator rnd) {
        return choose(logits, bias, config, rnd, null);
    }

    /**
     * As {@link #choose(float[], float[], SamplingConfig, RandomGenerator)}, with min-p judging one musical event where
     * the vocabulary spreads it over several tokens: {@code groups[i]} names the event token {@code i} is a variant of
     * ({@code -1}: its own event). A group is kept when its summed probability reaches min-p of the likeliest event's,
     * and inside it a token when it reaches min-p of the group's likeliest. Without this, an event written in many
     * variants (a tom hit at eight velocity levels) loses every variant to the cut although the event itself is likely,
     * so the rarer kit pieces vanish from what is drawn while a single-token event (the next onset position) is kept.
     * {@code null} groups: the plain per-token cut.
     */
    public static int choose(float[] logits, float[] bias, SamplingConfig config, RandomGenerator rnd, int[] groups) {
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
        double floor = config.minP();
        if (config.topK() == 0 && config.topP() >= 1 && floor == 0) return drawAll(logits, bias, bestScore, config.temperature(), p, rnd);
        for (int i = 0; i < n; i++)
            if (bias[i] != Float.NEGATIVE_INFINITY) p[i] = Math.exp(((logits[i] + bias[i]) - bestScore) / config.temperature());
        boolean[] kept = groups == null || floor == 0 ? perToken(p, bias, floor) : perEvent(p, bias, floor, groups);
        int candidates = 0;
        for (boolean k : kept) if (k) candidates++;
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

    /**
     * The events of a vocabulary for {@link #choose(float[], float[], SamplingConfig, RandomGenerator, int[])}: a drum
     * hit's event is its kit piece (its velocity levels are the variants); every other token is its own event. Onset
     * positions stay one event each although a performer's micro-timing spreads a note over neighbouring steps: pooled
     * by the nearest sixteenth, they made the generated grooves less consistent bar to bar (README, "Prompts").
     */
    public static int[] events(Vocabulary vocabulary) {
        int[] groups = new int[vocabulary.size()];
        for (int i = 0; i < groups.length; i++)
            groups[i] = vocabulary.token(i) instanceof Token.DrumHit h ? h.key() : -1;
        return groups;
    }

    /**
     * The events for a chord or pad part: as {@link #events}, and every pitch one event, "another note". After a
     * chord's first notes the model weighs that note against moving on (a duration, the next position), and a voicing's
     * added tone, a seventh or a ninth, is spread over the few pitches that would do: each under the cut, so chords came
     * out as bare triads and a song's colour tones were never drawn. Which pitch is then judged against the likeliest
     * pitch. In a bass or melody line a second note at one step is rare and the note is a single choice, so they keep
     * the plain events (grouping theirs too lowered the share of their notes on the chord's tones; README, "Prompts").
     */
    public static int[] chordEvents(Vocabulary vocabulary) {
        int[] groups = events(vocabulary);
        for (int i = 0; i < groups.length; i++) if (vocabulary.token(i) instanceof Token.Pitch) groups[i] = ANY_PITCH;
        return groups;
    }

    /** Min-p token by token: p is relative to the likeliest token's probability, so the cut is a plain threshold. */
    private static boolean[] perToken(double[] p, float[] bias, double floor) {
        boolean[] kept = new boolean[p.length];
        for (int i = 0; i < p.length; i++) kept[i] = bias[i] != Float.NEGATIVE_INFINITY && p[i] >= floor;
        return kept;
    }

    /** Min-p event by event, then variant by variant inside each kept event (see the groups of choose). */
    private static boolean[] perEvent(double[] p, float[] bias, double floor, int[] groups) {
        int g = 0;
        for (int x : groups) g = Math.max(g, x + 1);
        double[] mass = new double[g], top = new double[g];
        double best = 0;
        for (int i = 0; i < p.length; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            if (groups[i] < 0) best = Math.max(best, p[i]);
            else {
                mass[groups[i]] += p[i];
                top[groups[i]] = Math.max(top[groups[i]], p[i]);
            }
        }
        for (double m : mass) best = Math.max(best, m);
        boolean[] kept = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            if (bias[i] == Float.NEGATIVE_INFINITY) continue;
            int k = groups[i];
            kept[i] = k < 0 ? p[i] >= floor * best : mass[k] >= floor * best && p[i] >= floor * top[k];
        }
        return kept;
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
