package loopsmith.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code memorization}: generated windows found verbatim in the training set.
 *
 * @param trainingSet          what was searched, for people
 * @param windowBars           bars per window ({@link Memorization#WINDOW_BARS})
 * @param copiedWindowRate     copied windows over generated windows, four decimals; null when none were generated
 * @param copiedSharedWindows  of the copied windows, those {@code sharedSources} or more training files play (a stock
 *                             pattern of the data rather than one piece); absent in reports written before it was kept
 * @param byPart               per part (role label): generated windows, copied windows and their rate
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemorizationMetrics(String trainingSet, int windowBars, Double copiedWindowRate, int generatedWindows,
                                  int copiedWindows, int longestCopiedRunBars, int trainingPieces, int trainingWindows,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer copiedSharedWindows,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer sharedSources,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Part> byPart) {
    public MemorizationMetrics {
        TypedJson.required(trainingSet, "training_set");
    }

    /** One part's windows and copies. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Part(int generatedWindows, int copiedWindows, Double copiedWindowRate) { }

    static Map<String, Part> byPart(Map<String, Memorization.PartCopies> parts) {
        Map<String, Part> out = new LinkedHashMap<>();
        parts.forEach((role, c) -> out.put(role, new Part(c.windows(), c.copied(),
                Evaluation.round(c.windows() == 0 ? Double.NaN : (double) c.copied() / c.windows()))));
        return out;
    }
}
