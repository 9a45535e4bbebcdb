package loopsmith.audio;

/**
 * Tempo from an onset envelope: the envelope's autocorrelation is read through a comb (the mean over multiples of
 * each candidate beat period) on a fine tempo grid, weighted by a log-normal preference for moderate tempos to settle
 * octave ambiguity; the winner is then snapped to the loop-length prior. A loop is nearly always a whole number of
 * bars, so when the clip's length is within {@link #SNAP_TOLERANCE} of N bars at the estimate, the tempo that makes
 * it exactly N bars is taken: the length of a loop measures tempo far more finely than onset timing can.
 */
public final class TempoDetector {
    /** The slowest tempo reported: what a server assumes of a clip whose tempo it has not yet analysed. */
    public static final double MIN_BPM = 50;
    static final double MAX_BPM = 220;
    private static final double GRID_BPM = 0.05;
    static final int BEATS_PER_BAR = 4;
    /** Relative distance to a whole-bar tempo that still counts as "the same tempo". */
    static final double SNAP_TOLERANCE = 0.025;
    /** Centre and width (in octaves) of the tempo preference; human tapping centres near 120 BPM (Moelants 2002). */
    private static final double PRIOR_CENTRE_BPM = 115;
    private static final double PRIOR_OCTAVES = 0.9;
    private static final double MAX_LAG_SECONDS = 8;
    /** Half-beats at least this strong (relative to beats) make the half-beat the beat. */
    static final double OFFBEAT_SHARE = 0.85;
    private static final double PEAK_NEAR_SECONDS = 0.02;
    /** Share of a beat before frame 0 that the first-beat search also tries. */
    private static final double EARLY_PHASE = 0.1;

    private TempoDetector() {}

    public static Tempo detect(OnsetEnvelope envelope, double durationSeconds) {
        double fps = envelope.framesPerSecond();
        double[] acf = autocorrelation(envelope.strength(), (int) Math.min(envelope.frames() / 2.0, MAX_LAG_SECONDS * fps));
        if (acf[0] <= 0) return new Tempo(120, 0, 0, Math.max(1, (int) Math.round(durationSeconds / 2)), false);
        double bestBpm = 120;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestComb = 0;
        for (double bpm = MIN_BPM; bpm <= MAX_BPM; bpm += GRID_BPM) {
            double comb = comb(acf, 60 * fps / bpm);
            if (Double.isNaN(comb)) continue;
            double score = comb * prior(bpm);
            if (score > bestScore) {
                bestScore = score;
                bestBpm = bpm;
                bestComb = comb;
            }
        }
        double bpm = settleOctave(envelope, bestBpm);
        boolean snapped = false;
        double barsExact = durationSeconds * bpm / (60.0 * BEATS_PER_BAR);
        long wholeBars = Math.max(1, Math.round(barsExact));
        double loopBpm = wholeBars * 60.0 * BEATS_PER_BAR / durationSeconds;
        if (Math.abs(loopBpm - bpm) <= SNAP_TOLERANCE * bpm) {
            bpm = loopBpm;
            snapped = true;
        }
        double confidence = Math.max(0, Math.min(1, bestComb / acf[0]));
        double offset = firstBeat(envelope, 60 * fps / bpm) / fps;
        return new Tempo(Math.round(bpm * 100) / 100.0, Math.round(confidence * 1000) / 1000.0, Math.round(offset * 1000) / 1000.0,
                (int) wholeBars, snapped);
    }

    /**
     * Doubles the tempo while the half-beats are about as strong as the beats: a beat level is normally marked by
     * stronger onsets than its subdivision (kick and snare over hats), so evenly strong halves mean the comb and the
     * prior chose a level too slow (a 174 BPM break read as 87).
     */
    static double settleOctave(OnsetEnvelope envelope, double bpm) {
        while (bpm * 2 <= MAX_BPM) {
            double period = 60 * envelope.framesPerSecond() / bpm;
            double phase = firstBeat(envelope, period);
            double onBeat = meanPeak(envelope, phase, period);
            double offBeat = meanPeak(envelope, phase + period / 2, period);
            if (onBeat <= 0 || offBeat < OFFBEAT_SHARE * onBeat) break;
            bpm *= 2;
        }
        return bpm;
    }

    /** Mean of the envelope's peak near each position {@code phase + k × period}. */
    private static double meanPeak(OnsetEnvelope envelope, double phase, double period) {
        double[] s = envelope.strength();
        int near = Math.max(1, (int) Math.round(PEAK_NEAR_SECONDS * envelope.framesPerSecond()));
        double sum = 0;
        int n = 0;
        for (double t = phase; t < s.length; t += period) {
            int c = (int) Math.round(t);
            double peak = 0;
            for (int i = Math.max(0, c - near); i <= Math.min(s.length - 1, c + near); i++) peak = Math.max(peak, s[i]);
            sum += peak;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    static double prior(double bpm) {
        double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2);
        return Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
    }

    /** Mean of the autocorrelation at every multiple of the period that fits, linearly interpolated; NaN if none. */
    private static double comb(double[] acf, double period) {
        double sum = 0;
        int n = 0;
        for (double lag = period; lag < acf.length - 1; lag += period) {
            int i = (int) lag;
            double frac = lag - i;
            sum += acf[i] * (1 - frac) + acf[i + 1] * frac;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Autocorrelation of the mean-removed envelope, each lag divided by its overlap so long lags are not
     * penalised. Direct sums: a clip's envelope is a few thousand frames, so an FFT would save little.
     */
    static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= Math.max(1, n);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = x[i] - mean;
        double[] r = new double[Math.max(2, maxLag + 1)];
        for (int lag = 0; lag <= maxLag && lag < n; lag++) {
            double s = 0;
            for (int i = 0; i + lag < n; i++) s += c[i] * c[i + lag];
            r[lag] = s / (n - lag);
        }
        return r;
    }

    /**
     * The beat phase (in frames, 0 ≤ phase &lt; period) whose beat train collects the most onset strength. Flux
     * peaks can come a few frames before the attack (the window reaches it before its centre does), so phases just
     * below zero are searched too and count as zero rather than wrapping round to the end of the beat.
     */
    static double firstBeat(OnsetEnvelope envelope, double period) {
        double[] s = envelope.strength();
        double best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (double phase = -EARLY_PHASE * period; phase < (1 - EARLY_PHASE) * period; phase += 0.25) {
            double sum = 0;
            for (double t = phase; t < s.length - 1; t += period) {
                double u = Math.max(0, t);
                int i = (int) u;
                double frac = u - i;
                sum += s[i] * (1 - frac) + s[i + 1] * frac;
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = phase;
            }
        }
        return Math.max(0, best);
    }
}
