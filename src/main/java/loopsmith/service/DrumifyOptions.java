package loopsmith.service;

import java.nio.file.Path;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.generate.GenerationRequest;

/**
 * Everything a caller (CLI, HTTP) can ask of one Drumify.
 *
 * @param clip       a MIDI file of any instrument, or an audio clip (WAV, AIFF, FLAC)
 * @param genre      the genre whose drums to write; empty leaves it to the model (and judges no idiom)
 * @param seed       random seed of the first candidate; empty picks one at random (and the result records it)
 * @param bars       bars of the clip to follow, from its start (audio: its first downbeat); empty: the clip's bars,
 *                   at most {@link DrumifyService#DEFAULT_MAX_BARS}
 * @param candidates drum parts the model writes to choose from
 */
public record DrumifyOptions(Path clip, Optional<String> genre, Optional<Long> seed, Optional<Integer> bars, Optional<Path> model,
                             Path outDir, ExportConfig export, int candidates) {
    public DrumifyOptions {
        if (clip == null) throw new IllegalArgumentException("clip must not be null");
        genre = genre == null ? Optional.empty() : genre.filter(g -> !g.isBlank());
        seed = seed == null ? Optional.empty() : seed;
        bars = bars == null ? Optional.empty() : bars;
        model = model == null ? Optional.empty() : model;
        check(bars, candidates);
    }

    /** The checks on what a caller asks, apart from the clip: a shell may run them before it stores an upload. */
    public static void check(Optional<Integer> bars, int candidates) {
        checkBars(bars);
        if (candidates < 1 || candidates > GenerationRequest.MAX_VARIATIONS)
            throw new InvalidRequestException(RequestField.CANDIDATES, "expected 1 to " + GenerationRequest.MAX_VARIATIONS + ", was " + candidates);
    }

    /** The bars of the clip to follow, when given: 1 to {@link GenerationRequest#MAX_BARS}. */
    public static void checkBars(Optional<Integer> bars) {
        bars.filter(b -> b < 1 || b > GenerationRequest.MAX_BARS).ifPresent(b -> {
            throw new InvalidRequestException(RequestField.BARS, "expected 1 to " + GenerationRequest.MAX_BARS + ", was " + b);
        });
    }
}
