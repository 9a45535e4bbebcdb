package loopsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/** The Vector API kernels compute what the plain loops compute, at every length and offset, tails included. */
@UnitTest
class KernelsTest {
    private final Kernels scalar = new ScalarKernels();
    private final Kernels vector = new VectorKernels();
    private final Random random = new Random(9);

    @Test
    void testsRunTheVectorPathTheLauncherRuns() {
        assertTrue(Kernels.BEST instanceof VectorKernels, "surefire and ./loopsmith add jdk.incubator.vector; got " + Kernels.BEST.name());
    }

    @Test
    void dotAndAxpyAgreeAtEveryLengthAndOffset() {
        for (int n = 0; n <= 70; n++) {
            int ao = random.nextInt(5), bo = random.nextInt(5);
            float[] a = randoms(n + ao), b = randoms(n + bo);
            assertEquals(scalar.dot(a, ao, b, bo, n), vector.dot(a, ao, b, bo, n), 1e-5f * (n + 1), "dot, n = " + n);
            float[] y1 = randoms(n + bo), y2 = y1.clone();
            scalar.axpy(0.7f, a, ao, y1, bo, n);
            vector.axpy(0.7f, a, ao, y2, bo, n);
            for (int i = 0; i < y1.length; i++) assertEquals(y1[i], y2[i], 1e-6f, "axpy, n = " + n + ", i = " + i);
        }
    }

    @Test
    void matVecRowsAgreeForOddShapesAndRowRanges() {
        for (int[] shape : new int[][] {{1, 1}, {7, 5}, {16, 16}, {33, 9}, {256, 768}, {257, 13}, {64, 791}}) {
            int cols = shape[0], rows = shape[1];
            float[] w = randoms(rows * cols), x = randoms(cols), bias = randoms(rows);
            int from = rows > 4 ? 3 : 0;
            float[] o1 = new float[rows], o2 = new float[rows];
            scalar.matVecRows(w, bias, x, o1, cols, from, rows);
            vector.matVecRows(w, bias, x, o2, cols, from, rows);
            for (int r = 0; r < rows; r++) assertEquals(o1[r], o2[r], 1e-5f * cols, cols + "x" + rows + " row " + r);
            scalar.matVecRows(w, null, x, o1, cols, 0, rows);
            vector.matVecRows(w, null, x, o2, cols, 0, rows);
            for (int r = 0; r < rows; r++) assertEquals(o1[r], o2[r], 1e-5f * cols, cols + "x" + rows + " row " + r + " without bias");
        }
    }

    @Test
    void stridedProductsAgreeWithTheirDefinitionForOddShapes() {
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {32, 16}, {32, 63}, {32, 64}, {32, 65}, {5, 200}, {32, 1024}}) {
            int rows = shape[0], n = shape[1], stride = n + 11, wo = 5;
            float[] w = randoms(wo + rows * stride), xr = randoms(n), xc = randoms(rows);
            for (Kernels k : new Kernels[] {scalar, vector}) {
                float[] rowsOut = new float[rows + 2];
                k.matVecStrided(w, wo, stride, xr, rowsOut, 2, rows, n);
                for (int r = 0; r < rows; r++) {
                    double want = 0;
                    for (int t = 0; t < n; t++) want += w[wo + r * stride + t] * xr[t];
                    assertEquals(want, rowsOut[2 + r], 1e-5 * n, k.name() + " matVecStrided " + rows + "x" + n + " row " + r);
                }
                float[] colsOut = randoms(n + 3); // overwritten, not added to
                k.vecMatStrided(w, wo, stride, xc, colsOut, rows, n);
                for (int t = 0; t < n; t++) {
                    double want = 0;
                    for (int r = 0; r < rows; r++) want += xc[r] * w[wo + r * stride + t];
                    assertEquals(want, colsOut[t], 1e-5 * rows, k.name() + " vecMatStrided " + rows + "x" + n + " column " + t);
                }
            }
        }
    }

    @Test
    void softmaxSumsToOneAndMatchesExpAtEveryLength() {
        for (int n = 1; n <= 70; n++) {
            float[] a = randoms(n);
            for (int i = 0; i < n; i++) a[i] *= 8; // wide enough that the max shift matters
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (float v : a) max = Math.max(max, v);
            for (float v : a) sum += Math.exp(v - max);
            for (Kernels k : new Kernels[] {scalar, vector}) {
                float[] out = a.clone();
                k.softmax(out, n);
                for (int i = 0; i < n; i++)
                    assertEquals(Math.exp(a[i] - max) / sum, out[i], 1e-6, k.name() + " softmax, n = " + n + ", i = " + i);
            }
        }
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) random.nextGaussian();
        return a;
    }
}
