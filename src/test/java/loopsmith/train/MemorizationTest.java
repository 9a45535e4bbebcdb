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
import java.util.Optional;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.SharedCorpus;
import loopsmith.generate.DjlLanguageModel;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Generator;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.SamplingConfig;
import loopsmith.generate.TrackSpec;
import loopsmith.midi.MidiReader;
import loopsmith.model.Gpt;
import loopsmith.music.Piece;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The tiny model learns one short piece by heart, and the generator, asked greedily for what the piece's header and
 * parts say, gives it back token for token: the engine's structure and masks leave a model's learned choices alone.
 */
@CorpusTest
@NativeTest
class MemorizationTest {
    @Test
    void tinyModelOverfitsOnePieceAndReproducesIt() {
        Vocabulary v = Vocabulary.defaults();
        Piece source = MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid")).piece();
        RemiEncoder encoder = new RemiEncoder(v);
        Tags tags = Tags.of("funk", null, null);
        List<Token> piece = encoder.encode(source, tags);
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
            List<TrackSpec> parts = source.tracks().stream().map(t -> new TrackSpec(t.role(), t.program(), t.isDrum())).toList();
            // Key rules off: a soft key bias could outweigh a learned choice by a hair and change the greedy pick.
            GenerationRequest request = new GenerationRequest(tags, source.initialBpm(), source.initialTimeSignature(), source.key(),
                    (int) encoder.bars(encoder.quantize(source)), parts, KeyConstraint.OFF, SamplingConfig.greedy(256), 1, 1,
                    Optional.empty(), GenerationRequest.Mode.NEW, 0, -1);
            List<Token> generated = new Generator(new DjlLanguageModel(model), v).generate(request).get(0).tokens();
            assertEquals(piece, generated);
        }
    }
}
