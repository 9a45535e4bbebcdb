package loopsmith.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.export.ExportConfig;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Interpolation;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;

/** Drumify's, Interpolate's and Groove's requests are checked once, here, and the refusal names the field. */
@UnitTest
class ToolOptionsTest {
    private static final Path CLIP = Path.of("clip.mid"), OUT = Path.of("out");

    private static InvalidRequestException refused(Runnable r) {
        return assertThrows(InvalidRequestException.class, r::run);
    }

    @Test
    void drumifyRefusesBarsAndCandidatesOutOfRange() {
        new DrumifyOptions(CLIP, Optional.empty(), Optional.empty(), Optional.of(GenerationRequest.MAX_BARS), Optional.empty(), OUT,
                ExportConfig.midiOnly(), GenerationRequest.MAX_VARIATIONS);
        InvalidRequestException bars = refused(() -> new DrumifyOptions(CLIP, Optional.empty(), Optional.empty(), Optional.of(0),
                Optional.empty(), OUT, ExportConfig.midiOnly(), 4));
        assertEquals(RequestField.BARS, bars.field());
        assertEquals("bars: expected 1 to " + GenerationRequest.MAX_BARS + ", was 0", bars.reason());
        InvalidRequestException candidates = refused(() -> DrumifyOptions.check(Optional.empty(), GenerationRequest.MAX_VARIATIONS + 1));
        assertEquals(RequestField.CANDIDATES, candidates.field());
        assertEquals("--candidates: expected 1 to " + GenerationRequest.MAX_VARIATIONS + ", was " + (GenerationRequest.MAX_VARIATIONS + 1),
                candidates.message(f -> "--" + f.apiName()), "each shell spells the field its own way");
    }

    @Test
    void interpolateRefusesStepsOutOfRangeAndUnknownParts() {
        assertEquals(RequestField.STEPS, refused(() -> InterpolateOptions.checkSteps(Interpolation.MIN_STEPS - 1)).field());
        assertEquals(RequestField.STEPS, refused(() -> new InterpolateOptions(CLIP, CLIP, Interpolation.MAX_STEPS + 1, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OUT, ExportConfig.midiOnly())).field());
        InterpolateOptions.checkSteps(Interpolation.DEFAULT_STEPS);
        assertEquals(Optional.of(Role.BASS), InterpolateOptions.part("bass"));
        assertEquals(Optional.empty(), InterpolateOptions.part(" "));
        assertEquals(Optional.empty(), InterpolateOptions.part(null));
        InvalidRequestException part = refused(() -> InterpolateOptions.part("tuba"));
        assertEquals(RequestField.PART, part.field());
        assertEquals("part: 'tuba' is not a part (drums, bass, chords, pad, melody, fx, other)", part.reason());
    }

    @Test
    void grooveRefusesAnAmountOutsideZeroToOneAndNaN() {
        new GrooveService.Request(0, Optional.empty(), Optional.empty(), Optional.empty());
        new GrooveService.Request(1, Optional.empty(), Optional.empty(), Optional.empty());
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            InvalidRequestException e = refused(() -> new GrooveService.Request(bad, Optional.empty(), Optional.empty(), Optional.empty()));
            assertEquals(RequestField.AMOUNT, e.field());
        }
    }
}
