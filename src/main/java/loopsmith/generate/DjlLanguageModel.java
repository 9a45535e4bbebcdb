package loopsmith.generate;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import loopsmith.model.Gpt;

/** The {@link Gpt} behind the {@link LanguageModel} interface: one KV cache per session. */
public final class DjlLanguageModel implements LanguageModel {
    private final Gpt model;

    public DjlLanguageModel(Gpt model) {
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
        return new Session() {
            private final NDManager manager = NDManager.newBaseManager(model.device());
            private final Gpt.KvCache cache = model.newCache();

            @Override
            public int length() {
                return cache.length();
            }

            @Override
            public float[] feed(int[] ids) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    long[] longs = Arrays.stream(ids).asLongStream().toArray();
                    return model.step(manager.create(longs, new Shape(1, ids.length)), cache).toFloatArray();
                }
            }

            @Override
            public void close() {
                cache.close();
                manager.close();
            }
        };
    }
}
