package loopsmith.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drum loops synthesized in the test, fast and without a SoundFont: a kick (a sine falling from 150 to 50 Hz), a
 * snare (noise and a 180 Hz tone), a closed hat (high-passed noise, short) and a crash (high-passed noise, ringing).
 * Hits are placed on sixteenths with an optional offset, so timing answers are known to the sample.
 */
final class SynthDrums {
    static final int RATE = Analyzer.SAMPLE_RATE_HZ;

    enum Drum { KICK, SNARE, HAT, CRASH }

    /**
     * One hit of the pattern.
     *
     * @param step     sixteenth of the loop, from its first downbeat
     * @param gain     amplitude, 0..1
     * @param offsetMs how far from the grid it is played (positive: late)
     */
    record Hit(int step, Drum drum, double gain, double offsetMs) { }

    private final List<Hit> hits = new ArrayList<>();

    SynthDrums add(Drum drum, double gain, int... steps) {
        for (int s : steps) hits.add(new Hit(s, drum, gain, 0));
        return this;
    }

    SynthDrums add(Hit hit) {
        hits.add(hit);
        return this;
    }

    /** The same bar pattern ({@code steps} of a 16-step bar) in every one of {@code bars} bars. */
    SynthDrums everyBar(int bars, Drum drum, double gain, int... steps) {
        for (int b = 0; b < bars; b++) for (int s : steps) hits.add(new Hit(b * 16 + s, drum, gain, 0));
        return this;
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    /**
     * The loop ({@code bars} bars of 4/4 at {@code bpm}) started {@code shiftBeats} beats into its first bar: what
     * comes before that point sounds at the end, as a loop comes round.
     */
    float[] render(double bpm, int bars, int shiftBeats) {
        int frames = (int) Math.round(bars * 4 * 60.0 / bpm * RATE);
        float[] out = new float[frames];
        SplittableRandom noise = new SplittableRandom(7);
        double stepSeconds = 60.0 / bpm / 4;
        for (Hit h : hits) {
            double t = (h.step() - shiftBeats * 4) * stepSeconds + h.offsetMs() / 1000;
            double loop = frames / (double) RATE;
            t = ((t % loop) + loop) % loop;
            int at = (int) Math.round(t * RATE);
            float[] sound = sound(h.drum(), noise);
            for (int i = 0; i < sound.length; i++) out[(at + i) % frames] += (float) (h.gain() * sound[i]);
        }
        float peak = 0;
        for (float v : out) peak = Math.max(peak, Math.abs(v));
        if (peak > 0) for (int i = 0; i < out.length; i++) out[i] *= 0.9f / peak;
        return out;
    }

    /** Seconds of hit {@code step} in a clip rendered with {@code shiftBeats}, before wrapping round. */
    static double seconds(int step, double bpm, int shiftBeats) {
        return (step - shiftBeats * 4) * 60.0 / bpm / 4;
    }

    private static float[] sound(Drum drum, SplittableRandom noise) {
        int n = (int) (RATE * (drum == Drum.CRASH ? 1.2 : 0.3));
        float[] s = new float[n];
        double phase = 0;
        double prev = 0;
        double prev2 = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double white = noise.nextDouble() * 2 - 1;
            double high = white - 2 * prev + prev2;  // second difference: a crude high-pass
            prev2 = prev;
            prev = white;
            s[i] = (float) switch (drum) {
                case KICK -> {
                    phase += 2 * Math.PI * (50 + 100 * Math.exp(-t / 0.03)) / RATE;
                    yield Math.sin(phase) * Math.exp(-t / 0.15);
                }
                case SNARE -> 0.6 * white * Math.exp(-t / 0.08) + 0.5 * Math.sin(2 * Math.PI * 180 * t) * Math.exp(-t / 0.05);
                case HAT -> 0.25 * high * Math.exp(-t / 0.02);
                case CRASH -> 0.25 * high * Math.exp(-t / 0.6);
            };
        }
        return s;
    }
}
