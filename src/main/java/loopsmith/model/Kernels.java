package loopsmith.model;

/**
 * The inner loops of plain-Java inference: dot products, matrix-vector rows and scaled additions. Two versions: the
 * JDK Vector API ({@link VectorKernels}, 4–5× faster here: C2 will not vectorize a float reduction on its own, since
 * it must keep the source's summation order) when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (the launcher does this), and plain loops ({@link ScalarKernels}) otherwise.
 */
interface Kernels {
    /** Chosen once per JVM; only the chosen class is loaded, so the JIT sees one implementation and inlines it. */
    Kernels BEST = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? new VectorKernels() : new ScalarKernels();

    /** Σ a[ao + i] · b[bo + i] for i in [0, n). */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /** out[r] = W[r]·x + b[r] for rows r in [from, to); W (rows, cols) row-major; b may be null. */
    void matVecRows(float[] w, float[] b, float[] x, float[] out, int cols, int from, int to);

    /** y[yo + i] += a · x[xo + i] for i in [0, n). */
    void axpy(float a, float[] x, int xo, float[] y, int yo, int n);

    /** out[oo + r] = Σ w[wo + r · stride + t] · x[t] for t in [0, n), rows r in [0, rows): rows of a strided matrix. */
    void matVecStrided(float[] w, int wo, int stride, float[] x, float[] out, int oo, int rows, int n);

    /** out[t] = Σ x[r] · w[wo + r · stride + t] for r in [0, rows), t in [0, n): x times a strided matrix. */
    void vecMatStrided(float[] w, int wo, int stride, float[] x, float[] out, int rows, int n);

    /** a[0, n) replaced by its softmax (n ≥ 1). */
    void softmax(float[] a, int n);

    /** A short name for reports. */
    String name();
}
