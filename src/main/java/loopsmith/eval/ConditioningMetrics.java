package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * metrics.json {@code conditioning}: how well decoded pieces follow what was asked. Rates are four decimals, null
 * where nothing could be judged.
 *
 * @param inKeyRate           mean share of pitched notes in the requested key, over pieces asked for a key
 * @param referenceInKeyRate  the same for the reference windows in their labelled keys
 * @param genreAdherence      share of judged pieces the genre judge files under the requested genre
 * @param genreJudgedPieces   pieces whose requested genre the judge knows
 * @param genreConfusion      requested genre → the judge's verdict → pieces, genres in alphabetical order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConditioningMetrics(Double inKeyRate, int inKeyPieces, Double referenceInKeyRate, Double tempoAdherence,
                                  Double meterAdherence, Double genreAdherence, int genreJudgedPieces,
                                  Map<String, Map<String, Integer>> genreConfusion) {
    public ConditioningMetrics {
        genreConfusion = EvalMetrics.ordered(genreConfusion, "genre_confusion");
    }
}
