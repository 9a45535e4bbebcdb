package loopsmith.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code distribution_match}: how the generated pieces' feature distributions overlap the reference's.
 * Figures are four decimals, null where a feature had no finite values on one side.
 *
 * @param features   per scalar feature, in {@link PieceFeatures#scalarNames()} order
 * @param histograms ioi, duration and velocity
 * @param ceiling    the overlap of {@code --train}'s own MIDI files with the reference: absent without such a folder
 * @param ofCeiling  mean overlap over the ceiling; absent with the ceiling, or when either is not a positive number
 * @param meanOverlapCi95 the mean overlap's 95% bootstrap interval, [low, high] ({@link OverlapInterval}); absent
 *                        where nothing was compared
 * @param ofCeilingCi95   the same for the share of the ceiling; absent with the ceiling
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DistributionMetrics(String method, Double meanOverlap, Double meanKlDivergence, Map<String, Match> features,
                                  Map<String, Match> histograms,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Double ceiling,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Double ofCeiling,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> meanOverlapCi95,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> ofCeilingCi95) {
    public DistributionMetrics {
        TypedJson.required(method, "method");
        features = EvalMetrics.ordered(features, "features");
        histograms = EvalMetrics.ordered(histograms, "histograms");
    }

    /**
     * One feature's match.
     *
     * @param klDivergence KL(reference ‖ generated)
     * @param generated    generated pieces with a finite value
     * @param reference    reference windows with a finite value
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Match(Double overlap, Double klDivergence, int generated, int reference) {
        static Match of(DistributionMatch d) {
            return new Match(Evaluation.round(d.overlap()), Evaluation.round(d.klDivergence()), d.generatedCount(), d.referenceCount());
        }
    }

    /** With the mean overlap's bootstrap interval. */
    DistributionMetrics withInterval(Optional<OverlapInterval> interval) {
        return new DistributionMetrics(method, meanOverlap, meanKlDivergence, features, histograms, ceiling, ofCeiling,
                interval.map(DistributionMetrics::pair).orElse(null), ofCeilingCi95);
    }

    /** With the real-data ceiling: the overlap training files of the same source reach on these held-out ones. */
    DistributionMetrics withCeiling(double trainingOverlap, Optional<OverlapInterval> interval) {
        // The rounded mean overlap over the unrounded ceiling, as metrics.json has always had it, so that figures stay
        // comparable with earlier reports.
        Double of = meanOverlap != null && trainingOverlap > 0 ? Evaluation.round(meanOverlap / trainingOverlap) : null;
        return new DistributionMetrics(method, meanOverlap, meanKlDivergence, features, histograms, Evaluation.round(trainingOverlap), of,
                meanOverlapCi95, of == null ? null : interval.map(DistributionMetrics::pair).orElse(null));
    }

    private static List<Double> pair(OverlapInterval i) {
        return List.of(Evaluation.round(i.low()), Evaluation.round(i.high()));
    }
}
