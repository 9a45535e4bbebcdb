package loopsmith.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.generate.Interpolation;
import loopsmith.service.InterpolateOptions;

/**
 * The {@code request} part of {@code POST /api/interpolate} (the clips are the {@code clip_a} and {@code clip_b} file
 * parts). Every field is optional; missing ones take the CLI's defaults. Checked here so bad input is a 400 with a
 * reason, not a failed job. A client cannot name a model file: the server interpolates with the bundled model.
 *
 * @param steps clips from A to B, both included, 3 to 16 (default 5)
 * @param part  which part of each clip when a clip holds several (drums, bass, chords, pad, melody, fx, other)
 * @param genre judge the in-betweens by this genre's style (default: none)
 * @param seed  breaks ties between notes the model scores alike (default: one is chosen and recorded)
 * @param audio render the WAV stem of the whole interpolation (default true)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InterpolateForm(Integer steps, String part, String genre, Long seed, Boolean audio) {
    public static final InterpolateForm EMPTY = new InterpolateForm(null, null, null, null, null);
    private static final int MAX_TEXT_CHARS = 64;

    public void check() {
        if (genre != null && genre.length() > MAX_TEXT_CHARS) throw new ApiException(400, "genre: at most " + MAX_TEXT_CHARS + " characters");
        InterpolateOptions.checkSteps(stepsOrDefault());
        InterpolateOptions.part(part);
    }

    public int stepsOrDefault() {
        return steps == null ? Interpolation.DEFAULT_STEPS : steps;
    }

    /** The service's options for the two clips, already stored under server-chosen names. */
    public InterpolateOptions toOptions(Path outDir, Path clipA, Path clipB) {
        return new InterpolateOptions(clipA, clipB, stepsOrDefault(), InterpolateOptions.part(part),
                Optional.ofNullable(genre).map(String::trim), Optional.ofNullable(seed), Optional.empty(), outDir,
                Boolean.FALSE.equals(audio) ? ExportConfig.midiOnly() : ExportConfig.defaults());
    }
}
