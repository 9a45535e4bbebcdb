package loopsmith.eval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code reproducibility}: either what the checks found or why there were none. The file carries no type
 * field (it never did), so a reader tells the two apart by their keys.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ReproducibilityMetrics.Measured.class), @JsonSubTypes.Type(ReproducibilityMetrics.NotMeasured.class)})
public sealed interface ReproducibilityMetrics {
    /**
     * The first {@code checks} requests generated again with the same seeds.
     *
     * @param rate pieces identical in both tokens and MIDI bytes over checks, four decimals; null with no checks
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Measured(int checks, List<Long> seeds, int identicalTokens, int identicalMidi, Double rate) implements ReproducibilityMetrics {
        public Measured {
            seeds = List.copyOf(TypedJson.required(seeds, "seeds"));
        }
    }

    /** Pieces judged from a folder cannot be generated again. */
    record NotMeasured(String note) implements ReproducibilityMetrics {
        public NotMeasured {
            TypedJson.required(note, "note");
        }
    }
}
