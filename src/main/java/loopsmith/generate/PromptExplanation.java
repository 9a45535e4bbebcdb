package loopsmith.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * The JSON form of {@link PromptTags}: absent values are null, the key as "A minor", roles as lower-case labels,
 * {@code tempo_from} the words that set the tempo (empty when it is the genre default).
 */
@JsonPropertyOrder({"genre", "style", "mood", "bpm", "tempo_from", "key", "time_signature", "bars", "roles", "density", "feel",
    "instruments", "unparsed", "defaulted"})
public record PromptExplanation(String genre, String style, String mood, Number bpm,
                                @JsonProperty("tempo_from") List<String> tempoFrom, String key,
                                @JsonProperty("time_signature") String timeSignature, Integer bars, List<String> roles, String density,
                                String feel, Map<String, Integer> instruments, List<String> unparsed, List<String> defaulted) {
    public static PromptExplanation of(PromptTags t) {
        Map<String, Integer> instruments = new LinkedHashMap<>();
        t.instruments().forEach((role, program) -> instruments.put(role.label(), program));
        return new PromptExplanation(t.genre().orElse(null), t.style().orElse(null), t.mood().orElse(null),
                t.bpm().isPresent() ? bpmNumber(t.bpm().getAsDouble()) : null, t.tempoFrom(),
                t.key().map(Key::displayName).orElse(null),
                t.timeSignature().map(TimeSignature::toString).orElse(null),
                t.bars().isPresent() ? t.bars().getAsInt() : null,
                t.roles().stream().map(Role::label).toList(),
                t.density().map(Density::label).orElse(null), t.feel().orElse(null), instruments, t.unparsed(), t.defaulted());
    }

    /** 124 rather than 124.0 when the tempo is whole, so the JSON reads the way the prompt was written. */
    public static Number bpmNumber(double bpm) {
        return bpm == Math.rint(bpm) && Math.abs(bpm) < Long.MAX_VALUE ? (Number) (long) bpm : (Number) bpm;
    }
}
