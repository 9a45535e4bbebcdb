package loopsmith.audio;

/**
 * A clip's drum bands read on a sixteenth-note grid: for every step, the strongest flux of each band within half a
 * step of it, so a swung or pushed hit still counts for its step. Step 0 is the first grid point at or after the clip's
 * start (less a few frames: an attack at 0 s peaks a little early); {@code beatStep} (0..3) is the first step that is
 * a beat of the tempo read.
 *
 * @param all   per step, 0..1: the whole onset envelope ({@link OnsetEnvelope})
 * @param low   per step, 0..1 (see {@link BandFlux})
 * @param mid   per step
 * @param high  per step
 * @param ring  per step, 0..1: the high band's mean level over the step from its grid point on (see
 *              {@link BandFlux#highLevel()})
 */
record StepStrengths(double[] all, double[] low, double[] mid, double[] high, double[] ring, double originFrame, double stepFrames,
                     int beatStep) {
    static final int STEPS_PER_BEAT = 4;
    static final int STEPS_PER_BAR = 16;

    /** The grid of a beat of {@code beatFrames} frames whose beats fall at {@code beatPhaseFrame} + k × period. */
    static StepStrengths of(OnsetEnvelope envelope, BandFlux flux, double beatFrames, double beatPhaseFrame) {
        double step = beatFrames / STEPS_PER_BEAT;
        double early = Math.min(0.25 * step, 3);
        double origin = beatPhaseFrame;
        int beatStep = 0;
        while (origin - step >= -early) {
            origin -= step;
            beatStep++;
        }
        beatStep %= STEPS_PER_BEAT;
        int steps = Math.max(1, (int) Math.floor((flux.frames() - 1 - origin) / step) + 1);
        double[] all = new double[steps];
        double[] low = new double[steps];
        double[] mid = new double[steps];
        double[] high = new double[steps];
        double[] ring = new double[steps];
        for (int n = 0; n < steps; n++) {
            double centre = origin + n * step;
            int from = Math.max(0, (int) Math.ceil(centre - step / 2));
            int to = Math.min(flux.frames() - 1, (int) Math.floor(centre + step / 2 - 1e-9));
            for (int f = from; f <= to; f++) {
                all[n] = Math.max(all[n], envelope.strength()[f]);
                low[n] = Math.max(low[n], flux.low()[f]);
                mid[n] = Math.max(mid[n], flux.mid()[f]);
                high[n] = Math.max(high[n], flux.high()[f]);
            }
            int count = 0;
            for (int f = Math.max(0, (int) Math.ceil(centre)); f < Math.min(flux.frames(), centre + step); f++) {
                ring[n] += flux.highLevel()[f];
                count++;
            }
            if (count > 0) ring[n] /= count;
        }
        return new StepStrengths(all, low, mid, high, ring, origin, step, beatStep);
    }

    int steps() {
        return low.length;
    }

    /**
     * The bar's pattern when the downbeat is step {@code downbeatStep}: each band's mean per position 0..15 over the
     * bars, positions before the first downbeat taken as the end of a bar (a loop comes round).
     *
     * @return {all, low, mid, high}, each 16 values
     */
    double[][] fold(int downbeatStep) {
        double[][] sum = new double[4][STEPS_PER_BAR];
        int[] count = new int[STEPS_PER_BAR];
        for (int n = 0; n < steps(); n++) {
            int pos = Math.floorMod(n - downbeatStep, STEPS_PER_BAR);
            sum[0][pos] += all[n];
            sum[1][pos] += low[n];
            sum[2][pos] += mid[n];
            sum[3][pos] += high[n];
            count[pos]++;
        }
        for (int b = 0; b < sum.length; b++) for (int p = 0; p < STEPS_PER_BAR; p++) if (count[p] > 0) sum[b][p] /= count[p];
        return sum;
    }

    /** Seconds of step {@code n}. */
    double seconds(int n, double framesPerSecond) {
        return (originFrame + n * stepFrames) / framesPerSecond;
    }
}
