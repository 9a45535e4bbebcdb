package loopsmith.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * A valid token sequence taken apart into what training and generation rearrange: the header (PIECE_START and tags),
 * one declaration per part, and per bar the tokens of each part (without its TRK). Fills are put back into the bars
 * they stood for, so a sequence with infill reads as the whole piece. {@link #tokens} writes a sequence again: a
 * window of bars, parts in another order, some bars left out as FILLs and written after the bars.
 *
 * @param header       PIECE_START and the tags, up to the first ROLE
 * @param declarations each part's ROLE, INST and controls
 * @param bars         bars.get(b).get(part): the part's tokens in bar b
 * @param complete     whether the sequence ended with PIECE_END (a training window may stop mid-piece)
 */
public record PieceTokens(List<Token> header, List<List<Token>> declarations, List<List<List<Token>>> bars, boolean complete) {

    public int parts() {
        return declarations.size();
    }

    public boolean isDrumPart(int part) {
        return declarations.get(part).contains(Token.Instrument.DRUMS);
    }

    /** Parses a sequence that follows the {@link Grammar} (as far as it goes); null when it declares no part. */
    public static PieceTokens parse(List<Token> tokens) {
        List<Token> header = new ArrayList<>();
        List<List<Token>> declarations = new ArrayList<>();
        List<List<List<Token>>> bars = new ArrayList<>();
        List<int[]> fills = new ArrayList<>(); // {bar, part} of each FILL, in order
        int i = 0;
        while (i < tokens.size() && !(tokens.get(i) instanceof Token.RoleTag)) header.add(tokens.get(i++));
        while (i < tokens.size() && tokens.get(i) instanceof Token.RoleTag) {
            List<Token> d = new ArrayList<>();
            d.add(tokens.get(i++));
            while (i < tokens.size() && isDeclarationOption(tokens.get(i))) d.add(tokens.get(i++));
            declarations.add(d);
        }
        if (declarations.isEmpty()) return null;
        List<Token> current = null;
        int fill = -1;
        boolean complete = false;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.equals(Token.BAR_START)) {
                List<List<Token>> bar = new ArrayList<>();
                for (int p = 0; p < declarations.size(); p++) bar.add(new ArrayList<>());
                bars.add(bar);
                current = null;
            } else if (t instanceof Token.TrackRef r && fill < 0) {
                current = bars.get(bars.size() - 1).get(r.index());
            } else if (t.equals(Token.FILL)) {
                fills.add(new int[] {bars.size() - 1, indexOf(bars.get(bars.size() - 1), current)});
            } else if (t.equals(Token.FILL_START)) {
                fill++;
                int[] at = fills.get(fill);
                current = bars.get(at[0]).get(at[1]);
            } else if (t.equals(Token.FILL_END)) {
                current = null;
            } else if (t.equals(Token.PIECE_END)) {
                complete = true;
                break;
            } else if (current != null) {
                current.add(t);
            }
        }
        return new PieceTokens(header, declarations, bars, complete);
    }

    private static int indexOf(List<List<Token>> bar, List<Token> part) {
        for (int p = 0; p < bar.size(); p++) if (bar.get(p) == part) return p;
        throw new IllegalArgumentException("FILL outside a part");
    }

    private static boolean isDeclarationOption(Token t) {
        return t instanceof Token.Instrument || t instanceof Token.Density || t instanceof Token.Polyphony;
    }

    /**
     * The sequence of bars {@code from} (inclusive) to {@code to} (exclusive), parts in {@code order} (a permutation of
     * the part indices: the TRK numbers follow the new order), with the bar/part cells for which {@code masked} says
     * true left out as FILLs and written after the bars. PIECE_END closes it when it reaches the end of a complete piece.
     */
    public List<Token> tokens(int from, int to, int[] order, Masked masked) {
        List<Token> out = new ArrayList<>(header);
        for (int p : order) out.addAll(declarations.get(p));
        List<List<Token>> fills = new ArrayList<>();
        for (int b = from; b < to; b++) {
            out.add(Token.BAR_START);
            for (int k = 0; k < order.length; k++) {
                out.add(new Token.TrackRef(k));
                List<Token> cell = bars.get(b).get(order[k]);
                if (masked.test(b, order[k])) {
                    out.add(Token.FILL);
                    fills.add(cell);
                } else {
                    out.addAll(cell);
                }
            }
        }
        boolean end = complete && to == bars.size();
        if (fills.isEmpty() && end) out.add(Token.PIECE_END);
        for (List<Token> f : fills) {
            out.add(Token.FILL_START);
            out.addAll(f);
            out.add(Token.FILL_END);
        }
        if (!fills.isEmpty() && end) out.add(Token.PIECE_END);
        return out;
    }

    /** The whole sequence again, parts in their order, nothing masked. */
    public List<Token> tokens() {
        return tokens(0, bars.size(), identity(parts()), Masked.NONE);
    }

    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /** Which bar/part cells are left out for infill. */
    @FunctionalInterface
    public interface Masked {
        Masked NONE = (bar, part) -> false;

        boolean test(int bar, int part);
    }

    /** Tokens of one bar (BAR_START and every part), parts in {@code order}, nothing masked. */
    public List<Token> barTokens(int bar, int[] order) {
        List<Token> out = new ArrayList<>();
        out.add(Token.BAR_START);
        for (int k = 0; k < order.length; k++) {
            out.add(new Token.TrackRef(k));
            out.addAll(bars.get(bar).get(order[k]));
        }
        return out;
    }
}
