package loopsmith.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import loopsmith.format.TypedJson;
import loopsmith.model.ModelFile;
import loopsmith.model.PlayedInstrument;
import loopsmith.music.LoopsmithException;

/**
 * Where a run stands: kept in every checkpoint's header under {@code state.train} and read back by {@code --resume}.
 * The JSON names are the snake_case ones runs have always written, so old checkpoints (the bundled model among
 * them) still load and resume.
 *
 * @param version            {@link #VERSION}; states written before the field existed have version 1's keys
 * @param bestValidationLoss the lowest validation loss so far; null until an evaluation has one
 * @param bestStep           the step of {@code bestValidationLoss}; 0 before it
 * @param evaluationsWithoutImprovement counted for early stopping
 * @param seconds            training time over all sessions of the run
 * @param adamSteps          the optimizer's own step count, which its bias correction needs back with its moments
 * @param config             the settings of the session that wrote the checkpoint, for people: a resume runs
 *                           with the settings it is given
 * @param seenTags           tags the model was shown, as GENRE=house; null in runs from before they were recorded
 * @param playedInstruments  the programs the training split played each role on, per genre ({@link PlayedInstrument});
 *                           null in runs from before they were recorded
 * @param warmupEndMinutes   when warm-up ended, in the run's minutes, where the time-shaped decay counts from; null
 *                           before it ends, and in runs from before it was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunState(@JsonProperty("version") int version,
                       @JsonProperty(value = "step", required = true) int step,
                       @JsonProperty(value = "epoch", required = true) int epoch,
                       @JsonProperty("best_validation_loss") Double bestValidationLoss,
                       @JsonProperty(value = "best_step", required = true) int bestStep,
                       @JsonProperty(value = "evaluations_without_improvement", required = true) int evaluationsWithoutImprovement,
                       @JsonProperty(value = "seconds", required = true) double seconds,
                       @JsonProperty(value = "adam_steps", required = true) int adamSteps,
                       @JsonProperty(value = "config", required = true) TrainConfig config,
                       @JsonProperty(ModelFile.SEEN_TAGS) List<String> seenTags,
                       @JsonProperty("warmup_end_minutes") Double warmupEndMinutes,
                       @JsonProperty(ModelFile.PLAYED_INSTRUMENTS) List<PlayedInstrument> playedInstruments) {
    public static final int VERSION = 1;
    /** A state carries no format (its place in the header says what it is); one without a version has version 1's keys. */
    private static final TypedJson.Format VERSIONS = new TypedJson.Format(null, "run state", VERSION, 1,
            "resume the run with the Loopsmith that wrote it, or a newer one");

    public RunState {
        if (step < 0 || epoch < 0 || bestStep < 0 || evaluationsWithoutImprovement < 0 || adamSteps < 0)
            throw new IllegalArgumentException("step, epoch, best_step, evaluations_without_improvement and adam_steps must be >= 0");
        if (!(seconds >= 0)) throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        if (config == null) throw new IllegalArgumentException("config is missing");
        // The loop keeps "none yet" as +Infinity and NaN; JSON has no such numbers, so absent is how they are stored.
        if (bestValidationLoss != null && !Double.isFinite(bestValidationLoss)) bestValidationLoss = null;
        if (warmupEndMinutes != null && !Double.isFinite(warmupEndMinutes)) warmupEndMinutes = null;
        seenTags = seenTags == null ? null : List.copyOf(seenTags);
        playedInstruments = playedInstruments == null ? null : List.copyOf(playedInstruments);
    }

    /** As written before the played instruments were recorded. */
    public RunState(int version, int step, int epoch, Double bestValidationLoss, int bestStep, int evaluationsWithoutImprovement,
                    double seconds, int adamSteps, TrainConfig config, List<String> seenTags, Double warmupEndMinutes) {
        this(version, step, epoch, bestValidationLoss, bestStep, evaluationsWithoutImprovement, seconds, adamSteps, config,
                seenTags, warmupEndMinutes, null);
    }

    /** The run state in a loaded checkpoint. */
    public static RunState of(ModelFile checkpoint) {
        return read(checkpoint.file(), checkpoint.contents().state().path(ModelFile.TRAIN_STATE));
    }

    /**
     * The run state from a checkpoint header's {@code state.train}; {@code checkpoint} names the file in errors.
     * A state newer than this build, or one lacking a field resume needs, is refused rather than read as zeros.
     */
    public static RunState read(Path checkpoint, JsonNode train) {
        if (train == null || !train.isObject())
            throw new LoopsmithException(checkpoint, "checkpoint carries no run state (state." + ModelFile.TRAIN_STATE + "), so it cannot be resumed");
        ObjectNode tree = VERSIONS.versioned(checkpoint, train);
        try {
            // Bound as every typed file is (TypedJson): unknown fields tolerated, so an older build can resume a run a
            // newer one wrote when it only added fields (a change older builds must not read bumps VERSION); a null
            // where a number belongs is an error, not 0.
            return TypedJson.READER.treeToValue(tree, RunState.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(checkpoint, "run state (state." + ModelFile.TRAIN_STATE + ") is incomplete or damaged: "
                    + TypedJson.reason(e), e);
        }
    }

    /** The JSON a checkpoint header keeps under {@code state.train}. */
    public JsonNode toJson() {
        return TypedJson.tree(this);
    }
}
