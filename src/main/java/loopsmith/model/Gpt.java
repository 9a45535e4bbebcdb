package loopsmith.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The Loopsmith language model: a GPT-style decoder over the REMI/MMM token vocabulary, after nanoGPT's model.py.
 * Config first, then the weights, then the blocks (attention, MLP), then the forward passes: the full one for
 * training and a KV-cache one for generation. No model math lives anywhere else.
 *
 * <p>Positions are learned embeddings, as in GPT-2 and the PyTorch peer the benchmark compares with: ingest cuts
 * music into N-bar segments that fit the context, and generation longer than the context slides a window at bar
 * lines, so the extrapolation RoPE or ALiBi would buy is not needed, and the same parameter count as the peer keeps
 * the comparison fair.
 *
 * <p>Shapes: B = batch, T = tokens, C = embedDim, H = heads, D = C / H, V = vocabulary.
 */
public final class Gpt implements AutoCloseable {

    /**
     * @param contextTokens longest sequence the model sees at once
     * @param dropout       on attention weights, residual branches and embeddings while training
     */
    public record Config(int vocabSize, int contextTokens, int layers, int heads, int embedDim, float dropout) {
        public Config {
            if (vocabSize < 2) throw new IllegalArgumentException("vocabSize must be >= 2");
            if (contextTokens < 2) throw new IllegalArgumentException("contextTokens must be >= 2");
            if (layers < 1 || heads < 1) throw new IllegalArgumentException("layers and heads must be >= 1");
            if (embedDim % heads != 0) throw new IllegalArgumentException("embedDim % heads != 0");
            if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be 0..<1");
        }

        /** For tests: trains in seconds on a CPU. */
        public static Config tiny(int vocabSize) {
            return new Config(vocabSize, 256, 2, 2, 64, 0f);
        }

        /**
         * The CPU default, ~5 M parameters. The context holds an 8-bar segment of four parts whole (bar-interleaved, so
         * every part hears every other; see README for tokens per bar), so generation rarely slides its window.
         */
        public static Config small(int vocabSize) {
            return new Config(vocabSize, 1024, 6, 8, 256, 0.1f);
        }

        /** For a GPU: 16-bar segments of four parts, ~26 M parameters. */
        public static Config base(int vocabSize) {
            return new Config(vocabSize, 2048, 8, 8, 512, 0.1f);
        }

        public static Config preset(String name, int vocabSize) {
            return switch (name) {
                case "tiny" -> tiny(vocabSize);
                case "small" -> small(vocabSize);
                case "base" -> base(vocabSize);
                default -> throw new IllegalArgumentException("unknown preset '" + name + "' (tiny, small, base)");
            };
        }

        public int headDim() {
            return embedDim / heads;
        }

        /** Trainable numbers; the tied output head is counted once, as the embedding. */
        public long parameterCount() {
            long c = embedDim;
            return (long) vocabSize * c + (long) contextTokens * c + layers * (12 * c * c + 13 * c) + 2 * c;
        }
    }

    private final Config config;
    private final NDManager manager; // owns the weights for the model's lifetime
    private final Map<String, NDArray> weights = new LinkedHashMap<>();
    private final NDArray causalMask; // (ctx, ctx): 0 on and below the diagonal, -inf above

    private Gpt(Config config, Device device) {
        this.config = config;
        this.manager = NDManager.newBaseManager(device);
        int n = config.contextTokens();
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) mask[i * n + j] = Float.NEGATIVE_INFINITY;
        this.causalMask = manager.create(mask, new Shape(n, n));
    }

    /** Weight names and shapes, in the one order used for init, checkpoints and the optimizer. */
    public static Map<String, Shape> layout(Config c) {
        long v = c.vocabSize();
        long e = c.embedDim();
        Map<String, Shape> s = new LinkedHashMap<>();
        s.put("wte", new Shape(v, e));                                     // token embedding, also the output head
        s.put("wpe", new Shape(c.contextTokens(), e));                     // position embedding
        for (int l = 0; l < c.layers(); l++) {
            String p = "h." + l + ".";
            s.put(p + "ln_1.weight", new Shape(e));
            s.put(p + "ln_1.bias", new Shape(e));
            s.put(p + "attn.c_attn.weight", new Shape(3 * e, e));          // (3C, C): q, k, v in one matrix
            s.put(p + "attn.c_attn.bias", new Shape(3 * e));
            s.put(p + "attn.c_proj.weight", new Shape(e, e));
            s.put(p + "attn.c_proj.bias", new Shape(e));
            s.put(p + "ln_2.weight", new Shape(e));
            s.put(p + "ln_2.bias", new Shape(e));
            s.put(p + "mlp.c_fc.weight", new Shape(4 * e, e));             // (4C, C)
            s.put(p + "mlp.c_fc.bias", new Shape(4 * e));
            s.put(p + "mlp.c_proj.weight", new Shape(e, 4 * e));           // (C, 4C)
            s.put(p + "mlp.c_proj.bias", new Shape(e));
        }
        s.put("ln_f.weight", new Shape(e));
        s.put("ln_f.bias", new Shape(e));
        return s;
    }

    /**
     * A freshly initialized model, GPT-2 style: weights N(0, 0.02), residual projections scaled by 1/sqrt(2·layers),
     * biases 0, LayerNorm gains 1. The numbers come from a seeded Java RNG, so CPU and GPU start identically.
     */
    public static Gpt create(Config config, long seed, Device device) {
        Random rnd = new Random(seed);
        Map<String, float[]> init = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> w : layout(config).entrySet()) {
            String name = w.getKey();
            float[] values = new float[(int) w.getValue().size()];
            if (name.endsWith("ln_1.weight") || name.endsWith("ln_2.weight") || name.equals("ln_f.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (!name.endsWith(".bias")) {
                double std = name.endsWith("c_proj.weight") ? 0.02 / Math.sqrt(2.0 * config.layers()) : 0.02;
                for (int i = 0; i < values.length; i++) values[i] = (float) (rnd.nextGaussian() * std);
            }
            init.put(name, values);
        }
        return fromWeights(config, init, device);
    }

    /** A model with the given weights (from a checkpoint); every name of {@link #layout} must be present. */
    public static Gpt fromWeights(Config config, Map<String, float[]> values, Device device) {
        Gpt g = new Gpt(config, device);
        for (Map.Entry<String, Shape> w : layout(config).entrySet()) {
            float[] v = values.get(w.getKey());
            if (v == null || v.length != w.getValue().size())
                throw new IllegalArgumentException("weight " + w.getKey() + " missing or of the wrong size");
            NDArray a = g.manager.create(v, w.getValue());
            a.setRequiresGradient(true);
            g.weights.put(w.getKey(), a);
        }
        return g;
    }

    public Config config() {
        return config;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The weights by name, in layout order. Training updates them in place. */
    public Map<String, NDArray> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** Manager that holds long-lived arrays (optimizer state) beside the weights. */
    public NDManager manager() {
        return manager;
    }

    private NDArray w(String name) {
        return weights.get(name);
    }

    // ---- blocks ----------------------------------------------------------------------------------------------------

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    private NDArray layerNorm(NDArray x, String prefix) {
        return LayerNorm.layerNorm(x, new Shape(config.embedDim()), w(prefix + ".weight"), w(prefix + ".bias"), 1e-5f)
                .singletonOrThrow();
    }

    private NDArray dropout(NDArray x, boolean training) {
        return training && config.dropout() > 0 ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
    }

    /** Causal multi-head self-attention; with a cache, keys and values of earlier positions come from it. */
    private NDArray attention(int layer, NDArray x, KvCache cache, boolean training) {
        String p = "h." + layer + ".attn.";
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int h = config.heads();
        int d = config.headDim();
        // Split, not indexed: the gradient of a split is one concatenation, of an index a zero-filled copy per part.
        NDList qkv = linear(x, w(p + "c_attn.weight"), w(p + "c_attn.bias")).split(3, 2);   // 3 × (B, T, C)
        NDArray q = qkv.get(0).reshape(b, t, h, d).transpose(0, 2, 1, 3);                   // (B, H, T, D)
        NDArray k = qkv.get(1).reshape(b, t, h, d).transpose(0, 2, 1, 3);
        NDArray v = qkv.get(2).reshape(b, t, h, d).transpose(0, 2, 1, 3);
        int past = 0;
        if (cache != null) {
            past = cache.length;
            k = cache.append(layer, 0, k);                                          // (B, H, past + T, D)
            v = cache.append(layer, 1, v);
        }
        long total = past + t;
        // Scaling q (B, H, T, D) instead of the scores (B, H, T, past + T) is the same math on a smaller array.
        NDArray scores = q.mul(1.0 / Math.sqrt(d)).matMul(k.transpose(0, 1, 3, 2)); // (B, H, T, past + T)
        // The (B, H, T, T) arrays are the largest of a step (64 MB each for the small preset), and an array lives until
        // its step's scope ends unless closed: so the mask is added in place and the scores are freed once softmax
        // has read them (its gradient needs only its own output), as PyTorch frees them by reference counting.
        if (t > 1) scores.addi(causalMask.get(new NDIndex("{}:{}, :{}", past, past + t, total)));
        NDArray att = scores.softmax(-1);
        scores.close();
        att = dropout(att, training);
        NDArray y = att.matMul(v);                                                  // (B, H, T, D)
        y = y.transpose(0, 2, 1, 3).reshape(b, t, config.embedDim());              // (B, T, C)
        return dropout(linear(y, w(p + "c_proj.weight"), w(p + "c_proj.bias")), training);
    }

    private NDArray mlp(int layer, NDArray x, boolean training) {
        String p = "h." + layer + ".mlp.";
        NDArray hidden = Activation.gelu(linear(x, w(p + "c_fc.weight"), w(p + "c_fc.bias")));  // (B, T, 4C), erf GELU
        return dropout(linear(hidden, w(p + "c_proj.weight"), w(p + "c_proj.bias")), training);  // (B, T, C)
    }

    private NDArray block(int layer, NDArray x, KvCache cache, boolean training) {
        String p = "h." + layer + ".";
        x = x.add(attention(layer, layerNorm(x, p + "ln_1"), cache, training));      // pre-LayerNorm residuals
        return x.add(mlp(layer, layerNorm(x, p + "ln_2"), training));
    }

    // ---- forward ---------------------------------------------------------------------------------------------------

    private NDArray forward(NDArray tokens, int firstPosition, KvCache cache, boolean training) {
        long t = tokens.getShape().get(1);
        if (firstPosition + t > config.contextTokens())
            throw new IllegalArgumentException("sequence of " + (firstPosition + t) + " tokens exceeds the context of "
                    + config.contextTokens());
        NDArray tok = Embedding.embedding(tokens, w("wte"), SparseFormat.DENSE).singletonOrThrow();   // (B, T, C)
        NDArray pos = w("wpe").get(new NDIndex("{}:{}", firstPosition, firstPosition + t));            // (T, C)
        NDArray x = dropout(tok.add(pos), training);
        for (int l = 0; l < config.layers(); l++) x = block(l, x, cache, training);
        x = layerNorm(x, "ln_f");
        return linear(x, w("wte"), null);                                                               // (B, T, V)
    }

    /** Logits for every position of a batch of token ids (B, T), T at most the context. */
    public NDArray logits(NDArray tokens, boolean training) {
        return forward(tokens, 0, null, training);
    }

    /**
     * Mean cross-entropy of predicting {@code targets} (B, T) from {@code inputs} (B, T); positions whose target is
     * {@code ignoreId} (padding) do not count.
     */
    public NDArray loss(NDArray inputs, NDArray targets, int ignoreId, boolean training) {
        NDArray logProbs = logits(inputs, training).logSoftmax(-1);                                   // (B, T, V)
        NDArray picked = logProbs.gather(targets.expandDims(-1), -1).squeeze(-1);                     // (B, T)
        NDArray keep = targets.neq(ignoreId).toType(DataType.FLOAT32, false);
        return picked.mul(keep).sum().neg().div(keep.sum().maximum(1f));
    }

    /** Keys and values of the positions seen so far, per layer, for incremental decoding. */
    public final class KvCache implements AutoCloseable {
        private final NDArray[][] kv = new NDArray[config.layers()][2];
        private int length;

        /** Positions cached so far. */
        public int length() {
            return length;
        }

        private NDArray append(int layer, int which, NDArray fresh) {
            NDArray old = kv[layer][which];
            NDArray all = old == null ? fresh : old.concat(fresh, 2);
            NDScope.unregister(all); // outlives the step's scope
            if (old != null) old.close();
            kv[layer][which] = all;
            return all;
        }

        @Override
        public void close() {
            for (NDArray[] pair : kv) for (NDArray a : pair) if (a != null) a.close();
        }
    }

    public KvCache newCache() {
        return new KvCache();
    }

    /**
     * Feeds {@code tokens} (B, T) after the cached positions and returns the logits of the last one (B, V).
     * The first call may carry a whole prompt; later calls usually one token each.
     */
    public NDArray step(NDArray tokens, KvCache cache) {
        int first = cache.length;
        NDArray logits = forward(tokens, first, cache, false);
        cache.length += (int) tokens.getShape().get(1);
        long t = tokens.getShape().get(1);
        return logits.get(new NDIndex(":, {}, :", t - 1));
    }

    @Override
    public void close() {
        manager.close();
    }
}
