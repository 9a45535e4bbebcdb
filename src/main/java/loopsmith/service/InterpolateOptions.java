package loopsmith.service;

import java.nio.file.Path;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.generate.Interpolation;
import loopsmith.music.Role;

/**
 * Everything a caller (CLI, HTTP, OSC) can ask of one Interpolate.
 *
 * @param clipA the clip to start from (MIDI)
 * @param clipB the clip to arrive at: the same part, as many bars
 * @param steps clips from A to B, both included ({@link Interpolation#MIN_STEPS}..{@link Interpolation#MAX_STEPS})
 * @param part  which part of each clip, when a clip holds several; empty: the clip's only part
 * @param genre the genre whose style judges the in-betweens (a tag the model knows); empty: none
 * @param seed  breaks ties between notes the model scores alike; empty: one is chosen and recorded
 * @param model a model file; empty: the bundled default
 */
public record InterpolateOptions(Path clipA, Path clipB, int steps, Optional<Role> part, Optional<String> genre, Optional<Long> seed,
                                 Optional<Path> model, Path outDir, ExportConfig export) {
    public InterpolateOptions {
        if (clipA == null || clipB == null) throw new IllegalArgumentException("clipA and clipB must not be null");
        checkSteps(steps);
        part = part == null ? Optional.empty() : part;
        genre = genre == null ? Optional.empty() : genre.filter(g -> !g.isBlank());
        seed = seed == null ? Optional.empty() : seed;
        model = model == null ? Optional.empty() : model;
    }

    /** A shell may check the steps before it stores the clips. */
    public static void checkSteps(int steps) {
        if (steps < Interpolation.MIN_STEPS || steps > Interpolation.MAX_STEPS)
            throw new InvalidRequestException(RequestField.STEPS, "expected " + Interpolation.MIN_STEPS + " to " + Interpolation.MAX_STEPS + ", was " + steps);
    }

    /** A part as a caller names it; blank or null is none (the clip's only part). */
    public static Optional<Role> part(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.of(Role.parse(name).orElseThrow(() ->
                new InvalidRequestException(RequestField.PART, "'" + name + "' is not a part (drums, bass, chords, pad, melody, fx, other)")));
    }
}
