package loopsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import loopsmith.NativeTest;
import org.junit.jupiter.api.Test;

/** The plain-Java inference path computes the DJL model's logits, within 1e-4, position by position. */
@NativeTest
class JavaGptTest {
    @Test
    void logitsMatchTheDjlModel() {
        Gpt.Config config = new Gpt.Config(300, 64, 3, 4, 32, 0.1f);
        Random r = new Random(4);
        long[] tokens = new long[40];
        for (int i = 0; i < tokens.length; i++) tokens[i] = r.nextInt(300);
        try (Gpt djl = Gpt.create(config, 11, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            // Move the weights off their initial values so biases and norms matter too.
            djl.weights().values().forEach(w -> w.addi(m.randomNormal(w.getShape()).mul(0.05)));
            float[] full = djl.logits(m.create(tokens, new Shape(1, tokens.length)), false).toFloatArray();
            JavaGpt java = new JavaGpt(config, Checkpoint.weightsOf(djl));
            JavaGpt.Cache cache = java.newCache();
            float worst = 0;
            for (int t = 0; t < tokens.length; t++) {
                float[] logits = java.step((int) tokens[t], cache);
                for (int v = 0; v < config.vocabSize(); v++) worst = Math.max(worst, Math.abs(logits[v] - full[t * config.vocabSize() + v]));
            }
            assertEquals(0, worst, 1e-4, "largest logit difference");
        }
    }

    /** Splitting products over two threads changes no arithmetic: each row is still one thread's dot product. */
    @Test
    void twoThreadsGiveBitIdenticalLogits() {
        Gpt.Config config = new Gpt.Config(500, 64, 2, 4, 64, 0f);
        try (Gpt djl = Gpt.create(config, 3, Device.cpu())) {
            JavaGpt java = new JavaGpt(config, Checkpoint.weightsOf(djl));
            try (JavaGpt.Cache one = java.newCache(1); JavaGpt.Cache two = java.newCache(2)) {
                for (int t = 0; t < 30; t++) {
                    float[] a = java.step(t * 7 % 500, one).clone();
                    float[] b = java.step(t * 7 % 500, two);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0f, "position " + t);
                }
            }
        }
    }
}
