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
        if (steps < Interpolation.MIN_STEPS || steps > Interpolation.MAX_STEPS)
            throw new IllegalArgumentException("steps must be " + Interpolation.MIN_STEPS + ".." + Interpolation.MAX_STEPS);
        part = part == null ? Optional.empty() : part;
        genre = genre == null ? Optional.empty() : genre.filter(g -> !g.isBlank());
        seed = seed == null ? Optional.empty() : seed;
        model = model == null ? Optional.empty() : model;
    }
}
