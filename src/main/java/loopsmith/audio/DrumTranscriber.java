package loopsmith.audio;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;

/**
 * Drum hits from a clip: each onset is judged by how much energy it adds in three bands (low: the kick's body,
 * mid: the snare's shell and crack, high: cymbals and the snare's wires) over the frames just before it.
 * Rises are compared with the clip's own largest rise per band, so a quiet hat in a loud loop still reads as a hat,
 * and one onset can be several drums at once (kick and hat on the same eighth).
 */
public final class DrumTranscriber {
    static final double LOW_FROM_HZ = 30;
    static final double LOW_TO_HZ = 150;
    static final double MID_FROM_HZ = 150;
    static final double MID_TO_HZ = 2500;
    static final double HIGH_FROM_HZ = 5000;
    static final double HIGH_TO_HZ = 11000;
    private static final int BEFORE_FRAMES = 3;
    private static final int AFTER_FRAMES = 4;
    /** A band "fires" when its rise is at least this share of the clip's largest rise in that band. */
    static final double FIRE = 0.2;
    /** Below this share of its band's largest rise in every band, a hit is too faint to say which drum it is. */
    static final double FAINT = 0.01;
    /** The GM note for an onset that fired no band clearly: hand clap, a neutral percussion hit. */
    static final int OTHER = GeneralMidi.CLAP;
    private static final double HIT_SECONDS = 0.1;

    private DrumTranscriber() {}

    /** Energy rise per band at one onset (linear power, ≥ 0). */
    record Rise(int frame, double low, double mid, double high) { }

    /** As {@link #transcribe(Spectrogram, OnsetEnvelope, float[])} with onsets at their spectrogram frames. */
    public static List<AudioNote> transcribe(Spectrogram s, OnsetEnvelope envelope) {
        return transcribe(s, envelope, null);
    }

    /**
     * The drum hits of a clip. With the samples ({@code mono}, at the spectrogram's rate) each onset's time is refined
     * to the attack in the waveform ({@link AttackFinder}), a millisecond or two rather than a frame of about 6 ms and
     * the flux peak's lead: what micro-timing needs.
     */
    public static List<AudioNote> transcribe(Spectrogram s, OnsetEnvelope envelope, float[] mono) {
        AttackFinder attacks = mono == null ? null : new AttackFinder(mono, s.sampleRateHz());
        List<Rise> rises = new ArrayList<>();
        double maxLow = 0;
        double maxMid = 0;
        double maxHigh = 0;
        for (int f : envelope.onsetFrames()) {
            Rise r = rise(s, f);
            rises.add(r);
            maxLow = Math.max(maxLow, r.low());
            maxMid = Math.max(maxMid, r.mid());
            maxHigh = Math.max(maxHigh, r.high());
        }
        List<AudioNote> out = new ArrayList<>();
        for (Rise r : rises) {
            double low = maxLow > 0 ? r.low() / maxLow : 0;
            double mid = maxMid > 0 ? r.mid() / maxMid : 0;
            double high = maxHigh > 0 ? r.high() / maxHigh : 0;
            double seconds = envelope.seconds(r.frame());
            if (attacks != null) seconds = attacks.attack(seconds);
            boolean kick = low >= FIRE && r.low() > r.mid();
            boolean snare = mid >= FIRE && (!kick || mid > low) && r.mid() > 0.5 * r.low();
            boolean hat = high >= FIRE && !snare;
            if (kick) out.add(new AudioNote(seconds, HIT_SECONDS, GeneralMidi.KICK, velocity(low)));
            if (snare) out.add(new AudioNote(seconds, HIT_SECONDS, GeneralMidi.SNARE, velocity(mid)));
            if (hat) out.add(new AudioNote(seconds, HIT_SECONDS, GeneralMidi.CLOSED_HAT, velocity(high)));
            if (!kick && !snare && !hat) out.add(new AudioNote(seconds, HIT_SECONDS, faint(low, mid, high), velocity(Math.max(low, Math.max(mid, high)))));
        }
        return out;
    }

    /**
     * A hit that fired no band: a soft one (a ghost snare, a hat played at two-thirds of the loudest's velocity has a
     * fifth of its power) is the drum of the band it rose most in, relative to that band's loudest; below
     * {@link #FAINT} in every band it is {@link #OTHER}.
     */
    static int faint(double low, double mid, double high) {
        double top = Math.max(low, Math.max(mid, high));
        if (top < FAINT) return OTHER;
        return top == high ? GeneralMidi.CLOSED_HAT : top == mid ? GeneralMidi.SNARE : GeneralMidi.KICK;
    }

    static Rise rise(Spectrogram s, int f) {
        return new Rise(f, bandRise(s, f, LOW_FROM_HZ, LOW_TO_HZ), bandRise(s, f, MID_FROM_HZ, MID_TO_HZ),
                bandRise(s, f, HIGH_FROM_HZ, HIGH_TO_HZ));
    }

    /** Peak band energy in the frames from the onset on, less the lowest just before it. */
    private static double bandRise(Spectrogram s, int f, double fromHz, double toHz) {
        double before = Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, f - BEFORE_FRAMES); i < f; i++) before = Math.min(before, s.bandEnergy(i, fromHz, toHz));
        if (before == Double.POSITIVE_INFINITY) before = 0;
        double after = 0;
        for (int i = f; i < Math.min(s.frames(), f + AFTER_FRAMES); i++) after = Math.max(after, s.bandEnergy(i, fromHz, toHz));
        return Math.max(0, after - before);
    }

    /**
     * A band's rise as a share of the clip's largest rise in it → velocity, the loudest hit of each drum at 127. A
     * General MIDI synthesizer plays velocity as a square law on amplitude (SoundFont 2.01's default modulator), so
     * power goes with velocity to the fourth: a hit with a sixteenth of the power was played at half the velocity.
     */
    static int velocity(double powerShare) {
        return (int) Math.max(1, Math.round(Note.MAX_VELOCITY * Math.pow(Math.max(0, Math.min(1, powerShare)), 0.25)));
    }
}
