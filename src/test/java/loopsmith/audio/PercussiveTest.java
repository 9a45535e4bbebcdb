package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/** Harmonic–percussive separation: a held note goes, a hit stays, whichever is louder. */
@UnitTest
class PercussiveTest {
    private static final int RATE = Analyzer.SAMPLE_RATE_HZ;

    @Test
    void aHeldBassNoteIsLeftOutAndADrumHitKept() {
        float[] signal = new float[2 * RATE];
        for (int i = 0; i < signal.length; i++) signal[i] = (float) (0.5 * Math.sin(2 * Math.PI * 82.4 * i / RATE));
        int hit = RATE;
        java.util.SplittableRandom noise = new java.util.SplittableRandom(1);
        for (int i = 0; i < 400; i++) signal[hit + i] += (float) ((noise.nextDouble() * 2 - 1) * 0.5 * Math.exp(-i / 80.0));
        Spectrogram s = Spectrogram.of(signal, RATE, Analyzer.FRAME_SIZE, Analyzer.HOP);
        Spectrogram p = Percussive.of(s);
        int note = s.bin(82.4);
        int held = RATE / 2 / Analyzer.HOP;
        int at = hit / Analyzer.HOP + 2;
        assertTrue(p.magnitudes()[held][note] < 0.05 * s.magnitudes()[held][note],
                "the held note's own bin between hits: " + p.magnitudes()[held][note] + " of " + s.magnitudes()[held][note]);
        double kept = 0;
        double was = 0;
        for (int k = s.bin(2000); k <= s.bin(8000); k++) {
            kept += p.magnitudes()[at][k];
            was += s.magnitudes()[at][k];
        }
        assertTrue(kept > 0.8 * was, "the hit's broadband attack: " + kept + " of " + was);
    }

    @Test
    void silenceStaysSilentAndNothingGrows() {
        float[] signal = new float[RATE];
        for (int i = RATE / 2; i < RATE / 2 + 200; i++) signal[i] = (float) Math.sin(i * 0.37);
        Spectrogram s = Spectrogram.of(signal, RATE, Analyzer.FRAME_SIZE, Analyzer.HOP);
        Spectrogram p = Percussive.of(s);
        for (int f = 0; f < s.frames(); f++)
            for (int k = 0; k < s.magnitudes()[f].length; k++) assertTrue(p.magnitudes()[f][k] <= s.magnitudes()[f][k] + 1e-12);
        assertTrue(p.magnitudes()[10][5] == 0, "no sound before the burst, none after separation");
    }
}
