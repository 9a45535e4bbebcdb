package loopsmith.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * A drum loop's feel reduced to one bar, as a DAW's groove pool holds it: for each sixteenth of a 4/4 bar, how late or
 * early the loop plays it and how hard against the loop's average, applied to other parts so they sit in the loop's
 * pocket. Averaging per sixteenth keeps what repeats (a laid-back snare, swung off-sixteenths, accents) and drops
 * what does not (one flam, one late hat).
 *
 * @param offsetSteps    per sixteenth of the bar, the mean offset as a share of a sixteenth (positive late)
 * @param velocityFactor per sixteenth, its mean velocity over the loop's mean, kept within {@link #MIN_FACTOR}..{@link #MAX_FACTOR}
 * @param hits           how many hits the template was averaged from
 */
public record GrooveTemplate(double[] offsetSteps, double[] velocityFactor, int hits) {
    /** Fewer hits than this say too little about a feel to impose it (one bar of quarter notes). */
    public static final int MIN_HITS = 4;
    /** Accents are carried, within reason: a part is not silenced or doubled in loudness by a drum's dynamics. */
    static final double MIN_FACTOR = 0.6;
    static final double MAX_FACTOR = 1.4;

    public GrooveTemplate {
        if (offsetSteps.length != Groove.STEPS_PER_BAR || velocityFactor.length != Groove.STEPS_PER_BAR)
            throw new IllegalArgumentException("a groove template has " + Groove.STEPS_PER_BAR + " positions");
        offsetSteps = offsetSteps.clone();
        velocityFactor = velocityFactor.clone();
    }

    /** The template of a loop's groove; empty when it has fewer than {@link #MIN_HITS} hits. */
    public static Optional<GrooveTemplate> of(Groove groove) {
        List<Groove.Hit> hits = groove.hits();
        if (hits.size() < MIN_HITS) return Optional.empty();
        double[] offsetSum = new double[Groove.STEPS_PER_BAR];
        double[] velocitySum = new double[Groove.STEPS_PER_BAR];
        int[] n = new int[Groove.STEPS_PER_BAR];
        double velocityTotal = 0;
        for (Groove.Hit h : hits) {
            int p = h.positionInBar();
            offsetSum[p] += h.offsetSteps();
            velocitySum[p] += h.velocity();
            n[p]++;
            velocityTotal += h.velocity();
        }
        double meanVelocity = velocityTotal / hits.size();
        // A sixteenth the loop never plays takes the mean of its kind (on-eighth or off-sixteenth): swing lives there.
        double[] kindSum = new double[2];
        int[] kindN = new int[2];
        for (int p = 0; p < Groove.STEPS_PER_BAR; p++) {
            kindSum[p % 2] += offsetSum[p];
            kindN[p % 2] += n[p];
        }
        double[] offsets = new double[Groove.STEPS_PER_BAR];
        double[] factors = new double[Groove.STEPS_PER_BAR];
        for (int p = 0; p < Groove.STEPS_PER_BAR; p++) {
            offsets[p] = n[p] > 0 ? offsetSum[p] / n[p] : kindN[p % 2] > 0 ? kindSum[p % 2] / kindN[p % 2] : 0;
            factors[p] = n[p] > 0 ? Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, velocitySum[p] / n[p] / meanVelocity)) : 1;
        }
        return Optional.of(new GrooveTemplate(offsets, factors, hits.size()));
    }

    /**
     * {@code piece} with the notes of the chosen tracks moved and weighted by this template: a note on or near a
     * sixteenth (within a quarter of one) takes that sixteenth's offset and velocity factor, scaled by {@code amount}
     * (0 = unchanged, 1 = the loop's feel). Notes between sixteenths (triplets, rolls) keep their place; every note
     * stays inside the piece. Only 4/4 pieces are changed: the template is one 4/4 bar.
     */
    public Piece applyTo(Piece piece, IntPredicate trackChosen, double amount) {
        if (amount < 0 || amount > 1) throw new IllegalArgumentException("amount must be 0..1, was " + amount);
        if (amount == 0 || !piece.timeSignatures().stream().allMatch(t -> t.timeSignature().equals(TimeSignature.FOUR_FOUR)))
            return piece;
        double step = piece.ticksPerQuarter() / 4.0;
        long end = piece.endTick();
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < piece.tracks().size(); i++) {
            Track t = piece.tracks().get(i);
            if (!trackChosen.test(i)) {
                tracks.add(t);
                continue;
            }
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                long k = Math.round(n.startTick() / step);
                if (Math.abs(n.startTick() - k * step) > step / 4) {
                    notes.add(n);
                    continue;
                }
                int p = (int) Math.floorMod(k, (long) Groove.STEPS_PER_BAR);
                long start = Math.max(0, Math.min(end - 1, Math.round(n.startTick() + offsetSteps[p] * step * amount)));
                long duration = Math.max(1, Math.min(n.endTick(), end) - start);
                int velocity = (int) Math.round(n.velocity() * (1 + amount * (velocityFactor[p] - 1)));
                notes.add(new Note(n.pitch(), Math.max(Note.MIN_VELOCITY, Math.min(Note.MAX_VELOCITY, velocity)), start,
                        Math.min(duration, end - start)));
            }
            tracks.add(t.withNotes(notes));
        }
        return piece.withTracks(tracks);
    }

    /** The 16 offsets in milliseconds at {@code bpm}, rounded to 0.1 ms, for sidecars. */
    public double[] offsetMs(double bpm) {
        double stepMs = 60_000 / bpm / 4;
        return Arrays.stream(offsetSteps).map(o -> Math.round(o * stepMs * 10) / 10.0).toArray();
    }
}
