package loopsmith.generate;

import java.util.List;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;

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
 */
public record GenerationRequest(Tags tags, double bpm, TimeSignature timeSignature, Optional<Key> key, int bars,
                                List<TrackSpec> tracks, KeyConstraint keyConstraint, SamplingConfig sampling, long seed,
                                int variations, Optional<Piece> seedMidi, Mode mode, int varyFromBar, int varyToBar) {
    public static final int MAX_BARS = 32;
    public static final int MAX_VARIATIONS = 16;

    public enum Mode { NEW, CONTINUE, ACCOMPANY, VARY }

    public GenerationRequest {
        if (bars < 1 || bars > MAX_BARS) throw new IllegalArgumentException("bars must be 1.." + MAX_BARS + ", was " + bars);
        if (variations < 1 || variations > MAX_VARIATIONS) throw new IllegalArgumentException("variations must be 1.." + MAX_VARIATIONS);
        tracks = List.copyOf(tracks);
        seedMidi = seedMidi == null ? Optional.empty() : seedMidi;
        if (mode != Mode.NEW && seedMidi.isEmpty()) throw new IllegalArgumentException(mode + " needs a seed MIDI file");
        if (mode == Mode.NEW && tracks.isEmpty()) throw new IllegalArgumentException("no parts to generate");
    }

    /** A request for new material from tags alone. */
    public static GenerationRequest fresh(Tags tags, double bpm, TimeSignature ts, Optional<Key> key, int bars,
                                         List<TrackSpec> tracks, SamplingConfig sampling, long seed) {
        return new GenerationRequest(tags, bpm, ts, key, bars, tracks, KeyConstraint.SOFT, sampling, seed, 1,
                Optional.empty(), Mode.NEW, 0, -1);
    }

    public GenerationRequest withSeed(long newSeed) {
        return new GenerationRequest(tags, bpm, timeSignature, key, bars, tracks, keyConstraint, sampling, newSeed,
                variations, seedMidi, mode, varyFromBar, varyToBar);
    }
}
