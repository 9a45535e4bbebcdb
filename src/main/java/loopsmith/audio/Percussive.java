package loopsmith.audio;

import java.util.Arrays;

/**
 * The percussive part of a spectrogram, by median-filtering harmonic–percussive separation (Fitzgerald 2010, as
 * librosa's {@code hpss}): a sustained note is a horizontal ridge (steady over time in one bin), a drum hit a vertical
 * one (broadband in one frame). Each bin's magnitude is kept in the share that the median across frequency (the
 * percussive estimate) takes of it against the median across time (the harmonic one), a soft Wiener mask. Hand-written:
 * no library on Maven Central does this in Java, and it is two medians.
 */
final class Percussive {
    /** The harmonic median spans about 0.2 s: longer than any drum's attack, shorter than a held note. */
    static final double HARMONIC_SPAN_S = 0.2;
    /** Frames of that span actually read: every few frames, so a clip costs little (the median moves slowly). */
    static final int HARMONIC_TAPS = 9;
    /** The percussive median spans this many bins (about 370 Hz at the analysis rate): wider than a note's peak. */
    static final int PERCUSSIVE_BINS = 17;

    private Percussive() {}

    static Spectrogram of(Spectrogram s) {
        double[][] m = s.magnitudes();
        int frames = m.length;
        int bins = m[0].length;
        int stride = Math.max(1, (int) Math.round(HARMONIC_SPAN_S * s.framesPerSecond() / (HARMONIC_TAPS - 1)));
        int half = HARMONIC_TAPS / 2;
        int binHalf = PERCUSSIVE_BINS / 2;
        double[][] out = new double[frames][bins];
        double[] taps = new double[HARMONIC_TAPS];
        double[] across = new double[PERCUSSIVE_BINS];
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < bins; k++) {
                for (int t = 0; t < HARMONIC_TAPS; t++) {
                    int g = f + (t - half) * stride;
                    taps[t] = g >= 0 && g < frames ? m[g][k] : 0;
                }
                int n = 0;
                for (int j = k - binHalf; j <= k + binHalf; j++) across[n++] = j >= 0 && j < bins ? m[f][j] : 0;
                double harmonic = median(taps);
                double percussive = median(across);
                double p2 = percussive * percussive;
                double h2 = harmonic * harmonic;
                out[f][k] = p2 + h2 > 0 ? m[f][k] * p2 / (p2 + h2) : 0;
            }
        }
        return new Spectrogram(out, s.frameSize(), s.hop(), s.sampleRateHz());
    }

    /** The median of an odd-length scratch array, sorted in place (the callers refill it for every bin). */
    private static double median(double[] scratch) {
        Arrays.sort(scratch);
        return scratch[scratch.length / 2];
    }
}
