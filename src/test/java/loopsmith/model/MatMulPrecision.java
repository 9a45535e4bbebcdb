package loopsmith.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * How far libtorch's fp32 matrix product is from a float64 one, on the shape of a training step's q/k/v projection.
 * Run in-process by a test, and as a child JVM with the launcher's MKL shim preloaded ({@link MklVendorShimTest}).
 */
public final class MatMulPrecision {
    private MatMulPrecision() {}

    /** max |ours − exact| ÷ Σ|terms| over the sampled entries: ~1e-7 for fp32 sums, ~1e-3 were the products bf16. */
    static double maxRelativeError() {
        int n = 2048, c = 256, o = 768;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            NDArray x = m.randomNormal(new Shape(n, c));
            NDArray w = m.randomNormal(new Shape(o, c));
            float[] xf = x.toFloatArray();
            float[] wf = w.toFloatArray();
            float[] r = x.matMul(w.transpose()).toFloatArray();
            double worst = 0;
            for (int i = 0; i < n; i += 13) {
                for (int j = 0; j < o; j++) {
                    double exact = 0;
                    double scale = 0;
                    for (int k = 0; k < c; k++) {
                        double term = (double) xf[i * c + k] * wf[j * c + k];
                        exact += term;
                        scale += Math.abs(term);
                    }
                    worst = Math.max(worst, Math.abs(r[i * o + j] - exact) / scale);
                }
            }
            return worst;
        }
    }

    public static void main(String[] args) {
        System.out.println("max relative error " + maxRelativeError());
    }
}
