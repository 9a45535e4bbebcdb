package loopsmith.generate;

import loopsmith.model.JavaGpt;

/** The plain-Java model behind the {@link LanguageModel} interface: the fast path for generation on a CPU. */
public final class JavaLanguageModel implements LanguageModel {
    private final JavaGpt model;
    private final int threadsPerSession;
    private final int cores;

    /** Sessions split each product over two threads on a multi-core machine: one piece at a time is fastest so. */
    public JavaLanguageModel(JavaGpt model) {
        this(model, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** With one thread per session, several sessions (variations) use the cores side by side instead. */
    public JavaLanguageModel(JavaGpt model, int threadsPerSession) {
        this(model, threadsPerSession, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Using at most {@code cores} threads in all: a DAW beside it keeps the rest. One session takes up to
     * {@code threadsPerSession} of them; variations run side by side on at most {@code cores}.
     */
    public JavaLanguageModel(JavaGpt model, int threadsPerSession, int cores) {
        if (threadsPerSession < 1 || cores < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.model = model;
        this.threadsPerSession = Math.min(threadsPerSession, cores);
        this.cores = cores;
    }

    @Override
    public int maxConcurrentSessions() {
        return cores;
    }

    @Override
    public boolean concurrentSessions() {
        return true; // the weights are never written; each session has its own cache
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
        JavaGpt.Cache cache = model.newCache(threadsPerSession);
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
