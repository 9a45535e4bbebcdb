package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code genre_adherence}: the judge's verdicts on generated pieces, beside its own cross-validated hit
 * rate on the reference, the ceiling they are read against; genres in alphabetical order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenreAdherenceMetrics(ProportionMetrics generated, ProportionMetrics referenceCv,
                                    Map<String, ProportionMetrics> generatedByGenre,
                                    Map<String, ProportionMetrics> referenceCvByGenre) {
    public GenreAdherenceMetrics {
        TypedJson.required(generated, "generated");
        TypedJson.required(referenceCv, "reference_cv");
        generatedByGenre = EvalMetrics.ordered(generatedByGenre, "generated_by_genre");
        referenceCvByGenre = EvalMetrics.ordered(referenceCvByGenre, "reference_cv_by_genre");
    }
}
