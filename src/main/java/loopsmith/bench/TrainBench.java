package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.model.Gpt;
import loopsmith.tokens.Vocabulary;
import loopsmith.train.ProcessMemory;
import loopsmith.train.Throughput;

/**
 * {@code bench train}: training tokens/s of our model next to the PyTorch peer ({@code gpt_train_torch.py}) in the same
 * run, on the peer's config (vocab 512, ctx 256, 4 layers, 4 heads, dim 256, batch 8, fp32, same threads, 3 untimed
 * warm-up steps then 30 timed ones, random tokens); plus the {@code small} preset on our own vocabulary, and peak RSS.
 */
public final class TrainBench {
    private TrainBench() {}

    public static Map<String, Object> run(int threads, int steps, int warmup, Path peerScript) {
        Gpt.Config peerConfig = new Gpt.Config(512, 256, 4, 4, 256, 0f);
        int batch = 8;
        Throughput.Measurement ours = Throughput.measure(peerConfig, batch, warmup, steps, threads, 1337);
        JsonNode peer = Peer.run(peerScript, List.of("--vocab", "512", "--ctx", "256", "--layers", "4", "--heads", "4",
                "--dim", "256", "--batch", Integer.toString(batch), "--steps", Integer.toString(steps), "--warmup-steps",
                Integer.toString(warmup), "--threads", Integer.toString(threads), "--seed", "1337"), 3600);
        Gpt.Config small = Gpt.Config.small(Vocabulary.defaults().size());
        Throughput.Measurement smallRun = Throughput.measure(small, 8, 2, Math.max(3, steps / 3), threads, 1337);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "train");
        out.put("threads", threads);
        out.put("config", Map.of("vocab", 512, "ctx", 256, "layers", 4, "heads", 4, "dim", 256, "batch", batch,
                "steps", steps, "warmup_steps", warmup));
        out.put("ours", figures(ours));
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : List.of("peer", "version", "params", "tokens_per_s", "ms_per_step", "first_loss", "final_loss", "cpu_util", "peak_rss_mb", "blas"))
            p.put(k, peer.path(k).isNumber() ? peer.path(k).numberValue() : peer.path(k).asText());
        out.put("peer", p);
        Map<String, Object> s = figures(smallRun);
        s.put("preset", "small");
        s.put("config", small);
        s.put("batch", 8);
        out.put("small", s);
        out.put("peak_rss_mb", ProcessMemory.peakMb());
        // Whether the launcher's MKL shim (AMD CPUs with AVX-512, see ./loopsmith) is in this process: it decides
        // which of MKL's kernels our matrix products ran on, so a figure without it says so.
        String libraries = mappedFiles();
        out.put("mkl_vendor_shim", libraries.contains("libloopsmith-mkl-vendor-shim"));
        out.put("allocator", libraries.contains("libjemalloc") ? "jemalloc" : "glibc");
        out.put("ratio", Math.round(ours.tokensPerSecond() / peer.path("tokens_per_s").asDouble() * 100) / 100.0);
        out.put("target", 1.1);
        return out;
    }

    /** The files mapped into this process (its native libraries among them); empty where /proc is not there. */
    private static String mappedFiles() {
        try {
            return Files.readString(Path.of("/proc/self/maps"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Map<String, Object> figures(Throughput.Measurement m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("params", m.parameters());
        f.put("tokens_per_s", Math.round(m.tokensPerSecond() * 10) / 10.0);
        f.put("ms_per_step", Math.round(m.msPerStep() * 100) / 100.0);
        f.put("first_loss", Math.round(m.firstLoss() * 10000) / 10000.0);
        f.put("final_loss", Math.round(m.finalLoss() * 10000) / 10000.0);
        f.put("cpu_util", Math.round(m.cpuUtil() * 100) / 100.0);
        return f;
    }
}
