package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code memorization}: generated windows found verbatim in the training set.
 *
 * @param trainingSet      what was searched, for people
 * @param windowBars       bars per window ({@link Memorization#WINDOW_BARS})
 * @param copiedWindowRate copied windows over generated windows, four decimals; null when none were generated
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemorizationMetrics(String trainingSet, int windowBars, Double copiedWindowRate, int generatedWindows,
                                  int copiedWindows, int longestCopiedRunBars, int trainingPieces, int trainingWindows) {
    public MemorizationMetrics {
        TypedJson.required(trainingSet, "training_set");
    }
}
