package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * metrics.json {@code infill_continuity} ({@link InfillContinuity}): mean NLL per token of the kept bar 4, three
 * decimals, null when no reference piece had four bars.
 *
 * @param pieces      reference pieces measured
 * @param infillGap   infill minus original; near 0 leads back as well as the original bars did
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InfillContinuityMetrics(int pieces, Double originalBar4Nll, Double infillBar4Nll, Double continuationBar4Nll,
                                      Double infillGap, Double continuationGap) { }
