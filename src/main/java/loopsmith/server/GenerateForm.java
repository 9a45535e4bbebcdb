package loopsmith.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.KeyConstraint;
import loopsmith.library.CorpusRules;
import loopsmith.service.GenerateOptions;

/**
 * The body of {@code POST /api/generate} (and, as JSON in the {@code request} part, of its multipart form). Every
 * field is optional; missing ones take the CLI's defaults. Checked here so bad input is a 400 with a reason, not a
 * failed job.
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

    public void check(int maxPromptChars) {
        if (text != null && text.length() > maxPromptChars)
            throw new ApiException(400, "text: at most " + maxPromptChars + " characters, got " + text.length());
        for (String s : new String[] {genre, style, mood, key, timesig, inKey, mode, varyBars, density, feel})
            if (s != null && s.length() > 64) throw new ApiException(400, "a tag is longer than 64 characters");
        if (bpm != null && !(bpm >= 20 && bpm <= 400)) throw new ApiException(400, "bpm: expected 20 to 400");
        if (bars != null && (bars < 1 || bars > GenerationRequest.MAX_BARS))
            throw new ApiException(400, "bars: expected 1 to " + GenerationRequest.MAX_BARS);
        if (temperature != null && !(temperature >= 0 && temperature <= 5)) throw new ApiException(400, "temperature: expected 0 to 5");
        if (topK != null && topK < 0) throw new ApiException(400, "top_k: expected 0 or more");
        if (topP != null && !(topP > 0 && topP <= 1)) throw new ApiException(400, "top_p: expected more than 0 and at most 1");
        if (variations != null && (variations < 1 || variations > MAX_VARIATIONS))
            throw new ApiException(400, "variations: expected 1 to " + MAX_VARIATIONS);
        roleList();
        keyConstraint();
        mode(false);
        controls();
        if (guidance != null && !(guidance >= 0 && guidance <= 4)) throw new ApiException(400, "guidance: expected 0 to 4");
    }

    /** The service's options: output under {@code outDir}, with an optional uploaded seed MIDI already stored. */
    public GenerateOptions toOptions(Path outDir, Optional<Path> seedMidi) {
        return toOptions(outDir, seedMidi, Optional.empty());
    }

    /** As {@link #toOptions(Path, Optional)}, with an uploaded audio clip (already stored) steering the parts. */
    public GenerateOptions toOptions(Path outDir, Optional<Path> seedMidi, Optional<Path> audioClip) {
        GenerationRequest.Mode m = mode(seedMidi.isPresent());
        return new GenerateOptions(blankToEmpty(text), blankToEmpty(genre), blankToEmpty(style), blankToEmpty(mood),
                Optional.ofNullable(bpm), blankToEmpty(key), blankToEmpty(timesig), Optional.ofNullable(bars), roleList(),
                keyConstraint(), temperature == null ? 1.0 : temperature, topK == null ? 0 : topK, topP == null ? loopsmith.generate.SamplingConfig.defaults().topP() : topP,
                Optional.ofNullable(seed), variations == null ? 1 : variations, seedMidi, m, blankToEmpty(varyBars),
                Optional.empty(), outDir, (Boolean.FALSE.equals(audio) ? ExportConfig.midiOnly() : ExportConfig.defaults())
                        .withSplitDrums(Boolean.TRUE.equals(splitDrums)), audioClip,
                controls(), guidance == null ? 1.0 : guidance,
                loopsmith.generate.SamplingConfig.defaults().minP());
    }

    private Optional<List<String>> roleList() {
        if (roles == null) return Optional.empty();
        if (roles instanceof String s) return s.isBlank() ? Optional.empty() : Optional.of(Arrays.stream(s.split(",")).map(String::trim).toList());
        if (roles instanceof List<?> l && l.stream().allMatch(String.class::isInstance) && l.size() <= 8)
            return l.isEmpty() ? Optional.empty() : Optional.of(l.stream().map(String.class::cast).toList());
        throw new ApiException(400, "roles: expected a list of names or a comma-separated string");
    }

    private KeyConstraint keyConstraint() {
        if (inKey == null) return KeyConstraint.SOFT;
        try {
            return KeyConstraint.valueOf(inKey.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "in_key: expected strict, soft or off");
        }
    }

    /** As in the CLI: "new" with a seed MIDI means accompany it. */
    private GenerationRequest.Mode mode(boolean hasSeed) {
        GenerationRequest.Mode m;
        try {
            m = mode == null ? GenerationRequest.Mode.NEW : GenerationRequest.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "mode: expected new, continue, accompany, vary or infill");
        }
        return m == GenerationRequest.Mode.NEW && hasSeed ? GenerationRequest.Mode.ACCOMPANY : m;
    }

    private GenerationRequest.Controls controls() {
        Optional<loopsmith.generate.Density> d = Optional.empty();
        if (density != null && !density.isBlank())
            d = Optional.of(loopsmith.generate.Density.fromWord(density).orElseThrow(() -> new ApiException(400, "density: expected sparse, medium or busy")));
        if (swing != null && !(swing == 0 || (swing >= 50 && swing <= 75))) throw new ApiException(400, "swing: expected 0 (straight) or 50 to 75");
        if (quantize != null && (quantize < 0 || quantize > 24)) throw new ApiException(400, "quantize: expected 0 to 24");
        Optional<String> f = Optional.empty();
        if (feel != null && !feel.isBlank())
            f = Optional.of(CorpusRules.feelWord(feel.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new ApiException(400, "feel: expected human (performed) or tight (programmed on the grid)")));
        return new GenerationRequest.Controls(d, swing == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(swing),
                quantize == null ? 0 : quantize, f);
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
