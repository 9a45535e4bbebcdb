package loopsmith.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.Piece;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizeException;
import loopsmith.tokens.Vocabulary;

/**
 * How unexpected the model finds each note of a one-part clip: the negative log-likelihood of the tokens that place
 * the note (its position when it opens one, then its pitch or drum key) as the model reads the clip from the start. One pass of the model per clip. Notes the tokens cannot express (off the drum keys) have no entry.
 */
public final class NoteSurprise implements Interpolation.Surprise {
    private final LanguageModel model;
    private final Vocabulary vocabulary;
    private final RemiEncoder encoder;
    private final Tags tags;
    /** Every token id of a drum key, one per velocity level. */
    private final Map<Integer, int[]> hitIds = new HashMap<>();

    public NoteSurprise(LanguageModel model, Vocabulary vocabulary, Tags tags) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.encoder = new RemiEncoder(vocabulary);
        this.tags = tags;
        Map<Integer, List<Integer>> hits = new HashMap<>();
        for (Token t : vocabulary.tokens())
            if (t instanceof Token.DrumHit h) hits.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(vocabulary.id(t));
        hits.forEach((k, ids) -> hitIds.put(k, ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Whether the model can read {@code clip} whole: the tokenizer expresses it and it fits the context. */
    public boolean fits(Piece clip) {
        try {
            return encoder.encode(clip, tags).size() <= model.contextTokens();
        } catch (TokenizeException e) {
            return false;
        }
    }

    @Override
    public Map<Long, Double> of(Piece clip) {
        List<Token> tokens = encoder.encode(clip, tags);
        if (tokens.size() > model.contextTokens())
            throw new IllegalArgumentException("clip of " + tokens.size() + " tokens; the model reads " + model.contextTokens());
        double[] nll = new double[tokens.size()];
        int[] ids = vocabulary.ids(tokens);
        try (LanguageModel.Session s = model.newSession()) {
            float[] logits = s.feed(new int[] {ids[0]});
            for (int i = 1; i < ids.length; i++) {
                nll[i] = -logProbability(logits, tokens.get(i));
                if (i + 1 < ids.length) logits = s.feed(new int[] {ids[i]});
            }
        }
        int barSteps = vocabulary.grid().barSteps(clip.initialTimeSignature());
        Map<Long, Double> out = new HashMap<>();
        long bar = -1, step = 0;
        double pending = 0; // a position token's cost, carried to the note it opens
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t == Token.BAR_START) {
                bar++;
            } else if (bar < 0) {
                continue; // header and declaration: the same for every clip of the part
            } else if (t instanceof Token.Position p) {
                step = bar * barSteps + p.step();
                pending += nll[i];
            } else if (t instanceof Token.Pitch || t instanceof Token.DrumHit) {
                int pitch = t instanceof Token.Pitch p ? p.pitch() : ((Token.DrumHit) t).key();
                out.merge(step * 128 + pitch, pending + nll[i], Double::sum);
                pending = 0;
            }
        }
        return out;
    }

    /**
     * The log-probability of what the token says about which note sounds where: a drum hit's key whatever its
     * velocity (the model writes both in one token), a pitch, a position. How loud or long a note is does not make it
     * more or less part of the pattern, so velocity and length tokens are not counted.
     */
    private double logProbability(float[] logits, Token t) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double sum = 0;
        for (float l : logits) sum += Math.exp(l - max);
        if (t instanceof Token.DrumHit hit) {
            double p = 0;
            for (int id : hitIds.getOrDefault(hit.key(), new int[] {vocabulary.id(t)})) p += Math.exp(logits[id] - max);
            return Math.log(p) - Math.log(sum);
        }
        return logits[vocabulary.id(t)] - max - Math.log(sum);
    }
}
