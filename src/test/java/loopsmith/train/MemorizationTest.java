package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import loopsmith.SharedCorpus;
import loopsmith.generate.Sampler;
import loopsmith.generate.SamplingConfig;
import loopsmith.midi.MidiReader;
import loopsmith.model.Gpt;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

/** The tiny model learns one short piece by heart, and greedy decoding gives it back token for token. */
class MemorizationTest {
    @Test
    void tinyModelOverfitsOnePieceAndReproducesIt() {
        Vocabulary v = Vocabulary.defaults();
        List<Token> piece = new RemiEncoder(v).encode(MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid")).piece(),
                Tags.of("funk", null, null));
        int[] ids = v.ids(piece);
        assertTrue(ids.length < 256, "fits the tiny context: " + ids.length);
        long[] inputs = Arrays.stream(Arrays.copyOf(ids, ids.length - 1)).asLongStream().toArray();
        long[] targets = Arrays.stream(Arrays.copyOfRange(ids, 1, ids.length)).asLongStream().toArray();
        Gpt.Config config = Gpt.Config.tiny(v.size());
        TrainConfig train = TrainConfig.tiny();
        double loss = Double.NaN;
        int step = 0;
        try (Gpt model = Gpt.create(config, 7, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
            AdamW adam = new AdamW(model, 0.0, 0);
            LrSchedule lr = new LrSchedule(3e-3, 3e-3, 10, 1000);
            while (step < 600 && !(loss < 0.05)) {
                step++;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector(); NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray l = model.loss(m.create(inputs, new Shape(1, inputs.length)), m.create(targets, new Shape(1, targets.length)),
                            Batches.PAD, true);
                    gc.backward(l);
                    loss = l.getFloat();
                }
                adam.step(lr.at(step), train.gradClip());
                adam.zeroGradients();
            }
            assertTrue(loss < 0.05, "loss " + loss + " after " + step + " steps");
            List<Token> generated = new Sampler(model, v).sample(List.of(Token.PIECE_START), SamplingConfig.greedy(256), new Random(1));
            assertEquals(piece, generated);
        }
    }
}
