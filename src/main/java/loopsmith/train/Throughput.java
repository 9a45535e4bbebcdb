package loopsmith.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.model.Gpt;

/**
 * Training speed on random tokens, for {@code bench train}: the same step as a real run (forward, cross-entropy,
 * backward, clip, AdamW, zero gradients), with untimed warm-up steps first, as the PyTorch peer measures it.
 */
public final class Throughput {
    private Throughput() {}

    /** @param cpuUtil process CPU seconds ÷ (wall seconds × threads): near 1 on a quiet machine */
    public record Measurement(double tokensPerSecond, double msPerStep, double firstLoss, double finalLoss, double cpuUtil,
                              long parameters) { }

    public static Measurement measure(Gpt.Config config, int batch, int warmupSteps, int steps, int threads, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Gpt model = Gpt.create(config, seed, Device.cpu()); NDManager manager = NDManager.newBaseManager()) {
            AdamW optimizer = new AdamW(model, 0.1, 0);
            double first = Double.NaN;
            double last = Double.NaN;
            long t0 = 0;
            long cpu0 = 0;
            for (int s = 0; s < warmupSteps + steps; s++) {
                if (s == warmupSteps) {
                    t0 = System.nanoTime();
                    cpu0 = os.getProcessCpuTime();
                }
                last = Stepper.step(model, optimizer, manager, List.of(randomBatch(config, batch, rnd)), 3e-4, 1.0);
                if (s == 0) first = last;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            return new Measurement((double) batch * config.contextTokens() * steps / seconds, seconds * 1000 / steps, first, last,
                    cpu / (seconds * threads), config.parameterCount());
        }
    }

    /** Windows of ctx+1 random ids, as the peer draws them (id 0 included: no padding is ignored here). */
    private static Batches.Batch randomBatch(Gpt.Config c, int batch, SplittableRandom rnd) {
        int t = c.contextTokens();
        long[] inputs = new long[batch * t];
        long[] targets = new long[batch * t];
        for (int r = 0; r < batch; r++) {
            long prev = 1 + rnd.nextInt(c.vocabSize() - 1);
            for (int i = 0; i < t; i++) {
                long next = 1 + rnd.nextInt(c.vocabSize() - 1);
                inputs[r * t + i] = prev;
                targets[r * t + i] = next;
                prev = next;
            }
        }
        return new Batches.Batch(inputs, targets, batch, t, (long) batch * t);
    }
}
