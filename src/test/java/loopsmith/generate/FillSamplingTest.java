package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;
import org.junit.jupiter.api.Test;

/** A fill is drawn with a lower min-p floor than the beat it breaks; everything else as asked. */
@UnitTest
class FillSamplingTest {
    private static GenerationRequest request(String style, SamplingConfig sampling) {
        return GenerationRequest.fresh(Tags.of("rock", style, null), 120, TimeSignature.FOUR_FOUR, Optional.empty(), 1,
                List.of(new TrackSpec(Role.DRUMS, 0, true)), sampling, 1);
    }

    @Test
    void aFillHalvesTheFloorItIsAskedWithAndABeatKeepsIt() {
        SamplingConfig asked = SamplingConfig.defaults();
        assertTrue(request("fill", asked).asksFill());
        assertEquals(asked.minP() * Generator.FILL_MIN_P_SHARE, Generator.sampling(request("fill", asked)).minP(), 1e-12);
        assertEquals(asked.withMinP(asked.minP() * Generator.FILL_MIN_P_SHARE), Generator.sampling(request("fill", asked)),
                "only the floor changes");
        assertEquals(0.1, Generator.sampling(request("fill", asked.withMinP(0.2))).minP(), 1e-12, "an asked floor is halved too");
        assertEquals(0, Generator.sampling(request("fill", asked.withMinP(0))).minP(), "no floor stays none");
        for (String style : new String[] {"beat", null}) {
            assertFalse(request(style, asked).asksFill());
            assertEquals(asked, Generator.sampling(request(style, asked)), "a beat is drawn as asked: " + style);
        }
    }
}
