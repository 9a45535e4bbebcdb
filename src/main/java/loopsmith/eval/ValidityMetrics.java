package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * metrics.json {@code validity}: shares of all outputs, four decimals; null when there were none.
 *
 * @param rate          outputs that pass every check below
 * @param decodes       outputs that are readable MIDI
 * @param barCount      with the requested bar count
 * @param tempo         with the requested tempo
 * @param timeSignature with the requested meter
 * @param rolesPresent  with every requested part
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ValidityMetrics(Double rate, Double decodes, Double barCount, Double tempo, Double timeSignature, Double rolesPresent) { }
