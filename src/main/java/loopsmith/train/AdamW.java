package loopsmith.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.model.Gpt;

/**
 * AdamW (Loshchilov & Hutter) on the model's weights, in place, with the moments kept as arrays beside them so a
 * checkpoint can save and restore them exactly. Written here rather than taken from DJL's optimizers because those
 * keep their state private (no exact resume) and decay every parameter alike; we decay matrices and embeddings only,
 * as nanoGPT does, and leave LayerNorm gains and biases alone.
 */
final class AdamW {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.95;
    private static final double EPS = 1e-8;

    private final Map<String, NDArray> trainable = new LinkedHashMap<>();
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final double weightDecay;
    private int steps;

    /** Frozen weights (fine-tuning) are neither updated nor given gradients. */
    AdamW(Gpt model, double weightDecay, int freezeLayers) {
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : model.weights().entrySet()) {
            boolean frozen = isFrozen(e.getKey(), freezeLayers);
            e.getValue().setRequiresGradient(!frozen);
            if (frozen) continue;
            trainable.put(e.getKey(), e.getValue());
            m.put(e.getKey(), model.manager().zeros(e.getValue().getShape()));
            v.put(e.getKey(), model.manager().zeros(e.getValue().getShape()));
        }
    }

    static boolean isFrozen(String name, int freezeLayers) {
        if (freezeLayers <= 0) return false;
        if (name.equals("wte") || name.equals("wpe")) return true;
        if (!name.startsWith("h.")) return false;
        int layer = Integer.parseInt(name.substring(2, name.indexOf('.', 2)));
        return layer < freezeLayers;
    }

    private static boolean decays(NDArray weight) {
        return weight.getShape().dimension() >= 2;
    }

    /** Scales gradients so their global L2 norm is at most {@code maxNorm}; returns the norm before clipping. */
    double clipGradients(double maxNorm) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray total = null;
            for (NDArray w : trainable.values()) {
                NDArray g = w.getGradient();
                NDArray squares = g.flatten().dot(g.flatten());
                total = total == null ? squares : total.addi(squares);
            }
            double norm = Math.sqrt(total.getFloat()); // one device-to-host read per step, not one per weight
            if (norm > maxNorm) for (NDArray w : trainable.values()) w.getGradient().muli(maxNorm / (norm + 1e-6));
            return norm;
        }
    }

    void step(double lr) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray w = e.getValue();
                NDArray g = w.getGradient();
                NDArray mi = m.get(e.getKey());
                NDArray vi = v.get(e.getKey());
                mi.muli(BETA1).addi(g.mul(1 - BETA1));
                vi.muli(BETA2).addi(g.square().muli(1 - BETA2));
                if (weightDecay > 0 && decays(w)) w.muli(1 - lr * weightDecay);
                // p -= lr/c1 · m / (sqrt(v)/sqrt(c2) + eps): the bias corrections folded into scalars, as torch does
                NDArray denominator = vi.sqrt().muli(1 / Math.sqrt(c2)).addi(EPS);
                w.subi(mi.div(denominator).muli(lr / c1));
            }
        }
    }

    /** Gradients accumulate across backward passes (micro-batches); this clears them after a step. */
    void zeroGradients() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (NDArray w : trainable.values()) {
                NDArray g = w.getGradient();
                g.subi(g);
            }
        }
    }

    int steps() {
        return steps;
    }

    /** Moments by name ("adam.m.wte", "adam.v.wte", …) for checkpoints. */
    Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("adam.m." + k, a));
        v.forEach((k, a) -> out.put("adam.v." + k, a));
        return out;
    }

    void restore(int savedSteps, Map<String, float[]> tensors) {
        steps = savedSteps;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            float[] values = tensors.get(e.getKey());
            if (values == null) missing.add(e.getKey());
            else e.getValue().set(values);
        }
        if (!missing.isEmpty()) throw new IllegalStateException("optimizer state missing for " + missing.size() + " weights");
    }
}
