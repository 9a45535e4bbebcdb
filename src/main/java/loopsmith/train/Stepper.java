package loopsmith.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import loopsmith.model.Gpt;

/**
 * One optimizer step: forward, cross-entropy and backward for each micro-batch (gradients accumulate), then clip,
 * AdamW update and zeroed gradients. Every array a step creates lives in an {@link NDScope} and is freed when the step
 * ends, so native memory stays flat however long a run is. Shared by training and its benchmark, so both time the
 * same work.
 */
final class Stepper {
    private Stepper() {}

    /** Returns the mean loss of the micro-batches. */
    static double step(Gpt model, AdamW optimizer, NDManager manager, List<Batches.Batch> microBatches, double lr, double clip) {
        double lossSum = 0;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            for (Batches.Batch b : microBatches) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray inputs = manager.create(b.inputs(), new Shape(b.rows(), b.length()));
                    NDArray targets = manager.create(b.targets(), new Shape(b.rows(), b.length()));
                    NDArray loss = model.loss(inputs, targets, Batches.PAD, true);
                    gc.backward(loss.div(microBatches.size()));
                    lossSum += loss.getFloat();
                }
            }
        }
        optimizer.step(lr, clip);
        optimizer.zeroGradients();
        return lossSum / microBatches.size();
    }
}
