package loopsmith.audio;

/**
 * Onset strength per drum band: the spectral flux of {@link OnsetEnvelope} summed over the bins of one band only,
 * each band normalised to a maximum of 1. The low band rises with a kick or a bass note, the mid band with a snare's
 * or clap's body, the high band with hats, rides and a snare's wires; a rhythm's pattern is read from the three.
 *
 * @param low       30–150 Hz, one value per spectrogram frame
 * @param mid       200–2,000 Hz
 * @param high      5–11 kHz
 * @param highLevel the high band's level rather than its rise (log energy, 0..1 over the clip): a crash rings on where
 *                  a hat has died away
 */
public record BandFlux(double[] low, double[] mid, double[] high, double[] highLevel, double framesPerSecond) {
    static final double LOW_FROM_HZ = 30;
    static final double LOW_TO_HZ = 150;
    static final double MID_FROM_HZ = 200;
    static final double MID_TO_HZ = 2000;
    static final double HIGH_FROM_HZ = 5000;
    static final double HIGH_TO_HZ = 11000;

    public static BandFlux of(Spectrogram s) {
        return new BandFlux(flux(s, LOW_FROM_HZ, LOW_TO_HZ), flux(s, MID_FROM_HZ, MID_TO_HZ), flux(s, HIGH_FROM_HZ, HIGH_TO_HZ),
                level(s, HIGH_FROM_HZ, HIGH_TO_HZ), s.framesPerSecond());
    }

    /** Log band energy per frame, scaled to 0..1 between the clip's quietest and loudest frame. */
    private static double[] level(Spectrogram s, double fromHz, double toHz) {
        double[] out = new double[s.frames()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < out.length; f++) {
            out[f] = Math.log1p(s.bandEnergy(f, fromHz, toHz));
            min = Math.min(min, out[f]);
            max = Math.max(max, out[f]);
        }
        if (max > min) for (int f = 0; f < out.length; f++) out[f] = (out[f] - min) / (max - min);
        return out;
    }

    public int frames() {
        return low.length;
    }

    private static double[] flux(Spectrogram s, double fromHz, double toHz) {
        int frames = s.frames();
        int lo = s.bin(fromHz);
        int hi = s.bin(toHz);
        double[][] m = s.magnitudes();
        double[] out = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int k = lo; k <= hi; k++) {
                double before = f >= OnsetEnvelope.LAG_FRAMES ? Math.log1p(m[f - OnsetEnvelope.LAG_FRAMES][k]) : 0;
                sum += Math.max(0, Math.log1p(m[f][k]) - before);
            }
            out[f] = sum;
            max = Math.max(max, sum);
        }
        if (max > 0) for (int f = 0; f < frames; f++) out[f] /= max;
        return out;
    }
}
