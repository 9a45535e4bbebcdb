package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A {@link Proportion} as metrics.json holds it: the counts, then the share and its 95% Wilson interval to four
 * decimals. The figures are written for people and scripts that do not recompute them; all three are null when
 * nothing was judged.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProportionMetrics(int judged, int passed, Double share, Double ci95Low, Double ci95High) {
    static ProportionMetrics of(Proportion p) {
        return new ProportionMetrics(p.judged(), p.passed(), Evaluation.round(p.share()), Evaluation.round(p.low()), Evaluation.round(p.high()));
    }
}
