package loopsmith.train;

/** Linear warm-up to the peak, then cosine decay to the floor at the last step (nanoGPT's get_lr). */
record LrSchedule(double peak, double floor, int warmupSteps, int lastStep) {
    /** Learning rate of step {@code step} (1-based). */
    double at(int step) {
        if (step <= warmupSteps) return peak * step / Math.max(1, warmupSteps);
        if (step >= lastStep) return floor;
        double progress = (double) (step - warmupSteps) / Math.max(1, lastStep - warmupSteps);
        return floor + 0.5 * (1 + Math.cos(Math.PI * progress)) * (peak - floor);
    }
}
