package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import loopsmith.NativeTest;
import loopsmith.model.Gpt;
import org.junit.jupiter.api.Test;

/** The fused update against AdamW written out in plain doubles (torch's formulas), with clipping active. */
@NativeTest
class AdamWTest {
    private static final double LR = 1e-2;
    private static final double WD = 0.1;
    private static final double MAX_NORM = 0.05;

    @Test
    void twoClippedStepsMatchTheTextbookFormulas() {
        Gpt.Config config = new Gpt.Config(12, 8, 1, 2, 8, 0f);
        try (Gpt model = Gpt.create(config, 5, Device.cpu()); NDManager manager = NDManager.newBaseManager()) {
            AdamW optimizer = new AdamW(model, WD, 0);
            Map<String, double[]> m = new LinkedHashMap<>();
            Map<String, double[]> v = new LinkedHashMap<>();
            SplittableRandom rnd = new SplittableRandom(3);
            for (int step = 1; step <= 2; step++) {
                long[] inputs = rnd.ints(16, 1, 12).asLongStream().toArray();
                long[] targets = rnd.ints(16, 1, 12).asLongStream().toArray();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(model.loss(manager.create(inputs, new ai.djl.ndarray.types.Shape(2, 8)),
                            manager.create(targets, new ai.djl.ndarray.types.Shape(2, 8)), Batches.PAD, true));
                }
                Map<String, float[]> before = new LinkedHashMap<>();
                Map<String, float[]> grads = new LinkedHashMap<>();
                double squares = 0;
                for (Map.Entry<String, NDArray> e : model.weights().entrySet()) {
                    before.put(e.getKey(), e.getValue().toFloatArray());
                    float[] g = e.getValue().getGradient().toFloatArray();
                    grads.put(e.getKey(), g);
                    for (float x : g) squares += (double) x * x;
                }
                double norm = Math.sqrt(squares);
                assertTrue(norm > MAX_NORM, "the test must exercise clipping");

                assertEquals(norm, optimizer.step(LR, MAX_NORM), norm * 1e-5);
                optimizer.zeroGradients();

                double scale = MAX_NORM / (norm + 1e-6);
                double c1 = 1 - Math.pow(0.9, step);
                double c2 = 1 - Math.pow(0.95, step);
                for (Map.Entry<String, NDArray> e : model.weights().entrySet()) {
                    String name = e.getKey();
                    float[] w0 = before.get(name);
                    float[] g = grads.get(name);
                    double[] mi = m.computeIfAbsent(name, k -> new double[w0.length]);
                    double[] vi = v.computeIfAbsent(name, k -> new double[w0.length]);
                    boolean decays = e.getValue().getShape().dimension() >= 2;
                    float[] after = e.getValue().toFloatArray();
                    for (int i = 0; i < w0.length; i++) {
                        double gi = g[i] * scale;
                        mi[i] = 0.9 * mi[i] + 0.1 * gi;
                        vi[i] = 0.95 * vi[i] + 0.05 * gi * gi;
                        double w = w0[i] * (decays ? 1 - LR * WD : 1);
                        w -= LR / c1 * mi[i] / (Math.sqrt(vi[i]) / Math.sqrt(c2) + 1e-8);
                        assertEquals(w, after[i], 2e-6, name + "[" + i + "] at step " + step);
                    }
                }
            }
        }
    }
}
