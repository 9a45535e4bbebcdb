package loopsmith.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tempo from an onset envelope: the envelope's autocorrelation is read through a comb (the mean over multiples of
 * each candidate beat period) on a fine tempo grid, weighted by a log-normal preference for moderate tempos; that
 * finds the beat period up to an octave. Which octave the clip is counted in, and where its bars start, is then read
 * from the drum pattern by {@link BarReader}: the comb's tempo, its half and its double, each snapped to the
 * loop-length prior. A loop is nearly always a whole number of bars, so when the clip's length is within
 * {@link #SNAP_TOLERANCE} of N bars at a tempo, the tempo that makes it exactly N bars is taken: the length of a loop
 * measures tempo far more finely than onset timing can. For a clip that is a loop, an octave that would make it a
 * fraction of a bar (half of a one-bar loop's tempo) is no candidate.
 */
public final class TempoDetector {
    /** The slowest tempo reported: what a server assumes of a clip whose tempo it has not yet analysed. */
    public static final double MIN_BPM = 50;
    static final double MAX_BPM = 220;
    private static final double GRID_BPM = 0.05;
    static final int BEATS_PER_BAR = 4;
    /** Relative distance to a whole-bar tempo that still counts as "the same tempo". */
    static final double SNAP_TOLERANCE = 0.025;
    /** Centre and width (in octaves) of the tempo preference; human tapping centres near 120 BPM (Moelants 2002). */
    private static final double PRIOR_CENTRE_BPM = 115;
    private static final double PRIOR_OCTAVES = 0.9;
    private static final double MAX_LAG_SECONDS = 8;
    /** Tempos within this many octaves of an octave of the comb's best are its octaves, not a rival reading. */
    private static final double OCTAVE_NEAR = 0.06;
    /** A rival comb peak is read too when it scores at least this share of the best. */
    private static final double RIVAL_SHARE = 0.6;
    /** Beats this near 0 s say the clip starts on its grid: any silence before the first hit is a rest in the loop. */
    static final double ON_THE_GRID_S = 0.03;
    /** Leading silence shorter than this is a late first hit or the attack's own start, not a gap before the loop. */
    static final double MIN_LEAD_SECONDS = 0.05;
    /** Share of a beat before frame 0 that the first-beat search also tries. */
    private static final double EARLY_PHASE = 0.1;

    private TempoDetector() {}

    /**
     * The clip's tempo, downbeat and octave choice.
     *
     * @param leadSeconds silence before the clip's first sound (see {@link Analyzer#leadSeconds})
     * @param genre       the counted tempo range of the clip's genre label, if it has one
     */
    public static Tempo detect(OnsetEnvelope envelope, BandFlux flux, double durationSeconds, double leadSeconds,
                               Optional<GenreTempos.Range> genre) {
        double fps = envelope.framesPerSecond();
        double[] acf = autocorrelation(envelope.strength(), (int) Math.min(envelope.frames() / 2.0, MAX_LAG_SECONDS * fps));
        if (acf[0] <= 0) return new Tempo(120, 0, 0, Math.max(1, (int) Math.round(durationSeconds / 2)), false,
                new Tempo.Downbeat(0, 0), Tempo.Octave.NONE);
        List<Double> grid = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (double bpm = MIN_BPM; bpm <= MAX_BPM; bpm += GRID_BPM) {
            double comb = comb(acf, 60 * fps / bpm);
            if (Double.isNaN(comb)) continue;
            grid.add(bpm);
            scores.add(comb * prior(bpm));
        }
        int best = 0;
        for (int i = 1; i < scores.size(); i++) if (scores.get(i) > scores.get(best)) best = i;
        // The comb can also favour a period of three sixteenths or two-thirds of a beat (a tresillo, a shuffle): the
        // strongest peak that is no octave of the first is read too, and the pattern decides between them.
        int other = -1;
        for (int i = 0; i < scores.size(); i++) {
            double octaves = Math.log(grid.get(i) / grid.get(best)) / Math.log(2);
            if (Math.abs(octaves - Math.round(octaves)) < OCTAVE_NEAR) continue;
            if (other < 0 || scores.get(i) > scores.get(other)) other = i;
        }
        List<Double> roots = new ArrayList<>(List.of(grid.get(best)));
        if (other >= 0 && scores.get(other) >= RIVAL_SHARE * scores.get(best)) roots.add(grid.get(other));
        List<Double> candidates = new ArrayList<>();
        double period = 60 * fps / grid.get(best);
        double phase = firstBeat(envelope, period);
        double beatsAtZero = Math.min(phase, period - phase) / fps;
        double loopSeconds = loopSeconds(grid.get(best), durationSeconds, leadSeconds, beatsAtZero <= ON_THE_GRID_S);
        boolean loop = snapped(grid.get(best), loopSeconds).isPresent();
        for (double root : roots) {
            for (double factor : new double[] {1, 0.5, 2}) {
                double bpm = root * factor;
                if (bpm < MIN_BPM || bpm > MAX_BPM) continue;
                Optional<Double> whole = snapped(bpm, loopSeconds);
                if (loop && whole.isEmpty()) continue;
                double candidate = Math.round(whole.orElse(bpm) * 100) / 100.0;
                if (candidate < MIN_BPM || candidate > MAX_BPM) continue;
                if (!candidates.contains(candidate)) candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) candidates.add(Math.round(grid.get(best) * 100) / 100.0);
        BarReader.Result read = BarReader.read(envelope, flux, candidates, genre);
        BarReader.Reading chosen = read.best();
        double bpm = chosen.bpm();
        boolean snapped = snapped(bpm, loopSeconds).isPresent();
        int bars = (int) Math.max(1, Math.round(durationSeconds * bpm / (60.0 * BEATS_PER_BAR)));
        double confidence = Math.max(0, Math.min(1, comb(acf, 60 * fps / bpm) / acf[0]));
        OptionalDouble alternative = read.byTempo().size() > 1 ? OptionalDouble.of(read.byTempo().get(1).bpm()) : OptionalDouble.empty();
        Tempo.Octave octave = new Tempo.Octave(round3(read.tempoConfidence()[0]), alternative,
                read.byTempo().size() > 1 ? round3(read.tempoConfidence()[1]) : 0, chosen.rhythm(),
                genre.isPresent() && genre.get().decidesOctave());
        return new Tempo(bpm, round3(confidence), round3(chosen.firstBeatFrame() / fps), bars, snapped,
                new Tempo.Downbeat(round3(chosen.firstDownbeatFrame() / fps), round3(read.downbeatConfidence())), octave);
    }

    /**
     * How long the loop in a clip is: the whole clip, or the clip after its leading silence (an export with a gap
     * before the one, a clip cut a little early). A loop that starts on a rest is whole bars with its silence, and its
     * beats fall on 0 s; a loop with a gap before it is whole bars without. So where the beats fall on 0 s and the
     * whole clip is whole bars, it is the loop; otherwise whichever length makes whole bars nearer the comb's tempo.
     */
    static double loopSeconds(double combBpm, double durationSeconds, double leadSeconds, boolean beatsOnZero) {
        if (leadSeconds < MIN_LEAD_SECONDS) return durationSeconds;
        double trimmed = durationSeconds - leadSeconds;
        Optional<Double> whole = snapped(combBpm, durationSeconds);
        Optional<Double> cut = snapped(combBpm, trimmed);
        if (cut.isEmpty()) return durationSeconds;
        if (whole.isEmpty()) return trimmed;
        if (beatsOnZero) return durationSeconds;
        return Math.abs(Math.log(cut.get() / combBpm)) < Math.abs(Math.log(whole.get() / combBpm)) ? trimmed : durationSeconds;
    }

    /** The tempo that makes the clip a whole number of bars, if one is within {@link #SNAP_TOLERANCE} of {@code bpm}. */
    static Optional<Double> snapped(double bpm, double durationSeconds) {
        double barsExact = durationSeconds * bpm / (60.0 * BEATS_PER_BAR);
        long wholeBars = Math.round(barsExact);
        if (wholeBars < 1) return Optional.empty();
        double loopBpm = wholeBars * 60.0 * BEATS_PER_BAR / durationSeconds;
        return Math.abs(loopBpm - bpm) <= SNAP_TOLERANCE * bpm ? Optional.of(loopBpm) : Optional.empty();
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double prior(double bpm) {
        double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2);
        return Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
    }

    /** Mean of the autocorrelation at every multiple of the period that fits, linearly interpolated; NaN if none. */
    private static double comb(double[] acf, double period) {
        double sum = 0;
        int n = 0;
        for (double lag = period; lag < acf.length - 1; lag += period) {
            int i = (int) lag;
            double frac = lag - i;
            sum += acf[i] * (1 - frac) + acf[i + 1] * frac;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Autocorrelation of the mean-removed envelope, each lag divided by its overlap so long lags are not
     * penalised. Direct sums: a clip's envelope is a few thousand frames, so an FFT would save little.
     */
    static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= Math.max(1, n);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = x[i] - mean;
        double[] r = new double[Math.max(2, maxLag + 1)];
        for (int lag = 0; lag <= maxLag && lag < n; lag++) {
            double s = 0;
            for (int i = 0; i + lag < n; i++) s += c[i] * c[i + lag];
            r[lag] = s / (n - lag);
        }
        return r;
    }

    /**
     * The beat phase (in frames, 0 ≤ phase &lt; period) whose beat train collects the most onset strength. Flux
     * peaks can come a few frames before the attack (the window reaches it before its centre does), so phases just
     * below zero are searched too and count as zero rather than wrapping round to the end of the beat.
     */
    static double firstBeat(OnsetEnvelope envelope, double period) {
        double[] s = envelope.strength();
        double best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (double phase = -EARLY_PHASE * period; phase < (1 - EARLY_PHASE) * period; phase += 0.25) {
            double sum = 0;
            for (double t = phase; t < s.length - 1; t += period) {
                double u = Math.max(0, t);
                int i = (int) u;
                double frac = u - i;
                sum += s[i] * (1 - frac) + s[i + 1] * frac;
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = phase;
            }
        }
        return Math.max(0, best);
    }
}
