package loopsmith.starter;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.music.Note;

/** Collects one part's notes on the loop's grid, through the genre's feel, clipped to the loop's end. */
final class PartWriter {
    final int stepsPerBar;
    final int bars;
    /** 6/8 and 3/4 both have twelve sixteenths a bar; 6/8 pulses in two dotted quarters, 3/4 in three quarters. */
    final boolean sixEight;
    final Feel feel;
    final SplittableRandom rng;
    private final long endTick;
    private final List<Note> notes = new ArrayList<>();

    PartWriter(int stepsPerBar, boolean sixEight, int bars, Feel feel, SplittableRandom rng) {
        this.stepsPerBar = stepsPerBar;
        this.sixEight = sixEight;
        this.bars = bars;
        this.feel = feel;
        this.rng = rng;
        this.endTick = (long) bars * stepsPerBar * Feel.STEP;
    }

    /** A note at sixteenth {@code step} of {@code bar} lasting {@code steps} sixteenths (shortened a little so repeats don't touch). */
    void note(int bar, double step, int pitch, int velocity, double steps) {
        if (bar < 0 || bar >= bars || step < 0 || step >= stepsPerBar) return;
        long start = feel.tick(bar, stepsPerBar, step, rng);
        if (start >= endTick) return;
        long length = Math.max(10, Math.round(steps * Feel.STEP * 0.92));
        length = Math.min(length, endTick - start);
        notes.add(new Note(clampPitch(pitch), feel.velocity(velocity, rng), start, length));
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    int pick(int[] options) {
        return options[rng.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    List<Note> notes() {
        return notes;
    }

    private static int clampPitch(int p) {
        return Math.max(0, Math.min(127, p));
    }
}
