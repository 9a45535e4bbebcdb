package loopsmith.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import loopsmith.NativeTest;
import loopsmith.generate.JavaLanguageModel;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.JavaGpt;
import org.junit.jupiter.api.Test;

/** The bench's loop, through the Generator's sampling step, still does the peer's work: plain greedy decoding. */
@NativeTest
class GenerateBenchTest {
    @Test
    void theSharedStepDecodesAsPlainArgmax() {
        Gpt.Config config = new Gpt.Config(512, 64, 2, 2, 32, 0f);
        JavaGpt model;
        try (Gpt g = Gpt.create(config, 1337, Device.cpu())) {
            model = new JavaGpt(config, Checkpoint.weightsOf(g));
        }
        int tokens = 40;
        int[] expected = new int[tokens];
        try (JavaGpt.Cache cache = model.newCache(1)) {
            int next = 0;
            for (int i = 0; i < tokens; i++) {
                float[] logits = model.step(next, cache);
                int best = 0;
                for (int v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
                expected[i] = next = best;
            }
        }
        assertArrayEquals(expected, GenerateBench.greedy(new JavaLanguageModel(model, 1, 1), tokens));
    }
}
