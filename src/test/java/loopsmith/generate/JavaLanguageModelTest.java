package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.util.List;
import loopsmith.NativeTest;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.JavaGpt;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Vocabulary;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A core budget ({@code serve --threads}) bounds the sessions run side by side, and changes no result. */
@NativeTest
class JavaLanguageModelTest {
    @Test
    void oneCoreRunsVariationsOneAfterAnotherWithTheSameResults() {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        JavaGpt java;
        try (Gpt g = Gpt.create(c, 4, Device.cpu())) {
            java = new JavaGpt(c, Checkpoint.weightsOf(g));
        }
        JavaLanguageModel oneCore = new JavaLanguageModel(java, 2, 1);
        assertEquals(1, oneCore.maxConcurrentSessions());
        assertEquals(Runtime.getRuntime().availableProcessors(), new JavaLanguageModel(java, 1).maxConcurrentSessions());
        assertThrows(IllegalArgumentException.class, () -> new JavaLanguageModel(java, 1, 0));

        GenerationRequest r = new GenerationRequest(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR, Optional.empty(), 1,
                List.of(new TrackSpec(Role.DRUMS, 0, true), new TrackSpec(Role.BASS, 33, false)), KeyConstraint.SOFT,
                SamplingConfig.defaults(), 9, 3, Optional.empty(), GenerationRequest.Mode.NEW, -1, -1);
        List<Generator.Result> sequential = new Generator(oneCore, v).generate(r);
        List<Generator.Result> parallel = new Generator(new JavaLanguageModel(java, 1), v).generate(r);
        for (int i = 0; i < 3; i++) assertEquals(parallel.get(i).tokens(), sequential.get(i).tokens(), "variation " + i);
    }
}
