package loopsmith.train;

/**
 * How a run ended.
 *
 * @param stopReason {@code max steps}, {@code time budget}, {@code early stopping}
 */
public record TrainResult(int lastStep, int epochs, double lastTrainLoss, double bestValidationLoss, int bestStep,
                          String stopReason, double seconds, double tokensPerSecond) { }
