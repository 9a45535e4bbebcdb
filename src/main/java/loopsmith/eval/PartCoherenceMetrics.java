package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code part_coherence} ({@link PartCoherence}): whether parts fit their own piece better than another
 * piece's, generated beside reference.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PartCoherenceMetrics(String method, Sides chordTones, Sides bassKickLock) {
    public PartCoherenceMetrics {
        TypedJson.required(method, "method");
        TypedJson.required(chordTones, "chord_tones");
        TypedJson.required(bassKickLock, "bass_kick_lock");
    }

    public record Sides(Lift generated, Lift reference) {
        public Sides {
            TypedJson.required(generated, "generated");
            TypedJson.required(reference, "reference");
        }
    }

    /**
     * One measure on one set of pieces: means over pieces of the own-part share, the other-piece share and their
     * difference (the lift), for the first half of the bars, the second half and all; four decimals, null where no
     * piece had both.
     *
     * @param pieces  pieces measured (with the part and a partner piece)
     * @param byGenre genres in alphabetical order, all bars only
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Lift(int pieces, Double earlyOwn, Double earlyOther, Double earlyLift, Double lateOwn, Double lateOther,
                       Double lateLift, Double allOwn, Double allOther, Double allLift, Map<String, GenreLift> byGenre) {
        public Lift {
            byGenre = EvalMetrics.ordered(byGenre, "by_genre");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GenreLift(int pieces, Double allOwn, Double allOther, Double allLift) { }
}
