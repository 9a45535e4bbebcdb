package loopsmith.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Monophonic pitch tracking with YIN (de Cheveigné &amp; Kawahara 2002): per frame the cumulative-mean-normalised
 * difference function, its first dip below {@link #THRESHOLD}, refined by parabolic interpolation; then frames of one
 * pitch are joined into notes, split again at onsets so repeated notes stay separate. Hand-written because no
 * maintained Java library on Maven Central offers YIN without pulling in a whole audio framework; the direct
 * difference sums cost about a second per minute of audio, which is fine for clips.
 */
public final class PitchTracker {
    static final double MIN_HZ = 40;
    static final double MAX_HZ = 1000;
    static final int WINDOW = 1024;
    static final int HOP = 256;
    static final double THRESHOLD = 0.15;
    /** Frames quieter than this (relative to the loudest frame) are silence, whatever YIN says. */
    private static final double SILENCE_DB = -40;
    private static final double MIN_NOTE_SECONDS = 0.05;
    private static final int MEDIAN_FRAMES = 5;
    private static final double REATTACK_RISE = 1.25;

    private PitchTracker() {}

    /** Per frame: f0 in Hz (0 = unvoiced or silent), and its RMS level. Frame {@code i} starts at {@code i × HOP}. */
    public record Track(double[] hz, double[] rms, double framesPerSecond) {
        /** Share of the non-silent frames that have a pitch: near 1 for a clean bass or lead, low for drums. */
        public double voicedShare() {
            int loud = 0;
            int voiced = 0;
            for (int i = 0; i < hz.length; i++) {
                if (rms[i] <= 0) continue;
                loud++;
                if (hz[i] > 0) voiced++;
            }
            return loud == 0 ? 0 : voiced / (double) loud;
        }
    }

    public static Track track(float[] x, int sampleRateHz) {
        int tauMin = (int) Math.floor(sampleRateHz / MAX_HZ);
        int tauMax = (int) Math.ceil(sampleRateHz / MIN_HZ);
        int frames = Math.max(0, (x.length - WINDOW - tauMax) / HOP + 1);
        double[] hz = new double[frames];
        double[] rms = new double[frames];
        double[] d = new double[tauMax + 1];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            int start = f * HOP;
            double e = 0;
            for (int j = 0; j < WINDOW; j++) e += x[start + j] * x[start + j];
            rms[f] = Math.sqrt(e / WINDOW);
            loudest = Math.max(loudest, rms[f]);
        }
        double floor = loudest * Math.pow(10, SILENCE_DB / 20);
        for (int f = 0; f < frames; f++) {
            if (rms[f] <= floor || rms[f] == 0) {
                rms[f] = 0;
                continue;
            }
            int start = f * HOP;
            for (int tau = 1; tau <= tauMax; tau++) {
                double s = 0;
                for (int j = 0; j < WINDOW; j++) {
                    double diff = x[start + j] - x[start + j + tau];
                    s += diff * diff;
                }
                d[tau] = s;
            }
            hz[f] = estimate(d, tauMin, tauMax, sampleRateHz);
        }
        return new Track(hz, rms, sampleRateHz / (double) HOP);
    }

    /** f0 from one frame's difference function, 0 when no dip is deep enough. */
    private static double estimate(double[] d, int tauMin, int tauMax, int sampleRateHz) {
        double[] cmnd = new double[tauMax + 1];
        cmnd[0] = 1;
        double running = 0;
        for (int tau = 1; tau <= tauMax; tau++) {
            running += d[tau];
            cmnd[tau] = running == 0 ? 1 : d[tau] * tau / running;
        }
        int tau = -1;
        for (int t = tauMin; t < tauMax; t++) {
            if (cmnd[t] < THRESHOLD) {
                while (t + 1 < tauMax && cmnd[t + 1] < cmnd[t]) t++;
                tau = t;
                break;
            }
        }
        if (tau < 0) return 0;
        double a = cmnd[tau - 1];
        double b = cmnd[tau];
        double c = cmnd[tau + 1];
        double denom = a - 2 * b + c;
        double refined = tau + (denom == 0 ? 0 : 0.5 * (a - c) / denom);
        return sampleRateHz / refined;
    }

    /**
     * Notes from a pitch track: frames rounded to MIDI pitches, median-smoothed, joined while the pitch holds, and
     * split at the given onset times (seconds).
     */
    public static List<AudioNote> notes(Track t, List<Double> onsetSeconds) {
        int n = t.hz().length;
        int[] pitch = new int[n];
        for (int i = 0; i < n; i++) pitch[i] = t.hz()[i] > 0 ? (int) Math.round(69 + 12 * Math.log(t.hz()[i] / 440) / Math.log(2)) : -1;
        int[] smooth = new int[n];
        int[] window = new int[MEDIAN_FRAMES];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < MEDIAN_FRAMES; k++) window[k] = pitch[Math.max(0, Math.min(n - 1, i + k - MEDIAN_FRAMES / 2))];
            int[] sorted = window.clone();
            Arrays.sort(sorted);
            smooth[i] = pitch[i] < 0 ? -1 : sorted[MEDIAN_FRAMES / 2];
        }
        boolean[] split = new boolean[n];
        for (double s : onsetSeconds) {
            // frame i covers [i·HOP, i·HOP + WINDOW): the first frame starting at or after the onset begins the note
            int i = (int) Math.ceil(s * t.framesPerSecond());
            // Only where the level rises: a re-attack, not a wobble of the flux inside a held low note.
            if (i >= 2 && i < n && t.rms()[i] > REATTACK_RISE * t.rms()[i - 2]) split[i] = true;
        }
        double frameSeconds = 1 / t.framesPerSecond();
        double loudest = Arrays.stream(t.rms()).max().orElse(0);
        List<AudioNote> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (smooth[i] < 0) {
                i++;
                continue;
            }
            int j = i + 1;
            double peak = t.rms()[i];
            while (j < n && smooth[j] == smooth[i] && !split[j]) peak = Math.max(peak, t.rms()[j++]);
            double seconds = (j - i) * frameSeconds;
            if (seconds >= MIN_NOTE_SECONDS && smooth[i] >= 0 && smooth[i] <= 127)
                out.add(new AudioNote(i * frameSeconds, seconds, smooth[i], velocity(peak, loudest)));
            i = j;
        }
        return out;
    }

    /** −40 dB below the loudest frame → 30, the loudest → 127. */
    static int velocity(double rms, double loudest) {
        if (loudest <= 0 || rms <= 0) return 1;
        double db = 20 * Math.log10(rms / loudest);
        return (int) Math.max(1, Math.min(127, Math.round(127 + db * (97.0 / 40))));
    }
}
