package loopsmith.model;

/** Plain loops, for JVMs without the Vector API module. Four rows at a time so x is read once per four. */
final class ScalarKernels implements Kernels {
    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    @Override
    public void matVecRows(float[] w, float[] b, float[] x, float[] out, int cols, int from, int to) {
        int r = from;
        for (; r + 3 < to; r += 4) {
            int o0 = r * cols, o1 = o0 + cols, o2 = o1 + cols, o3 = o2 + cols;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < cols; i++) {
                float xi = x[i];
                s0 += w[o0 + i] * xi;
                s1 += w[o1 + i] * xi;
                s2 += w[o2 + i] * xi;
                s3 += w[o3 + i] * xi;
            }
            out[r] = s0 + (b == null ? 0 : b[r]);
            out[r + 1] = s1 + (b == null ? 0 : b[r + 1]);
            out[r + 2] = s2 + (b == null ? 0 : b[r + 2]);
            out[r + 3] = s3 + (b == null ? 0 : b[r + 3]);
        }
        for (; r < to; r++) out[r] = dot(w, r * cols, x, 0, cols) + (b == null ? 0 : b[r]);
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
    }

    @Override
    public void matVecStrided(float[] w, int wo, int stride, float[] x, float[] out, int oo, int rows, int n) {
        for (int r = 0; r < rows; r++) out[oo + r] = dot(w, wo + r * stride, x, 0, n);
    }

    @Override
    public void vecMatStrided(float[] w, int wo, int stride, float[] x, float[] out, int rows, int n) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int r = 0; r < rows; r++) axpy(x[r], w, wo + r * stride, out, 0, n);
    }

    @Override
    public void softmax(float[] a, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) if (a[t] > max) max = a[t];
        float sum = 0;
        for (int t = 0; t < n; t++) {
            a[t] = (float) Math.exp(a[t] - max);
            sum += a[t];
        }
        float inv = 1 / sum;
        for (int t = 0; t < n; t++) a[t] *= inv;
    }

    @Override
    public String name() {
        return "scalar";
    }
}
