package loopsmith.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import loopsmith.NativeTest;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTest
class GptTest {
    private static final Gpt.Config TINY = new Gpt.Config(50, 32, 2, 2, 16, 0f);

    private static long[] randomTokens(int n, long seed) {
        Random r = new Random(seed);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) t[i] = r.nextInt(50);
        return t;
    }

    @Test
    void shapesAndParameterCount() {
        try (Gpt g = Gpt.create(TINY, 1, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            NDArray logits = g.logits(m.create(randomTokens(2 * 10, 1), new Shape(2, 10)), false);
            assertEquals(new Shape(2, 10, 50), logits.getShape());
            long counted = g.weights().values().stream().mapToLong(a -> a.getShape().size()).sum();
            assertEquals(TINY.parameterCount(), counted);
        }
        // The benchmark's peer config has exactly the peer's 3,356,160 parameters.
        assertEquals(3_356_160L, new Gpt.Config(512, 256, 4, 4, 256, 0f).parameterCount());
    }

    @Test
    void aFutureTokenNeverChangesAPastOutput() {
        try (Gpt g = Gpt.create(TINY, 2, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            long[] a = randomTokens(16, 3);
            long[] b = a.clone();
            b[10] = (b[10] + 7) % 50;
            float[] la = g.logits(m.create(a, new Shape(1, 16)), false).get(new NDIndex(":, :10, :")).toFloatArray();
            float[] lb = g.logits(m.create(b, new Shape(1, 16)), false).get(new NDIndex(":, :10, :")).toFloatArray();
            assertArrayEquals(la, lb, 1e-6f);
            float[] after = g.logits(m.create(b, new Shape(1, 16)), false).get(new NDIndex(":, 10, :")).toFloatArray();
            float[] before = g.logits(m.create(a, new Shape(1, 16)), false).get(new NDIndex(":, 10, :")).toFloatArray();
            assertTrue(maxDiff(after, before) > 1e-4, "the changed position itself does change");
        }
    }

    @Test
    void kvCacheStepsMatchTheFullForward() {
        try (Gpt g = Gpt.create(TINY, 4, Device.cpu()); NDManager m = NDManager.newBaseManager(); Gpt.KvCache cache = g.newCache()) {
            long[] t = randomTokens(20, 5);
            NDArray full = g.logits(m.create(t, new Shape(1, 20)), false);
            NDArray prompt = m.create(java.util.Arrays.copyOf(t, 8), new Shape(1, 8));
            float[] step = g.step(prompt, cache).toFloatArray();
            assertArrayEquals(full.get(new NDIndex("0, 7, :")).toFloatArray(), step, 1e-4f);
            for (int i = 8; i < 20; i++) {
                step = g.step(m.create(new long[] {t[i]}, new Shape(1, 1)), cache).toFloatArray();
                assertArrayEquals(full.get(new NDIndex("0, {}, :", i)).toFloatArray(), step, 1e-4f, "position " + i);
            }
            assertEquals(20, cache.length());
            assertThrows(IllegalArgumentException.class, () -> g.logits(m.create(randomTokens(33, 1), new Shape(1, 33)), false));
        }
    }

    @Test
    void checkpointRoundTripGivesIdenticalLogits(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = new Gpt.Config(v.size(), 16, 1, 2, 8, 0f);
        Path file = dir.resolve("m.ckpt");
        try (Gpt g = Gpt.create(c, 9, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            Checkpoint.save(file, c, ModelFile.stateWithVocabulary(v), Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
            ModelFile loaded = ModelFile.load(file);
            assertEquals(v, loaded.vocabulary());
            try (Gpt back = loaded.open(Device.cpu())) {
                long[] t = {1, 2, 3, 4, 5};
                assertArrayEquals(g.logits(m.create(t, new Shape(1, 5)), false).toFloatArray(),
                        back.logits(m.create(t, new Shape(1, 5)), false).toFloatArray(), 0f);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> ModelFile.load(file));
        assertTrue(e.reason().contains("truncated"), e.reason());
        Files.writeString(file, "hello");
        assertThrows(LoopsmithException.class, () -> ModelFile.load(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temp files left");
        }
    }

    private static float maxDiff(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
