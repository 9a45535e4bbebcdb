package loopsmith.audio;

import java.util.Optional;
import loopsmith.music.KeyFinder;

/**
 * Key of a clip: a chroma profile (spectral peaks between {@link #MIN_HZ} and {@link #MAX_HZ}, each added to the
 * pitch class of its interpolated frequency) matched against the Krumhansl–Kessler key profiles by {@link KeyFinder},
 * the same matcher the MIDI side uses. Only peaks count: between peaks a window's leakage smears energy over
 * neighbouring semitones, which at low frequencies would blur the profile.
 */
public final class KeyDetector {
    static final double MIN_HZ = 55;
    static final double MAX_HZ = 2000;
    /** 8192 points at 22.05 kHz resolve 2.7 Hz: a semitone apart from A1 (55 Hz) upwards. */
    static final int FRAME_SIZE = 8192;
    static final int HOP = 2048;

    private KeyDetector() {}

    /** Pitch-class energy (index 0 = C), summed over the clip; all zeros for silence. */
    public static double[] chroma(float[] mono, int sampleRateHz) {
        Spectrogram s = Spectrogram.of(mono, sampleRateHz, FRAME_SIZE, HOP);
        double[] profile = new double[12];
        int lo = Math.max(1, s.bin(MIN_HZ));
        int hi = s.bin(MAX_HZ);
        for (double[] m : s.magnitudes()) {
            for (int k = lo; k <= hi; k++) {
                if (m[k] <= m[k - 1] || m[k] < m[k + 1]) continue;
                double a = m[k - 1];
                double b = m[k];
                double c = m[k + 1];
                double denom = a - 2 * b + c;
                double shift = denom == 0 ? 0 : 0.5 * (a - c) / denom;
                double hz = (k + shift) * s.binHz();
                double midi = 69 + 12 * Math.log(hz / 440) / Math.log(2);
                profile[Math.floorMod((int) Math.round(midi), 12)] += b;
            }
        }
        return profile;
    }

    public static Optional<KeyFinder.Estimate> detect(double[] chroma) {
        return KeyFinder.estimate(chroma);
    }
}
