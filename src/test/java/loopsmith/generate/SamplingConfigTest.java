package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.model.ModelSampling;
import org.junit.jupiter.api.Test;

/** Generate's defaults, and a model's own in their place where it asks for them. */
@UnitTest
class SamplingConfigTest {
    @Test
    void aModelThatAsksForNothingIsSampledWithTheDefaults() {
        assertEquals(SamplingConfig.defaults(), SamplingConfig.defaultsFor(Optional.empty()));
        assertEquals(SamplingConfig.defaults(), SamplingConfig.defaultsFor(Optional.of(new ModelSampling(null, null))));
    }

    @Test
    void aLearnedModelLosesTheMinPCutAndKeepsEverythingElse() {
        SamplingConfig d = SamplingConfig.defaults();
        assertEquals(d.withMinP(0), SamplingConfig.defaultsFor(Optional.of(ModelSampling.LEARNED)));
        assertEquals(d.withHarmony(0.5), SamplingConfig.defaultsFor(Optional.of(new ModelSampling(null, 0.5))));
    }
}
