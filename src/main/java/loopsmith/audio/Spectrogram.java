package loopsmith.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Magnitude spectra of Hann-windowed frames ({@code frames × (frameSize/2 + 1)}), the short-time Fourier transform
 * that onset detection, drum classification and chroma all start from. Frame {@code i} is centred on sample
 * {@code i × hop}; the signal is zero-padded at both ends.
 */
public record Spectrogram(double[][] magnitudes, int frameSize, int hop, int sampleRateHz) {

    public static Spectrogram of(float[] signal, int sampleRateHz, int frameSize, int hop) {
        int frames = signal.length / hop + 1;
        double[] window = new double[frameSize];
        for (int i = 0; i < frameSize; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frameSize);
        DoubleFFT_1D fft = new DoubleFFT_1D(frameSize);
        double[][] mags = new double[frames][frameSize / 2 + 1];
        double[] buf = new double[frameSize];
        for (int f = 0; f < frames; f++) {
            int start = f * hop - frameSize / 2;
            for (int i = 0; i < frameSize; i++) {
                int j = start + i;
                buf[i] = j >= 0 && j < signal.length ? signal[j] * window[i] : 0;
            }
            fft.realForward(buf);
            // realForward packs: buf[0] = Re[0], buf[1] = Re[n/2], then (Re, Im) pairs for bins 1..n/2-1.
            double[] m = mags[f];
            m[0] = Math.abs(buf[0]);
            m[frameSize / 2] = Math.abs(buf[1]);
            for (int k = 1; k < frameSize / 2; k++) m[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
        }
        return new Spectrogram(mags, frameSize, hop, sampleRateHz);
    }

    public int frames() {
        return magnitudes.length;
    }

    public double framesPerSecond() {
        return sampleRateHz / (double) hop;
    }

    public double binHz() {
        return sampleRateHz / (double) frameSize;
    }

    /** The bin holding {@code hz}, clamped to the spectrum. */
    public int bin(double hz) {
        return (int) Math.max(0, Math.min(frameSize / 2, Math.round(hz / binHz())));
    }

    /** Energy (sum of squared magnitudes) of frame {@code f} between two frequencies. */
    public double bandEnergy(int f, double fromHz, double toHz) {
        double e = 0;
        for (int k = bin(fromHz); k <= bin(toHz); k++) e += magnitudes[f][k] * magnitudes[f][k];
        return e;
    }
}
