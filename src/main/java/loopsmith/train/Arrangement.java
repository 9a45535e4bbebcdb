package loopsmith.train;

import java.util.List;
import java.util.SplittableRandom;
import loopsmith.tokens.PieceTokens;
import loopsmith.tokens.Token;

/**
 * How a training sequence is laid out for the model: which whole bars (every window starts with the full header and
 * the part declarations, wherever it starts in the piece), in which part order, and which bars are left out as FILLs
 * to be written after the bars (MMM-style infill, so the model learns to write a bar from what comes before and after).
 */
final class Arrangement {
    /**
     * Share of training windows with bars left out for infill. A quarter keeps most of the training on plain
     * continuation, which every generation uses, while every batch still teaches infill.
     */
    static final double INFILL_SHARE = 0.25;
    /**
     * Share of training windows whose parts come in a random order: accompaniment keeps the seed's parts first, so the
     * model must also know how to write, say, chords after a melody of the same bar.
     */
    static final double SHUFFLE_SHARE = 0.25;
    /** Longest run of bars left out of one part; all parts are left out for at most two bars. */
    private static final int MAX_FILL_BARS = 4;
    /** Room kept for FILL, FILL_START and FILL_END of each masked cell. */
    private static final int FILL_OVERHEAD = 3;

    private Arrangement() {}

    /**
     * The tokens of a window at most {@code length} tokens long. Without {@code rnd} (validation): the head of the
     * piece, parts in order, nothing left out.
     */
    static List<Token> window(List<Token> sequence, int length, SplittableRandom rnd) {
        if (rnd == null && sequence.size() <= length) return sequence;
        PieceTokens p = PieceTokens.parse(sequence);
        if (p == null || p.bars().isEmpty()) return sequence.subList(0, Math.min(length, sequence.size()));
        int parts = p.parts();
        int[] order = PieceTokens.identity(parts);
        if (rnd != null && parts > 1 && rnd.nextDouble() < SHUFFLE_SHARE) shuffle(order, rnd);
        boolean infill = rnd != null && p.bars().size() > 1 && rnd.nextDouble() < INFILL_SHARE;
        int reserve = infill ? FILL_OVERHEAD * MAX_FILL_BARS * Math.max(2, Math.min(parts, 2 * MAX_FILL_BARS)) + 1 : 1;
        int bars = p.bars().size();
        int[] lengths = new int[bars];
        for (int b = 0; b < bars; b++) lengths[b] = p.barTokens(b, order).size();
        int head = p.header().size();
        for (List<Token> d : p.declarations()) head += d.size();
        int from = 0;
        if (rnd != null) {
            int lastStart = bars - 1;
            int total = head + 1;
            for (int b = bars - 1; b >= 0 && total + lengths[b] <= length - reserve; b--) {
                total += lengths[b];
                lastStart = b;
            }
            // Half the windows start at the piece's first bar, so beginnings are learned as such.
            from = rnd.nextBoolean() ? 0 : rnd.nextInt(lastStart + 1);
        }
        int to = from;
        int used = head + 1;
        while (to < bars && used + lengths[to] <= length - reserve) used += lengths[to++];
        if (to == from) return sequence.subList(0, Math.min(length, sequence.size())); // one bar is over the context
        PieceTokens.Masked masked = PieceTokens.Masked.NONE;
        if (infill && to - from > 1) masked = mask(from, to, parts, rnd);
        List<Token> out = p.tokens(from, to, order, masked);
        return out.size() <= length ? out : out.subList(0, length);
    }

    /** One part over up to four bars, or every part over up to two, never the whole window. */
    private static PieceTokens.Masked mask(int from, int to, int parts, SplittableRandom rnd) {
        int span = to - from;
        boolean allParts = parts > 1 && rnd.nextDouble() < 0.4;
        int maxBars = Math.min(allParts ? 2 : MAX_FILL_BARS, span - 1);
        int count = 1 + rnd.nextInt(maxBars);
        int first = from + rnd.nextInt(span - count + 1);
        int part = rnd.nextInt(parts);
        return (bar, p) -> bar >= first && bar < first + count && (allParts || p == part);
    }

    private static void shuffle(int[] order, SplittableRandom rnd) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
