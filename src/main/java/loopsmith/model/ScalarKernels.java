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
        matVecStrided(w, from * cols, cols, x, out, from, to - from, cols);
        if (b != null) for (int r = from; r < to; r++) out[r] += b[r];
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
    }

    @Override
    public void matVecStrided(float[] w, int wo, int stride, float[] x, float[] out, int oo, int rows, int n) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int o0 = wo + r * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < n; i++) {
                float xi = x[i];
                s0 += w[o0 + i] * xi;
                s1 += w[o1 + i] * xi;
                s2 += w[o2 + i] * xi;
                s3 += w[o3 + i] * xi;
            }
            out[oo + r] = s0;
            out[oo + r + 1] = s1;
            out[oo + r + 2] = s2;
            out[oo + r + 3] = s3;
        }
        for (; r < rows; r++) out[oo + r] = dot(w, wo + r * stride, x, 0, n);
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
