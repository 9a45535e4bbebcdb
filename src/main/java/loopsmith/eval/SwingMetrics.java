package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import loopsmith.format.TypedJson;

/** metrics.json {@code swing} ({@link SwingMeasure}): off-beat phase, generated beside reference. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SwingMetrics(String method, Side generated, Side reference) {
    public SwingMetrics {
        TypedJson.required(method, "method");
        TypedJson.required(generated, "generated");
        TypedJson.required(reference, "reference");
    }

    /** @param byGenre genres in alphabetical order; pieces without one under "(no genre)" */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Side(Row all, Map<String, Row> byGenre) {
        public Side {
            TypedJson.required(all, "all");
            byGenre = EvalMetrics.ordered(byGenre, "by_genre");
        }
    }

    /**
     * Mean phases over the pieces with a figure at that level, four decimals; null when none had one.
     *
     * @param eighthPhasePieces pieces with off-beat 8ths to measure
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(int pieces, int eighthPhasePieces, Double eighthPhaseMean, int sixteenthPhasePieces, Double sixteenthPhaseMean) { }
}
