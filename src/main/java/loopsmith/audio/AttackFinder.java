package loopsmith.audio;

/**
 * Where a hit starts in the waveform, to a fraction of a millisecond: onset frames are ~6 ms apart and a flux peak
 * leads or lags the attack by a drum-dependent few ms, too coarse for micro-timing. Near an onset, the attack is the
 * point with the largest jump in short-time energy of the signal's first difference (which lifts a hat's or snare's
 * attack over a kick's still-ringing body), found on {@link #BLOCK} sample blocks and then to the sample where the new
 * sound first reaches a share of its early peak.
 */
final class AttackFinder {
    /** Block of the energy envelope: 16 samples, 0.7 ms at 22.05 kHz. */
    static final int BLOCK = 16;
    /** Energy summed over this many blocks before and after a candidate attack (about 3 ms). */
    static final int SIDE_BLOCKS = 4;
    /** Searched before and after the onset frame's time: flux peaks lead an attack by up to about a frame and a lag. */
    static final double BEFORE_S = 0.015;
    static final double AFTER_S = 0.025;
    /** The attack's first sample reaches this share of the peak of the first milliseconds after it. */
    static final double RISE_SHARE = 0.3;
    /** Energy floor (share of the searched window's largest block) so silence before a hit is no infinite ratio. */
    private static final double FLOOR = 1e-3;

    private final float[] diff;
    private final double[] blocks;
    private final int sampleRateHz;

    AttackFinder(float[] mono, int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        diff = new float[mono.length];
        for (int i = 1; i < mono.length; i++) diff[i] = mono[i] - mono[i - 1];
        blocks = new double[(mono.length + BLOCK - 1) / BLOCK];
        for (int i = 0; i < diff.length; i++) blocks[i / BLOCK] += (double) diff[i] * diff[i];
    }

    /** The attack near {@code seconds} (an onset frame's time), in seconds. */
    double attack(double seconds) {
        int centre = (int) Math.round(seconds * sampleRateHz / BLOCK);
        int from = Math.max(0, centre - (int) Math.ceil(BEFORE_S * sampleRateHz / BLOCK));
        int to = Math.min(blocks.length - SIDE_BLOCKS, centre + (int) Math.ceil(AFTER_S * sampleRateHz / BLOCK));
        if (to <= from) return seconds;
        double max = 0;
        for (int k = Math.max(0, from - SIDE_BLOCKS); k < Math.min(blocks.length, to + SIDE_BLOCKS); k++) max = Math.max(max, blocks[k]);
        if (max == 0) return seconds;
        double floor = FLOOR * max;
        int best = from;
        double bestJump = Double.NEGATIVE_INFINITY;
        for (int k = from; k <= to; k++) {
            double before = floor;
            double after = floor;
            for (int j = 1; j <= SIDE_BLOCKS; j++) if (k - j >= 0) before += blocks[k - j];
            for (int j = 0; j < SIDE_BLOCKS; j++) after += blocks[k + j];
            double jump = Math.log(after / before);
            if (jump > bestJump) {
                bestJump = jump;
                best = k;
            }
        }
        // Within the winning block and the one before it, the first sample that reaches the rise share of the peak.
        int start = Math.max(0, (best - 1) * BLOCK);
        int end = Math.min(diff.length, (best + SIDE_BLOCKS) * BLOCK);
        double peak = 0;
        for (int i = best * BLOCK; i < end; i++) peak = Math.max(peak, Math.abs(diff[i]));
        for (int i = start; i < end; i++) if (Math.abs(diff[i]) >= RISE_SHARE * peak) return i / (double) sampleRateHz;
        return best * BLOCK / (double) sampleRateHz;
    }
}
