package loopsmith.bench;

import static loopsmith.music.GeneralMidi.CLAP;
import static loopsmith.music.GeneralMidi.CLOSED_HAT;
import static loopsmith.music.GeneralMidi.CRASH;
import static loopsmith.music.GeneralMidi.KICK;
import static loopsmith.music.GeneralMidi.OPEN_HAT;
import static loopsmith.music.GeneralMidi.SNARE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * Drum loops for the two genre families of the tempo set that the starter corpus does not play: reggaeton's dembow
 * (kick on every beat, snare on the "a" of 1, the "and" of 2, the "a" of 3 and the "and" of 4) and dubstep's
 * half-time (one snare per bar, on beat 3, over hats at the counted tempo). Sixteenth grid, {@link #TICKS_PER_QUARTER}
 * ticks a beat, with a human spread of timing and velocity like the starter loops'.
 */
final class GenreDrums {
    static final int TICKS_PER_QUARTER = 480;
    private static final int STEP = TICKS_PER_QUARTER / 4;
    private static final int SIDE_STICK = 37;
    private static final int SHAKER = 70;
    private static final int LOW_TOM = 45;
    /** Standard deviations of the timing drift (ticks) and velocity drift. */
    private static final double TIMING_SPREAD = 3;
    private static final double VELOCITY_SPREAD = 6;

    private GenreDrums() {}

    static Track reggaeton(int bars, SplittableRandom rng) {
        Writer w = new Writer(bars, rng);
        int snare = w.pick(SNARE, SIDE_STICK, CLAP);
        boolean sixteenthHats = w.chance(0.4);
        boolean shaker = w.chance(0.4);
        boolean openHat = w.chance(0.5);
        for (int b = 0; b < bars; b++) {
            for (int s = 0; s < 16; s += 4) w.note(b, s, KICK, 112);
            for (int s : new int[] {3, 6, 11, 14}) w.note(b, s, snare, s == 3 || s == 11 ? 104 : 96);
            for (int s = 0; s < 16; s += sixteenthHats ? 1 : 2) if (!(openHat && s == 14)) w.note(b, s, CLOSED_HAT, s % 4 == 0 ? 80 : 60);
            if (openHat) w.note(b, 14, OPEN_HAT, 76);
            if (shaker) for (int s = 0; s < 16; s++) w.note(b, s, SHAKER, s % 2 == 0 ? 46 : 62);
            // The last bar turns the phrase round: a snare pickup into the next bar, or a tom on the "a" of 4.
            if (b == bars - 1 && w.chance(0.6)) {
                if (w.chance(0.5)) for (int s : new int[] {13, 15}) w.note(b, s, snare, 84);
                else w.note(b, 15, LOW_TOM, 92);
            }
        }
        return w.track();
    }

    static Track dubstep(int bars, SplittableRandom rng) {
        Writer w = new Writer(bars, rng);
        int[] kicks = w.pick(List.of(new int[] {0}, new int[] {0, 10}, new int[] {0, 3, 14}, new int[] {0, 11}));
        int hats = rng.nextInt(3);  // 0: eighths, 1: sixteenths, 2: triplet eighths
        boolean crash = w.chance(0.5);
        for (int b = 0; b < bars; b++) {
            if (crash && b == 0) w.note(b, 0, CRASH, 100);
            for (int k : kicks) w.note(b, k, KICK, k == 0 ? 120 : 104);
            w.note(b, 8, SNARE, 122);
            if (w.chance(0.3)) w.note(b, 15, SNARE, 52);
            switch (hats) {
                case 0 -> { for (int s = 0; s < 16; s += 2) w.note(b, s, CLOSED_HAT, s % 4 == 0 ? 82 : 64); }
                case 1 -> { for (int s = 0; s < 16; s++) w.note(b, s, CLOSED_HAT, s % 4 == 0 ? 84 : s % 2 == 0 ? 66 : 50); }
                default -> { for (int i = 0; i < 12; i++) w.note(b, i * 4 / 3.0, CLOSED_HAT, i % 3 == 0 ? 84 : 60); }
            }
        }
        return w.track();
    }

    /** One drum track on the sixteenth grid with timing and velocity drift. */
    private static final class Writer {
        final int bars;
        final SplittableRandom rng;
        final List<Note> notes = new ArrayList<>();

        Writer(int bars, SplittableRandom rng) {
            this.bars = bars;
            this.rng = rng;
        }

        void note(int bar, double step, int pitch, int velocity) {
            long barStart = (long) bar * 16 * STEP;
            long tick = Math.max(barStart, barStart + Math.round(step * STEP + gaussian() * TIMING_SPREAD));
            int v = (int) Math.max(1, Math.min(127, Math.round(velocity + gaussian() * VELOCITY_SPREAD)));
            notes.add(new Note(pitch, v, tick, STEP));
        }

        boolean chance(double p) {
            return rng.nextDouble() < p;
        }

        int pick(int... options) {
            return options[rng.nextInt(options.length)];
        }

        <T> T pick(List<T> options) {
            return options.get(rng.nextInt(options.size()));
        }

        double gaussian() {
            // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
            return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }

        Track track() {
            return new Track("Drums", Role.DRUMS, 0, true, notes);
        }
    }
}
