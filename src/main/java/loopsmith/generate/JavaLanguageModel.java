package loopsmith.generate;

import loopsmith.model.JavaGpt;

/** The plain-Java model behind the {@link LanguageModel} interface: the fast path for generation on a CPU. */
public final class JavaLanguageModel implements LanguageModel {
    private final JavaGpt model;

    public JavaLanguageModel(JavaGpt model) {
        this.model = model;
    }

    @Override
    public int vocabSize() {
        return model.config().vocabSize();
    }

    @Override
    public int contextTokens() {
        return model.config().contextTokens();
    }

    @Override
    public Session newSession() {
        // Two threads inside each product on a multi-core machine: generation is one sequence at a time.
        JavaGpt.Cache cache = model.newCache(Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new Session() {
            @Override
            public int length() {
                return cache.length();
            }

            @Override
            public float[] feed(int[] ids) {
                float[] logits = null;
                for (int id : ids) logits = model.step(id, cache);
                return logits.clone();
            }

            @Override
            public void close() {
                cache.close();
            }
        };
    }
}
