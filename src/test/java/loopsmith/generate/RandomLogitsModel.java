package loopsmith.generate;

import java.util.SplittableRandom;

/** A "model" that returns random logits, fixed by its seed and the tokens fed so far: for testing the engine's rules. */
final class RandomLogitsModel implements LanguageModel {
    private final int vocab;
    private final int context;
    private final long seed;
    /** The first ids fed to each session: what a fresh (or slid) window holds. */
    final java.util.List<int[]> windows = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    RandomLogitsModel(int vocab, int context, long seed) {
        this.vocab = vocab;
        this.context = context;
        this.seed = seed;
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public int contextTokens() {
        return context;
    }

    @Override
    public Session newSession() {
        return new Session() {
            private int length;
            private long state = seed;

            @Override
            public int length() {
                return length;
            }

            @Override
            public float[] feed(int[] ids) {
                if (length + ids.length > context) throw new IllegalStateException("context exceeded: " + (length + ids.length));
                if (length == 0) windows.add(ids.clone());
                for (int id : ids) state = state * 31 + id;
                length += ids.length;
                SplittableRandom r = new SplittableRandom(state);
                float[] logits = new float[vocab];
                for (int i = 0; i < vocab; i++) logits[i] = (float) (r.nextGaussian() * 2);
                return logits;
            }

            @Override
            public void close() { }
        };
    }
}
