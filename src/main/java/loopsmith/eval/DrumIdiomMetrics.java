package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code drum_idioms} ({@link DrumIdioms}): drum parts that hold their genre's idiom, generated beside
 * reference.
 *
 * @param required genre → accepted idiom sets, each as "a+b"; empty when the genre requires none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DrumIdiomMetrics(String method, Map<String, List<String>> required, Side generated, Side reference) {
    public DrumIdiomMetrics {
        TypedJson.required(method, "method");
        required = EvalMetrics.ordered(required, "required");
        TypedJson.required(generated, "generated");
        TypedJson.required(reference, "reference");
    }

    /**
     * One set of pieces.
     *
     * @param drumPartsNotJudged drum parts of a genre the idiom table does not name, and fills (played to leave the beat)
     * @param byGenre            genres in alphabetical order
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Side(ProportionMetrics overall, int drumPartsNotJudged, Map<String, ProportionMetrics> byGenre) {
        public Side {
            TypedJson.required(overall, "overall");
            byGenre = EvalMetrics.ordered(byGenre, "by_genre");
        }
    }
}
