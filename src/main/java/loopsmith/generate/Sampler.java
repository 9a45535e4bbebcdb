package loopsmith.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import loopsmith.model.Gpt;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * Draws a token sequence from a model, one token at a time with the KV cache, following nanoGPT's generate
 * (temperature, top-k, top-p, softmax, draw) with one addition: only tokens the {@link Grammar} allows next can be
 * drawn, so every output decodes. Randomness comes only from the given {@link RandomGenerator}.
 */
public final class Sampler {
    private final Gpt model;
    private final Vocabulary vocabulary;
    private final Grammar grammar;

    public Sampler(Gpt model, Vocabulary vocabulary) {
        if (model.config().vocabSize() != vocabulary.size())
            throw new IllegalArgumentException("model has " + model.config().vocabSize() + " tokens, vocabulary " + vocabulary.size());
        this.model = model;
        this.vocabulary = vocabulary;
        this.grammar = new Grammar(vocabulary);
    }

    /**
     * Continues {@code prompt} (which must be grammatical so far) until PIECE_END, the token budget or the context
     * is reached. Returns prompt and continuation; a sequence cut short is for the decoder to close.
     */
    public List<Token> sample(List<Token> prompt, SamplingConfig config, RandomGenerator rnd) {
        Grammar.State state = grammar.start();
        for (Token t : prompt) state.accept(t);
        List<Token> out = new ArrayList<>(prompt);
        int limit = Math.min(config.maxTokens(), model.config().contextTokens());
        float[] logits;
        try (Gpt.KvCache cache = model.newCache(); NDManager m = NDManager.newBaseManager(model.device())) {
            logits = feed(cache, m, vocabulary.ids(prompt));
            while (!state.isComplete() && out.size() < limit) {
                int id = choose(logits, state, config, rnd);
                if (id < 0) break; // nothing allowed: the grammar has no way on (cannot happen before PIECE_END)
                Token t = vocabulary.token(id);
                state.accept(t);
                out.add(t);
                if (state.isComplete() || out.size() >= limit) break;
                logits = feed(cache, m, new int[] {id});
            }
        }
        return out;
    }

    private float[] feed(Gpt.KvCache cache, NDManager m, int[] ids) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long[] longs = Arrays.stream(ids).asLongStream().toArray();
            NDArray tokens = m.create(longs, new ai.djl.ndarray.types.Shape(1, ids.length));
            return model.step(tokens, cache).toFloatArray();
        }
    }

    /** The next token id: masked by the grammar, then greedy or temperature / top-k / top-p sampling. */
    int choose(float[] logits, Grammar.State state, SamplingConfig config, RandomGenerator rnd) {
        float[] bias = new float[vocabulary.size()];
        for (int i = 0; i < bias.length; i++) if (!state.allows(i)) bias[i] = Float.NEGATIVE_INFINITY;
        return TokenChooser.choose(logits, bias, config, rnd);
    }
}
