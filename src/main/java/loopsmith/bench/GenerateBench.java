package loopsmith.bench;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loopsmith.generate.DjlLanguageModel;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Generator;
import loopsmith.generate.JavaLanguageModel;
import loopsmith.generate.LanguageModel;
import loopsmith.generate.SamplingConfig;
import loopsmith.generate.TokenChooser;
import loopsmith.generate.TrackSpec;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.JavaGpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Vocabulary;

/**
 * {@code bench generate}: greedy KV-cache decoding tokens/s at batch 1 (1-token prompt, as the peer) with the plain-Java
 * path, next to the PyTorch peer's KV-cache loop on the same config and threads in the same run; also the DJL path,
 * batch 8 (sequences spread over the threads), the small preset, and the wall time of an 8-bar 4-track idea.
 *
 * <p>The tokens/s figures come from a bare loop, not the {@link Generator}, because the peer's figure is bare: greedy
 * decoding of a random 512-token model with no vocabulary and no grammar. The Generator needs a Loopsmith vocabulary
 * the model's size and masks every step by the grammar, so timing it against the peer would set different work side
 * by side. The loop still runs what the Generator runs per token, a {@link LanguageModel} session and the
 * {@link TokenChooser} step, with no mask; the Generator itself is timed by the idea's wall time.
 */
public final class GenerateBench {
    private GenerateBench() {}

    public static Map<String, Object> run(int threads, int genTokens, int warmup, Optional<Path> model, Path peerScript) {
        Gpt.Config peerConfig = new Gpt.Config(512, 256, 4, 4, 256, 0f);
        Map<String, float[]> weights;
        try (Gpt g = Gpt.create(peerConfig, 1337, Device.cpu())) {
            weights = Checkpoint.weightsOf(g);
        }
        JavaGpt java = new JavaGpt(peerConfig, weights);
        double batch1 = javaTokensPerSecond(java, 1, threads, genTokens, warmup);
        double batch8 = javaTokensPerSecond(java, 8, threads, genTokens, warmup);
        double djl = djlTokensPerSecond(peerConfig, weights, genTokens, warmup);
        JsonNode peer = Peer.run(peerScript, List.of("--mode", "generate", "--gen-tokens", Integer.toString(genTokens), "--vocab", "512",
                "--ctx", "256", "--layers", "4", "--heads", "4", "--dim", "256", "--threads", Integer.toString(threads),
                "--warmup-steps", Integer.toString(warmup)), 1800);

        Vocabulary vocabulary = Vocabulary.defaults();
        Gpt.Config small = Gpt.Config.small(vocabulary.size());
        JavaGpt smallJava;
        String smallSource;
        if (model.isPresent()) {
            ModelFile m = ModelFile.load(model.get());
            vocabulary = m.vocabulary();
            small = m.config();
            smallJava = new JavaGpt(small, m.contents().tensors());
            smallSource = m.file().toString();
        } else {
            try (Gpt g = Gpt.create(small, 1337, Device.cpu())) {
                smallJava = new JavaGpt(small, Checkpoint.weightsOf(g));
            }
            smallSource = "untrained small preset (bars run to their token budget: a worst case)";
        }
        double smallBatch1 = javaTokensPerSecond(smallJava, 1, threads, genTokens, warmup);
        double smallBatch8 = javaTokensPerSecond(smallJava, 8, threads, genTokens, warmup);
        Generator generator = new Generator(new JavaLanguageModel(smallJava), vocabulary);
        GenerationRequest idea = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR, Key.parse("Am"), 8,
                List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS), TrackSpec.of(Role.MELODY)),
                SamplingConfig.defaults(), 7);
        for (int i = 1; i <= IDEA_WARMUPS; i++) generator.generate(idea.withSeed(i)); // a warm server, as for tokens/s
        List<Double> ideaTimes = new ArrayList<>();
        Generator.Result r = null;
        for (int run = 0; run < TIMED_RUNS; run++) { // the same idea each time: one figure that does not move with the seed
            long t0 = System.nanoTime();
            r = generator.generate(idea).get(0);
            ideaTimes.add((System.nanoTime() - t0) / 1e9);
        }
        ideaTimes.sort(null);
        double ideaSeconds = ideaTimes.get(ideaTimes.size() / 2);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "generate");
        out.put("threads", threads);
        out.put("config", Map.of("vocab", 512, "ctx", 256, "layers", 4, "heads", 4, "dim", 256, "gen_tokens", genTokens, "batch", 1));
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("path", "plain Java, KV cache, greedy");
        ours.put("kernels", JavaGpt.kernels());
        ours.put("tokens_per_s", round(batch1));
        ours.put("ms_per_token", round(1000 / batch1));
        ours.put("batch8_tokens_per_s", round(batch8));
        ours.put("djl_kv_tokens_per_s", round(djl));
        out.put("ours", ours);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("peer", peer.path("peer").asText());
        p.put("version", peer.path("version").asText());
        p.put("params", peer.path("params").asLong());
        p.put("naive_tokens_per_s", peer.path("naive").path("tokens_per_s").asDouble());
        p.put("kv_cache_tokens_per_s", peer.path("kv_cache").path("tokens_per_s").asDouble());
        p.put("tokens_match", peer.path("tokens_match").asBoolean());
        out.put("peer", p);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", smallSource);
        s.put("config", small);
        s.put("tokens_per_s", round(smallBatch1));
        s.put("batch8_tokens_per_s", round(smallBatch8));
        s.put("idea_8_bars_4_tracks_seconds", round(ideaSeconds));
        s.put("idea_tokens", r.tokens().size());
        out.put("small", s);
        out.put("ratio", round(batch1 / peer.path("kv_cache").path("tokens_per_s").asDouble()));
        out.put("target", 2.0);
        return out;
    }

    /** Untimed decoding before the timed runs: long enough for the JIT to compile the hot loops (C2, ~1 s). */
    private static final long WARM_NANOS = 2_000_000_000L;
    private static final int TIMED_RUNS = 5;
    private static final int IDEA_WARMUPS = 3;

    /**
     * Greedy decoding of {@code batch} sequences, 1-token prompt; tokens/s over all of them, the median of five runs
     * after a warm-up that lets the JIT finish (the peer's PyTorch loop needs none; a Java server is warm after its
     * first request). One sequence uses the threads inside each product; several run side by side, one thread each.
     */
    static double javaTokensPerSecond(JavaGpt model, int batch, int threads, int tokens, int warmup) {
        int inner = batch == 1 ? threads : 1;
        LanguageModel language = new JavaLanguageModel(model, inner, inner);
        long warmStart = System.nanoTime();
        long warmTokens = 0; // --warmup counts units of 8 tokens, as for the peer; the time floor lets C2 finish
        while (warmTokens < warmup * 8L || System.nanoTime() - warmStart < WARM_NANOS) {
            greedy(language, tokens);
            warmTokens += tokens;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, batch)));
        try {
            List<Double> rates = new ArrayList<>();
            for (int run = 0; run < TIMED_RUNS; run++) {
                long t0 = System.nanoTime();
                List<Future<?>> jobs = new ArrayList<>();
                for (int b = 0; b < batch; b++) jobs.add(pool.submit(() -> greedy(language, tokens)));
                for (Future<?> f : jobs) f.get();
                rates.add((double) batch * tokens / ((System.nanoTime() - t0) / 1e9));
            }
            rates.sort(null);
            return rates.get(rates.size() / 2);
        } catch (Exception e) {
            throw new LoopsmithException(null, "benchmark failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Greedy decoding from token 0, as the peer decodes: the ids drawn. */
    static int[] greedy(LanguageModel model, int tokens) {
        SamplingConfig greedy = SamplingConfig.greedy(tokens);
        float[] noMask = new float[model.vocabSize()];
        SplittableRandom unused = new SplittableRandom(0); // greedy never draws
        int[] out = new int[tokens];
        try (LanguageModel.Session session = model.newSession()) {
            int next = 0;
            for (int i = 0; i < tokens; i++) {
                next = TokenChooser.choose(session.feed(new int[] {next}), noMask, greedy, unused);
                out[i] = next;
            }
        }
        return out;
    }

    private static double djlTokensPerSecond(Gpt.Config config, Map<String, float[]> weights, int tokens, int warmup) {
        try (Gpt g = Gpt.fromWeights(config, weights, Device.cpu())) {
            LanguageModel language = new DjlLanguageModel(g);
            for (int round = 0; round < 2; round++) {
                int n = round == 0 ? Math.min(tokens, warmup * 8) : tokens;
                long t0 = System.nanoTime();
                if (n > 0) greedy(language, n);
                if (round == 1) return n / ((System.nanoTime() - t0) / 1e9);
            }
            return 0;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
