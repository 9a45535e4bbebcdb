package loopsmith.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Generator;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.LanguageModel;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.Piece;
import loopsmith.tokens.PieceTokens;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizeException;
import loopsmith.tokens.Vocabulary;

/**
 * Whether varied bars lead back into the bars kept after them. For reference pieces of at least four bars, the middle
 * bars are rewritten twice — by infill, which hears the bars after the gap, and by continuation from the bars before
 * it, which does not (what {@code vary} was before infill) — and the model scores the kept bar after the gap given each
 * version, as mean negative log-likelihood per token. The original bars give the baseline: a rewrite that leads back
 * as well as the original scores as low. Lower is better; the gap to the original is the figure to read.
 */
final class InfillContinuity {
    private InfillContinuity() {}

    static InfillContinuityMetrics measure(LanguageModel model, Vocabulary vocabulary, List<Piece> pieces, SamplingConfig sampling, long seed) {
        Generator generator = new Generator(model, vocabulary);
        RemiEncoder encoder = new RemiEncoder(vocabulary);
        List<Double> original = new ArrayList<>();
        List<Double> infilled = new ArrayList<>();
        List<Double> continued = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p;
            try {
                p = encoder.quantize(pieces.get(i));
            } catch (TokenizeException e) {
                continue;
            }
            int bars = (int) encoder.bars(p);
            if (bars < 4 || p.tracks().isEmpty()) continue;
            Piece head = cut(p, 4, encoder);
            GenerationRequest infill = new GenerationRequest(Tags.NONE, p.initialBpm(), p.initialTimeSignature(), p.key(), 4,
                    List.of(), KeyConstraint.SOFT, sampling, seed + i, 1, Optional.of(head), GenerationRequest.Mode.INFILL, 1, 2);
            GenerationRequest continuation = new GenerationRequest(Tags.NONE, p.initialBpm(), p.initialTimeSignature(), p.key(), 2,
                    List.of(), KeyConstraint.SOFT, sampling, seed + i, 1, Optional.of(cut(p, 1, encoder)), GenerationRequest.Mode.CONTINUE, 0, -1);
            Piece filled = generator.generate(infill).get(0).piece();
            Piece cont = generator.generate(continuation).get(0).piece();
            original.add(lastBarLoss(model, vocabulary, encoder, head, head));
            infilled.add(lastBarLoss(model, vocabulary, encoder, filled, head));
            continued.add(lastBarLoss(model, vocabulary, encoder, cont, head));
        }
        return new InfillContinuityMetrics(original.size(), round(mean(original)), round(mean(infilled)), round(mean(continued)),
                round(mean(infilled) - mean(original)), round(mean(continued) - mean(original)));
    }

    /** The first {@code bars} bars of a quantized piece. */
    private static Piece cut(Piece q, int bars, RemiEncoder encoder) {
        long end = q.barGrid().barStartTick(bars);
        List<loopsmith.music.Track> tracks = q.tracks().stream()
                .map(t -> t.withNotes(t.notes().stream().filter(n -> n.startTick() < end).map(n -> n.endTick() <= end ? n
                        : new loopsmith.music.Note(n.pitch(), n.velocity(), n.startTick(), end - n.startTick())).toList())).toList();
        return new Piece(q.ticksPerQuarter(), q.tempos(), q.timeSignatures(), q.key(), tracks, end);
    }

    /**
     * Mean NLL per token of bar 4 of {@code kept} after bars 1–3 of {@code first} (the parts of both in the same order),
     * as plain continuation: the model reads bars 1–3, then is scored on bar 4 token by token.
     */
    private static double lastBarLoss(LanguageModel model, Vocabulary vocabulary, RemiEncoder encoder, Piece first, Piece kept) {
        PieceTokens a = PieceTokens.parse(encoder.encode(first, Tags.NONE));
        PieceTokens b = PieceTokens.parse(encoder.encode(kept, Tags.NONE));
        List<Token> prefix = new ArrayList<>(b.header());
        for (List<Token> d : b.declarations()) prefix.addAll(d);
        int[] order = PieceTokens.identity(b.parts());
        for (int bar = 0; bar < 3; bar++) prefix.addAll(a.barTokens(bar, order));
        List<Token> target = b.barTokens(3, order);
        int context = model.contextTokens();
        if (prefix.size() + target.size() > context) prefix = prefix.subList(prefix.size() + target.size() - context, prefix.size());
        double nll = 0;
        try (LanguageModel.Session s = model.newSession()) {
            float[] logits = s.feed(vocabulary.ids(prefix));
            for (Token t : target) {
                int id = vocabulary.id(t);
                nll -= logSoftmax(logits, id);
                logits = s.feed(new int[] {id});
            }
        }
        return nll / target.size();
    }

    private static double logSoftmax(float[] logits, int id) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double sum = 0;
        for (float l : logits) sum += Math.exp(l - max);
        return logits[id] - max - Math.log(sum);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
