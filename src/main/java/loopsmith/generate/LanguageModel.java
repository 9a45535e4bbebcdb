package loopsmith.generate;

/**
 * What generation needs of a model: feed token ids after what it has seen, get the next-token logits. Implemented by
 * the DJL model ({@link DjlLanguageModel}); tests also drive the engine with a model that returns random logits.
 */
public interface LanguageModel {
    int vocabSize();

    int contextTokens();

    /** A fresh cache (no tokens seen). */
    Session newSession();

    /** Whether several sessions may run at once on different threads (variations generated side by side). */
    default boolean concurrentSessions() {
        return false;
    }

    /** How many sessions may run at once: the cores this model may use, when sessions may run concurrently at all. */
    default int maxConcurrentSessions() {
        return concurrentSessions() ? Runtime.getRuntime().availableProcessors() : 1;
    }

    /** The incremental state of one sequence. */
    interface Session extends AutoCloseable {
        /** Tokens seen so far. */
        int length();

        /** Feeds ids after those seen and returns the logits for the token after the last one. */
        float[] feed(int[] ids);

        @Override
        void close();
    }
}
