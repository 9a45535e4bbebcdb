package loopsmith.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.service.GenerateInput;
import loopsmith.service.GenerateOptions;
import loopsmith.service.InvalidRequestException;

/**
 * The body of {@code POST /api/generate} (and, as JSON in the {@code request} part, of its multipart form). Every
 * field is optional; missing ones take the service's defaults ({@link GenerateInput}). Checked before a job is
 * queued, so bad input is a 400 with a reason, not a failed job.
 *
 * @param roles  a list, or one comma-separated string
 * @param audio  render WAV stems (default true; false writes MIDI only, which is much faster). An audio clip to steer
 *               the parts is not a field: it is the {@code audio} file part of the multipart form
 * @param density sparse, medium or busy for every new part (default: the text's word, else the model's choice)
 * @param swing   off-beat placement in percent, 50 to 75, or 0 for straight (default: the model's choice)
 * @param quantize onsets snapped to this many steps per quarter note, 0 to 24 (default 0: micro-timing kept)
 * @param feel    human (performed timing and dynamics) or tight (programmed on the grid); default: the text's word,
 *                else the model's choice
 * @param guidance classifier-free guidance on the genre, 0 to 4 (default 1: off)
 * @param splitDrums also write the drums as Kick, Snare, Hats, Toms, Cymbals and Percussion parts (default false)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerateForm(String text, String genre, String style, String mood, Double bpm, String key, String timesig,
                           Integer bars, Object roles, String inKey, Double temperature, Integer topK, Double topP, Long seed,
                           Integer variations, String mode, String varyBars, Boolean audio, String density, Double swing,
                           Integer quantize, Double guidance, String feel, Boolean splitDrums) {
    /** At most this many variations per request from a client, so one request cannot occupy a worker for minutes. */
    public static final int MAX_VARIATIONS = 8;

    /**
     * What only a server limits (prompt and tag length, variations per request, the shape of roles). Every other field
     * is checked by {@link #toOptions}, which throws the service's {@link InvalidRequestException} (a 400 too).
     */
    public void check(int maxPromptChars) {
        if (text != null && text.length() > maxPromptChars)
            throw new ApiException(400, "text: at most " + maxPromptChars + " characters, got " + text.length());
        for (String s : new String[] {genre, style, mood, key, timesig, inKey, mode, varyBars, density, feel})
            if (s != null && s.length() > 64) throw new ApiException(400, "a tag is longer than 64 characters");
        if (variations != null && (variations < 1 || variations > MAX_VARIATIONS))
            throw new ApiException(400, "variations: expected 1 to " + MAX_VARIATIONS);
        roleList();
    }

    /** The service's options: output under {@code outDir}, with an optional uploaded seed MIDI already stored. */
    public GenerateOptions toOptions(Path outDir, Optional<Path> seedMidi) {
        return toOptions(outDir, seedMidi, Optional.empty());
    }

    /** As {@link #toOptions(Path, Optional)}, with an uploaded audio clip (already stored) steering the parts. */
    public GenerateOptions toOptions(Path outDir, Optional<Path> seedMidi, Optional<Path> audioClip) {
        return GenerateInput.into(outDir).text(text).genre(genre).style(style).mood(mood).bpm(bpm).key(key).timesig(timesig)
                .bars(bars).roles(roleList()).inKey(inKey).temperature(temperature).topK(topK).topP(topP).guidance(guidance)
                .seed(seed).variations(variations).seedMidi(seedMidi.orElse(null)).audio(audioClip.orElse(null)).mode(mode)
                .varyBars(varyBars).density(density).swing(swing).quantize(quantize).feel(feel)
                .export((Boolean.FALSE.equals(audio) ? ExportConfig.midiOnly() : ExportConfig.defaults()).withSplitDrums(Boolean.TRUE.equals(splitDrums)))
                .resolve();
    }

    private List<String> roleList() {
        if (roles == null) return null;
        if (roles instanceof String s) return s.isBlank() ? null : Arrays.stream(s.split(",")).map(String::trim).toList();
        if (roles instanceof List<?> l && l.stream().allMatch(String.class::isInstance) && l.size() <= 8)
            return l.isEmpty() ? null : l.stream().map(String.class::cast).toList();
        throw new ApiException(400, "roles: expected a list of names or a comma-separated string");
    }
}
