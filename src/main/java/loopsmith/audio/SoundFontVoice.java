package loopsmith.audio;

import static loopsmith.audio.SoundFont.*;

/**
 * One sounding layer of one note, rendered offline from its start to its end in one go: the sample at its pitch with
 * 4-point (Catmull-Rom) interpolation and its loop, the volume envelope (delay, attack, hold, decay, sustain, release),
 * the modulation envelope and both LFOs on pitch, filter and volume, a resonant low-pass filter and equal-power pan,
 * as SF2 2.04 section 9 describes them. Envelopes, LFOs and filter coefficients change once per {@value #BLOCK}
 * frames (1.5 ms at 44.1 kHz, FluidSynth's block) with the gain ramped in between; the note starts on
 * its exact frame.
 *
 * <p>Of the default modulators, velocity → attenuation (square law) and velocity → filter cutoff (−2400 cents at
 * velocity 0) apply; controller modulators do not, since a stem is rendered at the controllers' defaults.
 */
final class SoundFontVoice {
    static final int BLOCK = 64;
    /** Below -96 dB a released voice is silent and stops. */
    private static final double SILENT_CB = 960;
    /** FluidSynth's (and the EMU hardware's) scaling of initialAttenuation, which FluidR3_GM was voiced against. */
    private static final double ATTENUATION_SCALE = 0.4;
    /** The release a voice gets when a later note of its exclusive class (an open hi-hat closed) cuts it, as FluidSynth. */
    static final int CHOKE_RELEASE_TIMECENTS = -200;

    private final float[] data;
    private final int end, loopStart, loopEnd, mode;
    private final boolean loopValid;
    private final double step; // sample points per output frame before modulation
    private final double rate;
    private final double delayVol, attackVol, holdVol, decayVol, sustainVolCb, releaseVol;
    private final double delayMod, attackMod, holdMod, decayMod, sustainMod, releaseMod;
    private final double modLfoDelay, modLfoHz, vibLfoDelay, vibLfoHz;
    private final double modEnvToPitch, modEnvToFc, modLfoToPitch, modLfoToFc, modLfoToVolCb, vibLfoToPitch;
    private final double attenuationCb, fcCents, q;
    private final float panLeft, panRight;
    private final long startFrame;
    private long releaseFrame;
    private double releaseOverride = -1; // seconds, set by an exclusive-class cut

    SoundFontVoice(SoundFont font, SoundFont.Layer layer, int key, int velocity, long startFrame, long releaseFrame, int outputRateHz) {
        int[] g = layer.generators();
        SoundFont.Sample s = layer.sample();
        this.data = font.samplePoints(layer.sampleIndex());
        this.startFrame = startFrame;
        this.releaseFrame = releaseFrame;
        this.rate = outputRateHz;
        int pitchKey = g[KEYNUM] >= 0 ? g[KEYNUM] : key;
        int vel = g[VELOCITY] >= 0 ? g[VELOCITY] : velocity;

        int begin = clamp(g[START_ADDRS_OFFSET] + 32768 * g[START_ADDRS_COARSE_OFFSET], 0, data.length);
        end = clamp(s.end() - s.start() + g[END_ADDRS_OFFSET] + 32768 * g[END_ADDRS_COARSE_OFFSET], begin, data.length);
        loopStart = clamp(s.loopStart() - s.start() + g[STARTLOOP_ADDRS_OFFSET] + 32768 * g[STARTLOOP_ADDRS_COARSE_OFFSET], 0, end);
        loopEnd = clamp(s.loopEnd() - s.start() + g[ENDLOOP_ADDRS_OFFSET] + 32768 * g[ENDLOOP_ADDRS_COARSE_OFFSET], 0, end);
        mode = g[SAMPLE_MODES] & 3;
        loopValid = (mode == 1 || mode == 3) && loopEnd - loopStart >= 2;
        position = begin;

        int root = g[OVERRIDING_ROOT_KEY] >= 0 ? g[OVERRIDING_ROOT_KEY] : s.originalPitch() <= 127 ? s.originalPitch() : 60;
        double cents = g[SCALE_TUNING] * (pitchKey - root) + 100.0 * g[COARSE_TUNE] + g[FINE_TUNE] + s.pitchCorrectionCents();
        step = Math.pow(2, cents / 1200) * s.sampleRateHz() / outputRateHz;

        delayVol = seconds(g[DELAY_VOL_ENV]);
        attackVol = seconds(g[ATTACK_VOL_ENV]);
        holdVol = seconds(g[HOLD_VOL_ENV] + g[KEYNUM_TO_VOL_ENV_HOLD] * (60 - pitchKey));
        decayVol = seconds(g[DECAY_VOL_ENV] + g[KEYNUM_TO_VOL_ENV_DECAY] * (60 - pitchKey));
        sustainVolCb = clamp(g[SUSTAIN_VOL_ENV], 0, 1440);
        releaseVol = seconds(g[RELEASE_VOL_ENV]);
        delayMod = seconds(g[DELAY_MOD_ENV]);
        attackMod = seconds(g[ATTACK_MOD_ENV]);
        holdMod = seconds(g[HOLD_MOD_ENV] + g[KEYNUM_TO_MOD_ENV_HOLD] * (60 - pitchKey));
        decayMod = seconds(g[DECAY_MOD_ENV] + g[KEYNUM_TO_MOD_ENV_DECAY] * (60 - pitchKey));
        sustainMod = 1 - clamp(g[SUSTAIN_MOD_ENV], 0, 1000) / 1000.0;
        releaseMod = seconds(g[RELEASE_MOD_ENV]);
        modLfoDelay = seconds(g[DELAY_MOD_LFO]);
        modLfoHz = 8.176 * Math.pow(2, g[FREQ_MOD_LFO] / 1200.0);
        vibLfoDelay = seconds(g[DELAY_VIB_LFO]);
        vibLfoHz = 8.176 * Math.pow(2, g[FREQ_VIB_LFO] / 1200.0);
        modEnvToPitch = g[MOD_ENV_TO_PITCH];
        modEnvToFc = g[MOD_ENV_TO_FILTER_FC];
        modLfoToPitch = g[MOD_LFO_TO_PITCH];
        modLfoToFc = g[MOD_LFO_TO_FILTER_FC];
        modLfoToVolCb = g[MOD_LFO_TO_VOLUME];
        vibLfoToPitch = g[VIB_LFO_TO_PITCH];

        double v = Math.max(1, Math.min(127, vel)) / 127.0;
        attenuationCb = ATTENUATION_SCALE * clamp(g[INITIAL_ATTENUATION], 0, 1440) - 400 * Math.log10(v);
        fcCents = g[INITIAL_FILTER_FC] - 2400 * (1 - v);
        q = Math.max(Math.sqrt(0.5), Math.pow(10, clamp(g[INITIAL_FILTER_Q], 0, 960) / 200.0));
        double pan = (clamp(g[SoundFont.PAN], -500, 500) + 500) / 1000.0 * Math.PI / 2;
        panLeft = (float) Math.cos(pan);
        panRight = (float) Math.sin(pan);
    }

    long startFrame() {
        return startFrame;
    }

    /** Cuts the voice at {@code frame} with a short release, if that is before its own note-off. */
    void choke(long frame) {
        if (frame < releaseFrame) {
            releaseFrame = Math.max(startFrame, frame);
            releaseOverride = seconds(CHOKE_RELEASE_TIMECENTS);
        }
    }

    // playback state
    private double position;
    private double volAtRelease = -1, modAtRelease = -1; // levels when the release began
    private double z1, z2; // filter state

    /**
     * Adds the voice into the buffers (gain {@code gain}) until it is silent, its sample ends or the buffers end; a
     * {@link java.util.concurrent.CancellationException} when the thread is interrupted.
     */
    void renderInto(float[] left, float[] right, float gain) {
        int frames = left.length;
        if (startFrame >= frames) return;
        double prevAmp = 0;
        double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0, lastFc = Double.NaN;
        boolean filtered = false;
        double fixedGain = Math.pow(10, -attenuationCb / 200);
        for (long f = startFrame; f < frames; f += BLOCK) {
            // A server job that is cancelled or past its deadline interrupts its threads: stop at the next block.
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("rendering interrupted");
            int count = (int) Math.min(BLOCK, frames - f);
            double t = (f + count - startFrame) / rate; // the block's end, in seconds since the note began
            boolean released = f >= releaseFrame;
            double relT = released ? (f + count - releaseFrame) / rate : 0;
            double vol = volumeEnvelope(t, released, relT);
            if (released && vol == 0) return;
            double mod = modEnvelope(t, released, relT);
            double modLfo = triangle(t - modLfoDelay, modLfoHz), vib = triangle(t - vibLfoDelay, vibLfoHz);
            // Powers and trigonometry cost more than a block of samples: only what is modulated is recomputed per block.
            double amp = vol * gain * (modLfoToVolCb == 0 ? fixedGain : Math.pow(10, -(attenuationCb + modLfoToVolCb * modLfo) / 200));
            double pitchCents = modEnvToPitch * mod + modLfoToPitch * modLfo + vibLfoToPitch * vib;
            double blockStep = pitchCents == 0 ? step : step * Math.pow(2, pitchCents / 1200);
            double fc = fcCents + modEnvToFc * mod + modLfoToFc * modLfo;
            if (fc != lastFc) {
                lastFc = fc;
                double fcHz = 8.176 * Math.pow(2, fc / 1200);
                filtered = fc < 13500 && fcHz < 0.45 * rate;
                if (filtered) {
                    double w0 = 2 * Math.PI * fcHz / rate, cos = Math.cos(w0), alpha = Math.sin(w0) / (2 * q), a0 = 1 + alpha;
                    b0 = (1 - cos) / 2 / a0;
                    b1 = (1 - cos) / a0;
                    b2 = b0;
                    a1 = -2 * cos / a0;
                    a2 = (1 - alpha) / a0;
                }
            }
            boolean looping = loopValid && (mode == 1 || !released);
            int made = interpolate(blockStep, looping, count);
            if (filtered) lowPass(made, b0, b1, b2, a1, a2);
            float g0 = (float) prevAmp, dg = (float) ((amp - prevAmp) / count);
            int base = (int) f;
            for (int n = 0; n < made; n++) {
                float y = block[n] * (g0 + dg * (n + 1));
                left[base + n] += y * panLeft;
                right[base + n] += y * panRight;
            }
            if (made < count) return; // the sample ended
            prevAmp = amp;
        }
    }

    private final float[] block = new float[BLOCK];

    /** The next {@code count} points at this pitch into {@link #block}; fewer when an unlooped sample ends. */
    private int interpolate(double step, boolean looping, int count) {
        int limit = looping ? loopEnd : end;
        if (position >= 1 && position + step * count + 3 < limit) { // the whole block lies inside: no checks per point
            if (step == 1 && position == (int) position) { // at the sample's own pitch and rate (most drum hits)
                System.arraycopy(data, (int) position, block, 0, count);
                position += count;
                return count;
            }
            double pos = position;
            for (int n = 0; n < count; n++) {
                int i = (int) pos;
                block[n] = catmullRom(data[i - 1], data[i], data[i + 1], data[i + 2], (float) (pos - i));
                pos += step;
            }
            position = pos;
            return count;
        }
        for (int n = 0; n < count; n++) {
            int i = (int) position;
            if (!looping && i >= end) return n;
            block[n] = catmullRom(point(i - 1, looping), point(i, looping), point(i + 1, looping), point(i + 2, looping), (float) (position - i));
            position += step;
            if (looping && position >= loopEnd) position -= loopEnd - loopStart;
        }
        return count;
    }

    /** The SF2 filter: a two-pole resonant low-pass (RBJ biquad, transposed direct form II), in place on the block. */
    private void lowPass(int count, double b0, double b1, double b2, double a1, double a2) {
        double s1 = z1, s2 = z2;
        for (int n = 0; n < count; n++) {
            double x = block[n], y = b0 * x + s1;
            s1 = b1 * x - a1 * y + s2;
            s2 = b2 * x - a2 * y;
            block[n] = (float) y;
        }
        z1 = s1;
        z2 = s2;
    }

    private float point(int i, boolean looping) {
        if (looping && i >= loopEnd) i -= loopEnd - loopStart;
        if (i < 0 || i >= end) return 0;
        return data[i];
    }

    /** The volume envelope as a linear gain, 0..1: attack linear in amplitude, decay and release linear in dB. */
    private double volumeEnvelope(double t, boolean released, double relT) {
        if (!released) return volumeHeld(t);
        if (volAtRelease < 0) {
            double held = volumeHeld(Math.max(0, t - relT));
            volAtRelease = held <= 0 ? SILENT_CB : Math.min(SILENT_CB, -200 * Math.log10(held));
        }
        double release = releaseOverride >= 0 ? releaseOverride : releaseVol;
        double cb = volAtRelease + SILENT_CB * relT / release; // a full release falls 96 dB in the release time
        return cb >= SILENT_CB ? 0 : Math.pow(10, -cb / 200);
    }

    private double volumeHeld(double t) {
        if (t < delayVol) return 0;
        t -= delayVol;
        if (t < attackVol) return t / attackVol;
        t -= attackVol;
        if (t < holdVol) return 1;
        t -= holdVol;
        return Math.pow(10, -Math.min(sustainVolCb, SILENT_CB * t / decayVol) / 200); // decay falls 96 dB per decay time
    }

    /** The modulation envelope, 0..1. */
    private double modEnvelope(double t, boolean released, double relT) {
        if (!released) return modHeld(t);
        if (modAtRelease < 0) modAtRelease = modHeld(Math.max(0, t - relT));
        double release = releaseOverride >= 0 ? releaseOverride : releaseMod;
        return Math.max(0, modAtRelease - relT / release);
    }

    private double modHeld(double t) {
        if (t < delayMod) return 0;
        t -= delayMod;
        if (t < attackMod) return t / attackMod;
        t -= attackMod;
        if (t < holdMod) return 1;
        t -= holdMod;
        return Math.max(sustainMod, 1 - t / decayMod);
    }

    /** A triangle wave that starts at 0 rising, period 1/hz, silent before its delay. */
    private static double triangle(double t, double hz) {
        if (t <= 0) return 0;
        double p = t * hz;
        p -= Math.floor(p);
        return p < 0.25 ? 4 * p : p < 0.75 ? 2 - 4 * p : 4 * p - 4;
    }

    private static float catmullRom(float x0, float x1, float x2, float x3, float t) {
        return x1 + 0.5f * t * (x2 - x0 + t * (2 * x0 - 5 * x1 + 4 * x2 - x3 + t * (3 * (x1 - x2) + x3 - x0)));
    }

    /** Timecents to seconds; -32768 (the spec's "instant") and anything below 1 ms count as 1 ms. */
    static double seconds(int timecents) {
        return Math.max(0.001, Math.pow(2, Math.max(-12000, Math.min(8000, timecents)) / 1200.0));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
