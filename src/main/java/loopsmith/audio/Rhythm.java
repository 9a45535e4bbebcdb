package loopsmith.audio;

import java.util.Locale;

/**
 * The drum conventions a tempo is counted by, as sixteenth positions of a 4/4 bar at the counted tempo, with the
 * tempo range each is counted in. The same audio reads as two tempos an octave apart, and producers count it by its
 * pattern: a snare on 2 and 4 at 170 BPM is drum-and-bass (at 85 the snare would fall on the "and"s, which no one
 * writes); a snare on 3 alone at 140 is trap or dubstep counted half-time (at 70 it would be a backbeat, but trap and
 * dubstep are counted 130–160); a kick on every beat under the dembow's snares is reggaeton at 85–100, not 170–200;
 * kick and rim together on 3 alone is reggae's one-drop at 60–95, not 120–190, and so is the rim on 3 over a kick on
 * every beat (steppers).
 * Ranges are what genre sample packs and DJ software label those grooves.
 */
public enum Rhythm {
    /** Kick on every beat, clap or snare (if any) on 2 and 4: house, techno, trance, UK garage, disco. */
    FOUR_ON_THE_FLOOR(new int[] {0, 4, 8, 12}, new int[] {4, 12}, 110, 150) {
        /**
         * Named for its kick: on half the beats (a kick on 1 and 3 read at double tempo) it fits the four-beat cosine
         * as well as a backbeat's kick fits its one.
         */
        @Override
        boolean kickOnEveryStep() {
            return true;
        }
    },
    /** Kick on every beat, snare on the "a" of 1, the "and" of 2, the "a" of 3 and the "and" of 4: reggaeton, dancehall. */
    DEMBOW(new int[] {0, 4, 8, 12}, new int[] {3, 6, 11, 14}, 80, 108),
    /** Kick on 1, snare on 2 and 4: rock, pop, funk, hip-hop and boom-bap, drum-and-bass. */
    BACKBEAT(new int[] {0}, new int[] {4, 12}, 81, 185),
    /**
     * Kick on 1, one snare a bar on 3 and no kick under it: trap, dubstep, drill, counted at the hats' tempo. A slow
     * groove with a kick on every beat read at double tempo has its kick on 3 as loud as on 1.
     */
    HALF_TIME(new int[] {0}, new int[] {8}, 125, 160) {
        @Override
        int[] kickRests() {
            return new int[] {8};
        }
    },
    /**
     * Reggae's one-drop: kick and rim together on 3, nothing on 1 (the "drop"), the hats in eighths. Counted at the
     * hats' pulse, 60–95; read double, the drop would come every other bar.
     */
    ONE_DROP(new int[] {8}, new int[] {8}, 60, 95),
    /**
     * Reggae's steppers: the kick on every beat under the one-drop's rim on 3 alone, counted like the one-drop. Read
     * double, it would be a kick on 1 and 3 with the rim on the one of every other bar, which no one writes.
     */
    STEPPERS(new int[] {0, 4, 8, 12}, new int[] {8}, 60, 95),
    /**
     * The jazz ride: on every beat, with the swung skip note after 2 and 4 (spang-a-lang) and nothing on the straight
     * "and" of 1 and 3; kick and snare are free (feathering, comping). Counted at the ride's quarter notes.
     */
    SWING(new int[] {}, new int[] {}, ride(), 80, 240),
    /** No pattern to go by (a sparse or unusual beat): a general preference for moderate tempos. */
    OTHER(new int[] {0}, new int[] {}, 50, 220);

    private final int[] kickSteps;
    private final int[] snareSteps;
    private final double[] rideWeights;
    /** The range it is counted in, BPM (inclusive). */
    public final double minBpm;
    public final double maxBpm;

    Rhythm(int[] kickSteps, int[] snareSteps, double minBpm, double maxBpm) {
        this(kickSteps, snareSteps, new double[0], minBpm, maxBpm);
    }

    Rhythm(int[] kickSteps, int[] snareSteps, double[] rideWeights, double minBpm, double maxBpm) {
        this.kickSteps = kickSteps;
        this.snareSteps = snareSteps;
        this.rideWeights = rideWeights;
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    /** Weights per sixteenth for the high band; the skip lands a third to two-thirds of a step after the "and". */
    private static double[] ride() {
        double[] w = new double[16];
        for (int beat = 0; beat < 16; beat += 4) w[beat] = 1;
        for (int skip : new int[] {7, 15}) w[skip] = 0.6;
        for (int and : new int[] {6, 14}) w[and] = 0.3;
        for (int straight : new int[] {2, 10}) w[straight] = -0.5;
        return w;
    }

    /** The high band's expected pattern, or empty when the rhythm does not say. */
    double[] rideWeights() {
        return rideWeights.clone();
    }

    /** Whether each of its kick steps must hold a kick: the steps without one count against it. */
    boolean kickOnEveryStep() {
        return false;
    }

    /** Steps where the convention keeps the kick out. */
    int[] kickRests() {
        return new int[0];
    }

    int[] kickSteps() {
        return kickSteps.clone();
    }

    int[] snareSteps() {
        return snareSteps.clone();
    }

    /** "four-on-the-floor", "half-time", …: the name in reports and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
