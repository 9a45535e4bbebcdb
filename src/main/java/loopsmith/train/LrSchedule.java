package loopsmith.train;

/**
 * Linear warm-up to the peak, then cosine decay to the floor (nanoGPT's get_lr). The decay runs over steps or, when
 * the run has a time budget, over whichever is further along: steps or minutes. So a run capped by minutes ends
 * annealed at the floor when its time is spent, instead of stopping at a high rate mid-schedule.
 */
record LrSchedule(double peak, double floor, int warmupSteps, int lastStep) {
    /** Learning rate of step {@code step} (1-based), by steps alone. */
    double at(int step) {
        return at(step, 0);
    }

    /**
     * Learning rate of step {@code step} when {@code timeProgress} (0..1) of the run's time budget after warm-up is
     * spent; 0 when the run has no budget.
     */
    double at(int step, double timeProgress) {
        if (step <= warmupSteps) return peak * step / Math.max(1, warmupSteps);
        double progress = Math.max((double) (step - warmupSteps) / Math.max(1, lastStep - warmupSteps), timeProgress);
        if (progress >= 1) return floor;
        return floor + 0.5 * (1 + Math.cos(Math.PI * progress)) * (peak - floor);
    }

    /**
     * How far through its budget a run is, counting from the end of warm-up: {@code warmupEndMinutes} is when warm-up
     * ended (in this run's accumulated minutes; NaN while it lasts).
     */
    static double timeProgress(double elapsedMinutes, double warmupEndMinutes, double maxMinutes) {
        if (maxMinutes <= 0 || Double.isNaN(warmupEndMinutes)) return 0;
        double span = maxMinutes - warmupEndMinutes;
        if (span <= 0) return 1;
        return Math.max(0, Math.min(1, (elapsedMinutes - warmupEndMinutes) / span));
    }
}
