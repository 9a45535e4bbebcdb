package loopsmith.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A drum loop's feel: where each hit falls against the sixteenth-note grid of the clip's tempo and how hard it is
 * played, the material for playing generated parts with the clip's timing and dynamics (a feel template, as a DAW's
 * groove pool extracts one).
 *
 * <p>The grid is the detected tempo's, numbered from the first downbeat. Its phase is fitted to the hits on the beats
 * (the median of their offsets): a clip carries no click, so a loop played late as a whole reads as on time, and
 * offsets are each hit's push or drag against the loop's own pulse. Swung sixteenths show as late off-sixteenths, a
 * triplet feel as hits a third of a step from the grid (a swung eighth lands two-thirds of a step late, so it is
 * placed on the next sixteenth, a third early).
 *
 * @param bpm                  the grid's tempo
 * @param firstDownbeatSeconds where the grid's step 0 falls (the fitted first downbeat)
 * @param hits                 in time order; one per drum per onset
 */
public record Groove(double bpm, double firstDownbeatSeconds, List<Hit> hits) {
    public static final int STEPS_PER_BEAT = 4;
    public static final int STEPS_PER_BAR = 16;
    /** Hits further than this from their step count as outliers for the phase fit (a flam, a misplaced onset). */
    private static final double FIT_WINDOW_STEPS = 0.25;

    /**
     * One hit.
     *
     * @param seconds     when it starts in the clip
     * @param drum        General MIDI drum note as transcribed: kick 36, snare 38, closed hat 42, other 39
     * @param step        the nearest sixteenth, counted from the first downbeat (negative before it)
     * @param offsetMs    hit time less the step's time, milliseconds: positive is late (laid back), negative early
     * @param offsetSteps the same as a share of a sixteenth, −0.5 … 0.5
     * @param velocity    1..127, relative to the loudest hit of the same drum in the clip (at 127)
     */
    public record Hit(double seconds, int drum, long step, double offsetMs, double offsetSteps, int velocity) {
        /** 0..15: the sixteenth of the bar. */
        public int positionInBar() {
            return Math.floorMod((int) step, STEPS_PER_BAR);
        }
    }

    public Groove {
        hits = List.copyOf(hits);
    }

    /** The groove of transcribed drum hits on a tempo's grid. */
    public static Groove of(List<AudioNote> drumHits, Tempo tempo) {
        double stepSeconds = tempo.beatSeconds() / STEPS_PER_BEAT;
        double origin = tempo.downbeat().firstSeconds();
        List<Double> beatResiduals = new ArrayList<>();
        List<Double> allResiduals = new ArrayList<>();
        for (AudioNote n : drumHits) {
            double steps = (n.startSeconds() - origin) / stepSeconds;
            long step = Math.round(steps);
            double residual = steps - step;
            if (Math.abs(residual) > FIT_WINDOW_STEPS) continue;
            allResiduals.add(residual);
            if (Math.floorMod(step, STEPS_PER_BEAT) == 0) beatResiduals.add(residual);
        }
        List<Double> fit = beatResiduals.size() >= 2 ? beatResiduals : allResiduals;
        if (!fit.isEmpty()) origin += median(fit) * stepSeconds;
        List<Hit> hits = new ArrayList<>();
        for (AudioNote n : drumHits) {
            double steps = (n.startSeconds() - origin) / stepSeconds;
            long step = Math.round(steps);
            double offset = steps - step;
            hits.add(new Hit(n.startSeconds(), n.pitch(), step, offset * stepSeconds * 1000, offset, n.velocity()));
        }
        hits.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return new Groove(tempo.bpm(), origin, hits);
    }

    /** Mean offset (ms) of the hits at each sixteenth of the bar (16 values; NaN where the bar has no hit). */
    public double[] meanOffsetMsByPosition() {
        return meanByPosition(true);
    }

    /** Mean velocity of the hits at each sixteenth of the bar (16 values; NaN where the bar has no hit). */
    public double[] meanVelocityByPosition() {
        return meanByPosition(false);
    }

    /**
     * Sixteenth swing: how much later the off-sixteenths (odd steps) sit than the even ones, as a share of a
     * sixteenth (0 straight, a third for a 2:1 shuffle; a hit half a step late or more is nearer the next sixteenth);
     * 0 without hits on both.
     */
    public double sixteenthSwing() {
        return lateness(h -> Math.floorMod(h.step(), 2) == 1, h -> Math.floorMod(h.step(), 2) == 0);
    }

    /**
     * Eighth swing: how much later the off-eighths (the "and"s) sit than the beats, as a share of an eighth (0
     * straight); reads swing up to a quarter of an eighth: a triplet-swung "and" (a third of an eighth late) is nearer
     * the next sixteenth, and shows as an early hit there. 0 without hits on both.
     */
    public double eighthSwing() {
        return lateness(h -> Math.floorMod(h.step(), 4) == 2, h -> Math.floorMod(h.step(), 4) == 0) / 2;
    }

    /** Mean offset (sixteenths) of the {@code late} hits less that of the {@code onTime} ones. */
    private double lateness(Predicate<Hit> late, Predicate<Hit> onTime) {
        double lateSum = 0;
        double onSum = 0;
        int nLate = 0;
        int nOn = 0;
        for (Hit h : hits) {
            if (late.test(h)) {
                lateSum += h.offsetSteps();
                nLate++;
            } else if (onTime.test(h)) {
                onSum += h.offsetSteps();
                nOn++;
            }
        }
        return nLate == 0 || nOn == 0 ? 0 : lateSum / nLate - onSum / nOn;
    }

    private double[] meanByPosition(boolean offset) {
        double[] sum = new double[STEPS_PER_BAR];
        int[] n = new int[STEPS_PER_BAR];
        for (Hit h : hits) {
            sum[h.positionInBar()] += offset ? h.offsetMs() : h.velocity();
            n[h.positionInBar()]++;
        }
        double[] out = new double[STEPS_PER_BAR];
        Arrays.fill(out, Double.NaN);
        for (int p = 0; p < STEPS_PER_BAR; p++) if (n[p] > 0) out[p] = sum[p] / n[p];
        return out;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
