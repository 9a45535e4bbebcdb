package loopsmith.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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

    /**
     * Clips the gradients to a global L2 norm of at most {@code maxNorm} and takes one AdamW step; returns the norm
     * before clipping.
     */
    double step(double lr, double maxNorm) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> grads = new LinkedHashMap<>();
            trainable.forEach((name, w) -> grads.put(name, w.getGradient()));
            double norm = globalNorm(grads.values());
            float clipScale = norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
            // DJL's fused update does a weight's whole step in one native call (a dozen separate array operations per
            // weight cost a fifth of the optimizer's time in call overhead): w -= lr·wd·w, then m and v as usual, then
            // w -= lr'·m / (sqrt(v) + eps'). The bias corrections fold into lr' = lr·sqrt(c2)/c1 and eps' = eps·sqrt(c2),
            // which is torch's lr/c1 · m / (sqrt(v)/sqrt(c2) + eps). The clip scale rides along as its gradient rescale.
            float correctedLr = (float) (lr * Math.sqrt(c2) / c1);
            float correctedEps = (float) (EPS * Math.sqrt(c2));
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray w = e.getValue();
                float decay = weightDecay > 0 && decays(w) ? (float) weightDecay : 0f;
                w.getNDArrayInternal().adamUpdate(new NDList(w, grads.get(e.getKey()), m.get(e.getKey()), v.get(e.getKey())),
                        new NDList(w), (float) lr, correctedLr, decay, clipScale, -1f, (float) BETA1, (float) BETA2,
                        correctedEps, false, true);
            }
            return norm;
        }
    }

    /** The L2 norm of all gradients together, read from the device once per step rather than once per weight. */
    private static double globalNorm(java.util.Collection<NDArray> grads) {
        NDList squares = new NDList(grads.size());
        for (NDArray g : grads) squares.add(g.flatten().dot(g.flatten()).reshape(1));
        return Math.sqrt(NDArrays.concat(squares).sum().getFloat());
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
