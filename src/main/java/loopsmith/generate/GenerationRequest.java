package loopsmith.generate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;
import loopsmith.tokens.TokenizerConfig;

/**
 * What to generate. The tags condition the model; the tempo, meter and key also go into the written piece exactly
 * (the tokens carry a tempo bin, the file the requested tempo).
 *
 * @param tracks   parts to make, in order; with a seed, the parts to add (accompany) or to regenerate (vary)
 * @param seedMidi material to keep: continue it, accompany it, or vary some of its bars
 * @param mode     what to do with the seed
 * @param varyFromBar first bar to regenerate in {@link Mode#VARY} (0-based, inclusive)
 * @param varyToBar   last bar to regenerate in {@link Mode#VARY} (0-based, inclusive)
 * @param seed     random seed of the first variation; variation i uses seed + i
 * @param controls density, swing, quantization and feel asked for; {@link Controls#MODEL} leaves them to the model
 */
public record GenerationRequest(Tags tags, double bpm, TimeSignature timeSignature, Optional<Key> key, int bars,
                                List<TrackSpec> tracks, KeyConstraint keyConstraint, SamplingConfig sampling, long seed,
                                int variations, Optional<Piece> seedMidi, Mode mode, int varyFromBar, int varyToBar,
                                Controls controls) {
    public static final int MAX_BARS = 32;
    public static final int MAX_VARIATIONS = 16;
    /** The style tag of a drum fill ({@code TokenizerConfig.DEFAULT_STYLES}); the Groove corpus tags its fills with it. */
    public static final String FILL_STYLE = "fill";

    /**
     * NEW from tags; CONTINUE adds bars after a seed; ACCOMPANY adds parts to it; VARY rewrites bars FROM-TO of chosen
     * parts and INFILL of every part, both seeing the bars before and after the range (the model fills the gap).
     */
    public enum Mode { NEW, CONTINUE, ACCOMPANY, VARY, INFILL }

    /**
     * What the producer sets beside the tags. Empty values are the model's to choose (it learned them per genre).
     *
     * @param density      note density of every new part
     * @param swingPercent off-beat placement in percent of the pair (50 or 0 = straight, 66 = triplet shuffle)
     * @param quantizeSteps onsets snapped to this many steps per quarter note (4 = 16ths), micro-timing removed; 0 = kept
     * @param feel         how the parts should sound made, lower case: "human" (performed timing and dynamics) or "tight"
     *                     (programmed on the grid). The model hears it as the FEEL tag of {@link GenerationRequest#tags()},
     *                     where GenerateService puts it; the generator reads it there
     */
    public record Controls(Optional<Density> density, OptionalDouble swingPercent, int quantizeSteps, Optional<String> feel) {
        public static final Controls MODEL = new Controls(Optional.empty(), OptionalDouble.empty(), 0, Optional.empty());

        public Controls {
            density = density == null ? Optional.empty() : density;
            swingPercent = swingPercent == null ? OptionalDouble.empty() : swingPercent;
            if (swingPercent.isPresent() && swingPercent.getAsDouble() != 0
                    && !(swingPercent.getAsDouble() >= 50 && swingPercent.getAsDouble() <= 75))
                throw new IllegalArgumentException("swing must be 0 (straight) or 50..75 percent, was " + swingPercent.getAsDouble());
            if (quantizeSteps < 0 || quantizeSteps > 24) throw new IllegalArgumentException("quantize must be 0..24 steps per quarter");
            feel = feel == null ? Optional.empty() : feel.map(f -> f.trim().toLowerCase(Locale.ROOT));
            if (feel.isPresent() && !TokenizerConfig.DEFAULT_FEELS.contains(feel.get()))
                throw new IllegalArgumentException("feel must be human (performed) or tight (programmed on the grid), was '" + feel.get() + "'");
        }

        /** Whether the request asks for straight time. */
        public boolean straight() {
            return swingPercent.isPresent() && swingPercent.getAsDouble() <= 50;
        }
    }

    public GenerationRequest(Tags tags, double bpm, TimeSignature timeSignature, Optional<Key> key, int bars,
                             List<TrackSpec> tracks, KeyConstraint keyConstraint, SamplingConfig sampling, long seed,
                             int variations, Optional<Piece> seedMidi, Mode mode, int varyFromBar, int varyToBar) {
        this(tags, bpm, timeSignature, key, bars, tracks, keyConstraint, sampling, seed, variations, seedMidi, mode,
                varyFromBar, varyToBar, Controls.MODEL);
    }

    public GenerationRequest {
        if (bars < 1 || bars > MAX_BARS) throw new IllegalArgumentException("bars must be 1.." + MAX_BARS + ", was " + bars);
        if (variations < 1 || variations > MAX_VARIATIONS) throw new IllegalArgumentException("variations must be 1.." + MAX_VARIATIONS);
        tracks = List.copyOf(tracks);
        seedMidi = seedMidi == null ? Optional.empty() : seedMidi;
        if (mode != Mode.NEW && seedMidi.isEmpty()) throw new IllegalArgumentException(mode + " needs a seed MIDI file");
        if (mode == Mode.NEW && tracks.isEmpty()) throw new IllegalArgumentException("no parts to generate");
        controls = controls == null ? Controls.MODEL : controls;
    }

    /** A request for new material from tags alone. */
    public static GenerationRequest fresh(Tags tags, double bpm, TimeSignature ts, Optional<Key> key, int bars,
                                         List<TrackSpec> tracks, SamplingConfig sampling, long seed) {
        return new GenerationRequest(tags, bpm, ts, key, bars, tracks, KeyConstraint.SOFT, sampling, seed, 1,
                Optional.empty(), Mode.NEW, 0, -1);
    }

    public GenerationRequest withSeed(long newSeed) {
        return new GenerationRequest(tags, bpm, timeSignature, key, bars, tracks, keyConstraint, sampling, newSeed,
                variations, seedMidi, mode, varyFromBar, varyToBar, controls);
    }

    public GenerationRequest withControls(Controls newControls) {
        return new GenerationRequest(tags, bpm, timeSignature, key, bars, tracks, keyConstraint, sampling, seed,
                variations, seedMidi, mode, varyFromBar, varyToBar, newControls);
    }

    /** Whether a fill is asked for: a drummer's break from the beat, which generation and the idiom guard treat apart. */
    public boolean asksFill() {
        return isFill(tags);
    }

    /**
     * Whether {@code tags} name a fill. A fill is played to leave the beat (it runs over the toms, rests, or plays the
     * snare on every sixteenth), so it is neither held to nor judged by the genre's drum idiom.
     */
    public static boolean isFill(Tags tags) {
        return tags.style().filter(FILL_STYLE::equals).isPresent();
    }
}
