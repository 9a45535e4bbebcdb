package loopsmith.starter;

import java.util.SplittableRandom;

/**
 * Where a grid step lands in ticks and how hard it is played: a sixteenth grid with swing on the off-sixteenths (or,
 * for jazz, on the off-eighths) and a human spread of timing and velocity.
 *
 * @param swing          delay of every odd sixteenth, as a fraction of a sixteenth (0 straight, 1/3 triplet feel)
 * @param eighthSwing    delay of every off-eighth, as a fraction of an eighth (jazz ride: 1/3)
 * @param timingSpread   standard deviation of the timing drift, in ticks
 * @param velocitySpread standard deviation of the velocity drift
 * @param lateTicks      a constant lay-back (lo-fi keys sit behind the beat)
 */
record Feel(double swing, double eighthSwing, double timingSpread, double velocitySpread, int lateTicks) {
    static final int TICKS_PER_QUARTER = 480;
    static final int STEP = TICKS_PER_QUARTER / 4;

    static final Feel STRAIGHT = new Feel(0, 0, 0, 0, 0);

    Feel withLate(int ticks) {
        return new Feel(swing, eighthSwing, timingSpread, velocitySpread, ticks);
    }

    /** The tick of sixteenth {@code step} of bar {@code bar}, swung and nudged; never before the bar's start. */
    long tick(int bar, int stepsPerBar, double step, SplittableRandom rng) {
        double t = step * STEP;
        int whole = (int) Math.floor(step);
        if (whole == step) {
            if (whole % 2 == 1) t += swing * STEP;
            if (whole % 4 == 2) t += eighthSwing * 2 * STEP;
        }
        t += lateTicks + gaussian(rng) * timingSpread;
        long barStart = (long) bar * stepsPerBar * STEP;
        return Math.max(barStart, barStart + Math.round(t));
    }

    int velocity(int base, SplittableRandom rng) {
        return Math.max(1, Math.min(127, (int) Math.round(base + gaussian(rng) * velocitySpread)));
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
