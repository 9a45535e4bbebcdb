package loopsmith.model;

import java.util.Map;

/**
 * The same GPT as {@link Gpt}, for generation only, in plain Java (llama2.java style): weights in float arrays, a
 * preallocated KV cache, no allocation per token. At batch 1 a small model is dominated by DJL's per-operation cost
 * (a JNI call and a tensor object for each of ~80 operations per token); here a token costs only its arithmetic.
 * The math mirrors {@link Gpt#step}; a test holds their logits within 1e-4 of each other.
 *
 * <p>Weight layout is PyTorch's: a linear layer's weight is (out, in), row-major.
 */
public final class JavaGpt {
    private static final Kernels K = Kernels.BEST;

    private final Gpt.Config c;
    private final float[] wte;
    private final float[] wpe;
    private final float[][] ln1w, ln1b, attnW, attnB, projW, projB, ln2w, ln2b, fcW, fcB, fc2W, fc2B;
    private final float[] lnfw, lnfb;

    public JavaGpt(Gpt.Config config, Map<String, float[]> weights) {
        this.c = config;
        int l = config.layers();
        wte = need(weights, "wte");
        wpe = need(weights, "wpe");
        ln1w = new float[l][]; ln1b = new float[l][]; attnW = new float[l][]; attnB = new float[l][];
        projW = new float[l][]; projB = new float[l][]; ln2w = new float[l][]; ln2b = new float[l][];
        fcW = new float[l][]; fcB = new float[l][]; fc2W = new float[l][]; fc2B = new float[l][];
        for (int i = 0; i < l; i++) {
            String p = "h." + i + ".";
            ln1w[i] = need(weights, p + "ln_1.weight");
            ln1b[i] = need(weights, p + "ln_1.bias");
            attnW[i] = need(weights, p + "attn.c_attn.weight");
            attnB[i] = need(weights, p + "attn.c_attn.bias");
            projW[i] = need(weights, p + "attn.c_proj.weight");
            projB[i] = need(weights, p + "attn.c_proj.bias");
            ln2w[i] = need(weights, p + "ln_2.weight");
            ln2b[i] = need(weights, p + "ln_2.bias");
            fcW[i] = need(weights, p + "mlp.c_fc.weight");
            fcB[i] = need(weights, p + "mlp.c_fc.bias");
            fc2W[i] = need(weights, p + "mlp.c_proj.weight");
            fc2B[i] = need(weights, p + "mlp.c_proj.bias");
        }
        lnfw = need(weights, "ln_f.weight");
        lnfb = need(weights, "ln_f.bias");
    }

    private static float[] need(Map<String, float[]> w, String name) {
        float[] a = w.get(name);
        if (a == null) throw new IllegalArgumentException("weight " + name + " missing");
        return a;
    }

    /** Which inner loops this JVM runs: the Vector API's or plain Java's. */
    public static String kernels() {
        return K.name();
    }

    public Gpt.Config config() {
        return c;
    }

    /**
     * Keys and values of every position so far, channel-major (channel i of position t at i · context + t),
     * preallocated for the whole context, plus scratch buffers. A cache made
     * with two threads splits each large matrix-vector product with a helper thread; close it to stop the helper.
     */
    public final class Cache implements AutoCloseable {
        private final RowSplitter splitter;
        private final float[][] keys = new float[c.layers()][c.contextTokens() * c.embedDim()];
        private final float[][] values = new float[c.layers()][c.contextTokens() * c.embedDim()];
        private final float[] x = new float[c.embedDim()];
        private final float[] xn = new float[c.embedDim()];
        private final float[] qkv = new float[3 * c.embedDim()];
        private final float[] att = new float[c.contextTokens()];
        private final float[] q = new float[c.headDim()];
        private final float[] att2 = new float[c.contextTokens()]; // the helper's, when it takes half the heads
        private final float[] q2 = new float[c.headDim()];
        private final float[] y = new float[c.embedDim()];
        private final float[] h = new float[4 * c.embedDim()];
        private final float[] out = new float[c.embedDim()];
        private final float[] logits = new float[c.vocabSize()];
        private int length;

        private Cache(int threads) {
            splitter = threads > 1 ? new RowSplitter() : null;
        }

        public int length() {
            return length;
        }

        @Override
        public void close() {
            if (splitter != null) splitter.close();
        }
    }

    /** A single-threaded cache. */
    public Cache newCache() {
        return new Cache(1);
    }

    /** A cache whose large products use {@code threads} threads (1 or 2). */
    public Cache newCache(int threads) {
        return new Cache(threads);
    }

    /** Feeds one token at the next position and returns the logits for the one after it (a buffer reused per call). */
    public float[] step(int token, Cache s) {
        int e = c.embedDim();
        int pos = s.length;
        if (pos >= c.contextTokens()) throw new IllegalArgumentException("context of " + c.contextTokens() + " tokens is full");
        for (int i = 0; i < e; i++) s.x[i] = wte[token * e + i] + wpe[pos * e + i];
        int heads = c.heads();
        for (int l = 0; l < c.layers(); l++) {
            layerNorm(s.x, ln1w[l], ln1b[l], s.xn);
            matVec(s, attnW[l], attnB[l], s.xn, s.qkv, e, 3 * e);                 // (3C): q | k | v
            int ctx = c.contextTokens();
            for (int i = 0; i < e; i++) {
                s.keys[l][i * ctx + pos] = s.qkv[e + i];
                s.values[l][i * ctx + pos] = s.qkv[2 * e + i];
            }
            int layer = l;
            if (s.splitter == null || 2L * (pos + 1) * e < SPLIT_MIN_MACS) {
                attend(s, layer, 0, heads, pos, s.att, s.q);
            } else { // the heads are independent: the helper takes the second half
                int half = heads / 2;
                s.splitter.run(() -> attend(s, layer, half, heads, pos, s.att2, s.q2));
                attend(s, layer, 0, half, pos, s.att, s.q);
                s.splitter.await();
            }
            matVec(s, projW[l], projB[l], s.y, s.out, e, e);
            for (int i = 0; i < e; i++) s.x[i] += s.out[i];
            layerNorm(s.x, ln2w[l], ln2b[l], s.xn);
            matVec(s, fcW[l], fcB[l], s.xn, s.h, e, 4 * e);
            for (int i = 0; i < 4 * e; i++) s.h[i] = gelu(s.h[i]);
            matVec(s, fc2W[l], fc2B[l], s.h, s.out, 4 * e, e);
            for (int i = 0; i < e; i++) s.x[i] += s.out[i];
        }
        layerNorm(s.x, lnfw, lnfb, s.xn);
        matVec(s, wte, null, s.xn, s.logits, e, c.vocabSize());                  // tied head
        s.length++;
        return s.logits;
    }

    /**
     * Causal self-attention of heads [from, to) for the token at {@code pos}, into {@code s.y}. The cache is
     * channel-major, so a head's scores are its scaled query times a (d, positions) block and its output that block of
     * values times the weights: vector loops as long as the context, where a position-major cache gives one short dot
     * with a lane reduction per position and head.
     */
    private void attend(Cache s, int l, int from, int to, int pos, float[] att, float[] q) {
        int ctx = c.contextTokens();
        int d = c.headDim();
        int n = pos + 1;
        float scale = (float) (1.0 / Math.sqrt(d));
        float[] keys = s.keys[l], values = s.values[l];
        for (int hd = from; hd < to; hd++) {
            int off = hd * d;
            for (int i = 0; i < d; i++) q[i] = s.qkv[off + i] * scale;
            K.vecMatStrided(keys, off * ctx, ctx, q, att, d, n);
            K.softmax(att, n);
            K.matVecStrided(values, off * ctx, ctx, att, s.y, off, d, n);
        }
    }

    private static void layerNorm(float[] x, float[] w, float[] b, float[] out) {
        int n = x.length;
        float mean = 0;
        for (float v : x) mean += v;
        mean /= n;
        float var = 0;
        for (float v : x) var += (v - mean) * (v - mean);
        var /= n;
        float inv = (float) (1 / Math.sqrt(var + 1e-5));
        for (int i = 0; i < n; i++) out[i] = (x[i] - mean) * inv * w[i] + b[i];
    }

    /** Products smaller than this many multiply-adds are not worth a hand-off to the helper thread. */
    private static final int SPLIT_MIN_MACS = 32 * 1024;

    /** out = W·x + b, the rows split between this thread and the cache's helper when it has one and W is large. */
    private static void matVec(Cache s, float[] w, float[] b, float[] x, float[] out, int cols, int rows) {
        if (s.splitter == null || (long) rows * cols < SPLIT_MIN_MACS) {
            K.matVecRows(w, b, x, out, cols, 0, rows);
            return;
        }
        int mid = (rows / 2) & ~3;
        s.splitter.run(() -> K.matVecRows(w, b, x, out, cols, mid, rows));
        K.matVecRows(w, b, x, out, cols, 0, mid);
        s.splitter.await();
    }

    /** Exact GELU, x·Φ(x), with erf from Abramowitz–Stegun 7.1.26 (error below 1.5e-7, well inside the 1e-4 budget). */
    private static float gelu(float x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
        if (x < 0) erf = -erf;
        return (float) (0.5 * x * (1 + erf));
    }
}
