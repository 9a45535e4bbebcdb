package loopsmith.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.service.DrumifyOptions;
import loopsmith.service.DrumifyService;

/**
 * The {@code request} part of {@code POST /api/drumify} (the clip is the {@code clip} file part). Every field is
 * optional; missing ones take the CLI's defaults. Checked by the service (and against this server's cap on candidates)
 * before the clip is stored, so bad input is a 400 with a reason, not a failed job.
 *
 * @param genre      the genre of the drums (default: the model's choice)
 * @param bars       bars of the clip to follow, 1 to 32
 * @param candidates drum parts the model writes to choose from, 1 to 8
 * @param audio      render WAV stems (default true)
 * @param splitDrums also write the drums as Kick, Snare, Hats, Toms, Cymbals and Percussion parts (default false)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DrumifyForm(String genre, Long seed, Integer bars, Integer candidates, Boolean audio, Boolean splitDrums) {
    /** At most this many candidates from a client: each is a drum part the model writes. */
    public static final int MAX_CANDIDATES = 8;

    public static final DrumifyForm EMPTY = new DrumifyForm(null, null, null, null, null, null);

    public void check() {
        if (genre != null && genre.length() > 64) throw new ApiException(400, "genre: at most 64 characters");
        if (candidates != null && candidates > MAX_CANDIDATES) throw new ApiException(400, "candidates: this server writes at most " + MAX_CANDIDATES);
        DrumifyOptions.check(Optional.ofNullable(bars), candidatesOrDefault());
    }

    private int candidatesOrDefault() {
        return candidates == null ? DrumifyService.DEFAULT_CANDIDATES : candidates;
    }

    /** The service's options for the clip, already stored under a server-chosen name. */
    public DrumifyOptions toOptions(Path outDir, Path clip) {
        ExportConfig export = (Boolean.FALSE.equals(audio) ? ExportConfig.midiOnly() : ExportConfig.defaults())
                .withSplitDrums(Boolean.TRUE.equals(splitDrums));
        return new DrumifyOptions(clip, Optional.ofNullable(genre).map(String::trim), Optional.ofNullable(seed), Optional.ofNullable(bars),
                Optional.empty(), outDir, export, candidatesOrDefault());
    }
}
