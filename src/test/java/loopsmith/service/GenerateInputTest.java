package loopsmith.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import loopsmith.UnitTest;
import loopsmith.generate.Density;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

@UnitTest
class GenerateInputTest {
    private static final Path OUT = Path.of("out");

    @Test
    void anEmptyRequestTakesTheOneSetOfDefaults() {
        GenerateOptions o = GenerateInput.into(OUT).resolve();
        SamplingConfig d = SamplingConfig.defaults();
        assertEquals(d.temperature(), o.temperature());
        assertEquals(d.topK(), o.topK());
        assertEquals(d.topP(), o.topP());
        assertEquals(Optional.empty(), o.minP(), "the model's, else generate's: chosen where the model is known");
        assertEquals(d.guidance(), o.guidance());
        assertEquals(KeyConstraint.SOFT, o.inKey());
        assertEquals(GenerationRequest.Mode.NEW, o.mode());
        assertEquals(1, o.variations());
        assertEquals(GenerationRequest.Controls.MODEL, o.controls());
        assertEquals(Optional.empty(), o.text());
        assertEquals(Optional.empty(), o.roles());
        assertEquals(OUT, o.outDir());
    }

    @Test
    void newWithASeedMeansAccompanyIt() {
        Path seed = Path.of("seed.mid");
        assertEquals(GenerationRequest.Mode.ACCOMPANY, GenerateInput.into(OUT).seedMidi(seed).resolve().mode());
        assertEquals(GenerationRequest.Mode.ACCOMPANY, GenerateInput.into(OUT).seedMidi(seed).mode("New").resolve().mode());
        assertEquals(GenerationRequest.Mode.VARY, GenerateInput.into(OUT).seedMidi(seed).mode(" vary ").resolve().mode());
        assertEquals(GenerationRequest.Mode.NEW, GenerateInput.into(OUT).mode("new").resolve().mode());
    }

    @Test
    void wordsAreTrimmedAndBlankMeansUnset() {
        GenerateOptions o = GenerateInput.into(OUT).text("  ").genre(" house ").key("").roles(List.of()).density(" Busy ")
                .feel("live").inKey("STRICT").swing(62.0).quantize(4).resolve();
        assertEquals(Optional.empty(), o.text());
        assertEquals(Optional.of("house"), o.genre());
        assertEquals(Optional.empty(), o.key());
        assertEquals(Optional.empty(), o.roles());
        assertEquals(Optional.of(Density.BUSY), o.controls().density());
        assertEquals(Optional.of("human"), o.controls().feel());
        assertEquals(KeyConstraint.STRICT, o.inKey());
        assertEquals(62.0, o.controls().swingPercent().getAsDouble());
        assertEquals(4, o.controls().quantizeSteps());
    }

    @Test
    void keyMeterAndRolesAreReadOnceIntoTheirTypes() {
        GenerateOptions o = GenerateInput.into(OUT).key(" F# minor ").timesig("6/8").roles(List.of("Keys", "drums", "chords", "bass"))
                .resolve();
        assertEquals(Key.parse("F#m"), o.key());
        assertEquals(TimeSignature.parse("6/8"), o.timeSignature());
        assertEquals(Optional.of(List.of(Role.CHORDS, Role.DRUMS, Role.BASS)), o.roles(), "synonyms read, each role once, order kept");
    }

    @Test
    void eachBadFieldIsNamedAndSpelledPerShell() {
        assertField(RequestField.MODE, i -> i.mode("sideways"), "mode: expected new, continue, accompany, vary or infill, not sideways");
        assertField(RequestField.IN_KEY, i -> i.inKey("loose"), "in_key: expected strict, soft or off, not loose");
        assertField(RequestField.BPM, i -> i.bpm(9.0), "bpm: expected 20 to 400");
        assertField(RequestField.BARS, i -> i.bars(0), "bars: expected 1 to " + GenerationRequest.MAX_BARS);
        assertField(RequestField.TEMPERATURE, i -> i.temperature(6.0), "temperature: expected 0 to 5");
        assertField(RequestField.TOP_K, i -> i.topK(-1), "top_k: expected 0 or more");
        assertField(RequestField.TOP_P, i -> i.topP(0.0), "top_p: expected more than 0 and at most 1");
        assertField(RequestField.MIN_P, i -> i.minP(1.0), "min_p: expected 0 to less than 1");
        assertField(RequestField.GUIDANCE, i -> i.guidance(5.0), "guidance: expected 0 to 4");
        assertField(RequestField.VARIATIONS, i -> i.variations(0), "variations: expected 1 or more");
        assertField(RequestField.DENSITY, i -> i.density("loud"), "density: expected sparse, medium or busy, not loud");
        assertField(RequestField.SWING, i -> i.swing(90.0), "swing: expected 0 (straight) or 50 to 75");
        assertField(RequestField.QUANTIZE, i -> i.quantize(25), "quantize: expected 0 to 24");
        assertField(RequestField.FEEL, i -> i.feel("sloppy"), "feel: expected human (performed) or tight (programmed on the grid), not sloppy");
        assertField(RequestField.FEEL_FROM_AUDIO, i -> i.feelFromAudio(true), "feel_from_audio: needs an audio clip");
        assertField(RequestField.KEY, i -> i.key("H#"), "key: not a key: H#");
        assertField(RequestField.SEED_MIDI, i -> i.mode("vary").varyBars("1-2"), "seed_midi: mode vary needs a seed MIDI");
        assertField(RequestField.SEED_MIDI, i -> i.mode("accompany"), "seed_midi: mode accompany needs a seed MIDI or an audio clip");
        assertField(RequestField.TIMESIG, i -> i.timesig("4/0"), "timesig: not a time signature: 4/0");
        assertField(RequestField.ROLES, i -> i.roles(List.of("drums", "kazoo")), "roles: unknown role 'kazoo' (drums, bass, chords, melody, pad, fx)");

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> GenerateInput.into(OUT).inKey("loose").resolve());
        assertEquals("--in-key: expected strict, soft or off, not loose",
                e.message(f -> "--" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    }

    @Property(tries = 200)
    void swingIsAcceptedExactlyWhereTheEngineAcceptsIt(@ForAll @DoubleRange(min = -10, max = 100) double swing) {
        boolean engine;
        try {
            new GenerationRequest.Controls(Optional.empty(), java.util.OptionalDouble.of(swing), 0, Optional.empty());
            engine = true;
        } catch (IllegalArgumentException e) {
            engine = false;
        }
        boolean service;
        try {
            GenerateInput.into(OUT).swing(swing).resolve();
            service = true;
        } catch (InvalidRequestException e) {
            service = false;
        }
        assertEquals(engine, service, "swing " + swing);
    }

    private static void assertField(RequestField field, UnaryOperator<GenerateInput> set, String message) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> set.apply(GenerateInput.into(OUT)).resolve());
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
        assertTrue(e.file() == null);
    }
}
