package loopsmith.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a drum clip's bar: which of a tempo, its half and its double the clip is counted in, and where the bar's
 * first beat falls. Each reading (a tempo, a downbeat at one of the sixteen sixteenths of a bar, a {@link Rhythm}) is
 * scored by how well the clip's kick, snare and hat pattern fits the rhythm's conventions at that tempo. A tempo's
 * score is its best reading's; the best tempo wins, the next is its alternative, and a softmax over the tempos' scores
 * is the confidence of each.
 *
 * <p>A reading's score adds, in log-odds-like units:
 * <ul>
 *   <li>snare placement: the folded snare pattern's accents (ghost notes left out, {@link #backbone}; hits whose mids
 *       are a cymbal's leak left out, {@link #snareBody}) against the rhythm's snare steps (2 and 4, 3 alone, the
 *       dembow), weighted by how clearly the clip has a snare at all;</li>
 *   <li>kick placement: a kick on the downbeat, or on every beat for the floor and the dembow;</li>
 *   <li>ride placement, for {@link Rhythm#SWING}: on the beats, skips after 2 and 4, counting only as far as the high
 *       band rings between hits ({@link #ringing}): reggae's dry hats and side-stick ghosts read at double fall on a
 *       ride's beats and skips, but they do not ring; and under a swung ride, the hi-hat's foot on 2 and 4;</li>
 *   <li>beat level, for {@link Rhythm#OTHER} (no pattern to go by): off-beat eighths as strong as the beats say the
 *       tempo is half what it should be, and beats weaker than another sixteenth phase say the phase is wrong;</li>
 *   <li>hat rate: hats, rides and shakers run at up to four a beat (sixteenths) in nearly every groove; eight a beat
 *       is a tempo read at half; and a half-time groove is counted at its hats, at least eighths;</li>
 *   <li>tempo: where the rhythm is counted ({@link Rhythm}), and, strongest, where the clip's genre label says.</li>
 * </ul>
 * Where the downbeat falls adds, within the chosen tempo, what says nothing about tempo: a crash ringing on the one
 * and a fill at a bar's end ({@link #accentScore}), and a small head start for the clip's first loud hit ({@link
 * #startStep}: loops usually start on the one). A groove that repeats every half bar with neither mark (a plain four-on-the-floor, the dembow, a
 * ride pattern) cannot say which half is first: the earlier one is taken, and the confidence shows the tie.
 */
final class BarReader {
    static final double SNARE_WEIGHT = 3;
    static final double KICK_WEIGHT = 1.5;
    static final double BEAT_WEIGHT = 3;
    static final double PHASE_WEIGHT = 3;
    static final double HAT_WEIGHT = 1;
    static final double START_BONUS = 0.5;
    /** A clip's first onset at this share of its loudest starts its groove (a soft pickup or ghost note does not). */
    static final double START_LOUD = 0.5;
    static final double ACCENT_WEIGHT = 2;
    static final double FILL_WEIGHT = 1;
    static final double RIDE_WEIGHT = 3;
    /** Weight of the hi-hat's foot on 2 and 4 under a swing ride. */
    static final double HAT_FOOT_WEIGHT = 1.5;
    /** A ride is swung where its skips after 2 and 4 outweigh any before 1 and 3 three to one (placement 0.5). */
    static final double SWUNG_PLACEMENT = 0.5;
    /** A ride pattern counts for {@link Rhythm#SWING} above this cosine; straight eighth or sixteenth hats reach ~0.55. */
    static final double RIDE_FIT = 0.65;
    /** Weight of the skip notes' placement beside the ride's fit, in cosine units. */
    static final double SKIP_SHARE = 0.3;
    /** A ride's skip notes reach at least this share of its beats; below it the ride counts for less. */
    static final double SKIP_MIN = 0.3;
    /** A loudest bar must stand out from the median bar by this much (of the band's largest flux) to mark a phrase. */
    static final double MARK = 0.15;
    /** Off-beat eighths up to this share of the beats' strength are a normal subdivision. */
    static final double OFFBEAT_SHARE = 0.7;
    /** Outside a rhythm's counted range its tempo prior falls off with this width, in octaves. */
    static final double RANGE_OCTAVES = 0.1;
    /** Outside a genre label's range: narrower, so a label overrides the pattern. */
    static final double LABEL_OCTAVES = 0.04;
    /** The general tempo preference for {@link Rhythm#OTHER}: log-normal, centred near where people tap (Moelants 2002). */
    static final double OTHER_CENTRE_BPM = 115;
    static final double OTHER_OCTAVES = 0.9;
    /** A band counts as present when its folded pattern peaks at this share of its strongest flux. */
    static final double PRESENT = 0.35;
    /**
     * A convention's one kick fits fully at this share of the loudest kick: a boom-bap or funk kick on the "and" is
     * often played as hard as the one, and two kicks close together read unevenly in the flux.
     */
    static final double KICK_ON_ONE_SHARE = 0.75;
    /**
     * Hats per beat that a counted tempo has at most: sixteenths; above, the score falls off with the spread, in
     * octaves of rate. Snares and claps count too (their wires and noise are high).
     */
    static final double MAX_HATS_PER_BEAT = 4;
    static final double MIN_HALF_TIME_HATS_PER_BEAT = 2;
    /** A backbeat with at most this many hats a beat (eighths, with its kicks and snares) is counted down to {@link #SLOW_BACKBEAT_MIN_BPM}. */
    static final double SLOW_BACKBEAT_HATS = 3.5;
    static final double SLOW_BACKBEAT_MIN_BPM = 66;
    static final double HAT_RATE_OCTAVES = 0.5;
    private static final double HAT_PEAK = 0.15;
    private static final double HAT_GAP_S = 0.03;
    /** Kick-ness is the low band less this share of the mid band (a snare's body reaches below 150 Hz). */
    static final double SNARE_IN_LOW = 0.6;
    /** Snare-ness is the mid band less this share of the low band (a kick's click reaches into the mids). */
    static final double KICK_IN_MID = 0.5;
    /** A hit's mid-band flux at up to this share of its high-band flux is a cymbal's leak into the mids. */
    static final double HAT_MID_SHARE = 0.45;
    /** From this share on it is a drum's body (snare, clap, side stick). */
    static final double BODY_MID_SHARE = 0.75;
    /** The high band's quieter steps at this level (log energy, 0..1 over the clip) or above: it rings, as a ride does. */
    static final double RING_MIN = 0.2;
    /** A hit under this share of its drum's loudest position is a ghost note, not part of the pattern's backbone. */
    static final double GHOST_SHARE = 0.4;
    private static final int[] BEATS = {0, 4, 8, 12};
    private static final int[] OFF_EIGHTHS = {2, 6, 10, 14};

    private BarReader() {}

    /**
     * One way to count the clip.
     *
     * @param downbeatStep the grid step of the first downbeat
     */
    record Reading(double bpm, StepStrengths grid, int downbeatStep, Rhythm rhythm, double score) {
        double firstDownbeatFrame() {
            return Math.max(0, grid.originFrame() + downbeatStep * grid.stepFrames());
        }

        double firstBeatFrame() {
            return Math.max(0, grid.originFrame() + (downbeatStep % StepStrengths.STEPS_PER_BEAT) * grid.stepFrames());
        }
    }

    /**
     * The chosen reading and, per candidate tempo, the best reading of it.
     *
     * @param byTempo            best reading per candidate tempo, best first
     * @param tempoConfidence    softmax share of each of {@code byTempo}
     * @param downbeatConfidence softmax share of the chosen downbeat among the chosen tempo's sixteen
     */
    record Result(List<Reading> byTempo, double[] tempoConfidence, double downbeatConfidence) {
        Reading best() {
            return byTempo.get(0);
        }
    }

    /**
     * Reads the clip at each candidate tempo (all hold the same beats: a tempo, its half, its double).
     *
     * @param genre the counted range of the clip's genre label, if it has one
     */
    static Result read(OnsetEnvelope envelope, BandFlux flux, List<Double> candidateBpms, Optional<GenreTempos.Range> genre) {
        double fps = envelope.framesPerSecond();
        double seconds = envelope.frames() / fps;
        int hats = peaks(flux.high(), fps);
        List<Reading> best = new ArrayList<>();
        double[] downbeatShare = new double[candidateBpms.size()];
        for (int c = 0; c < candidateBpms.size(); c++) {
            double bpm = candidateBpms.get(c);
            double period = 60 * fps / bpm;
            StepStrengths grid = StepStrengths.of(envelope, flux, period, TempoDetector.firstBeat(envelope, period));
            double hatsPerBeat = hats / (seconds * bpm / 60);
            int start = startStep(grid);
            double ringing = ringing(grid, start);
            double tempoScore = hatScore(hatsPerBeat) + labelScore(bpm, genre);
            double[] phaseStrength = phaseStrengths(grid);
            double strongestPhase = max(phaseStrength);
            int downbeats = Math.min(StepStrengths.STEPS_PER_BAR, grid.steps());
            // The tempo's score is its best groove fit; where the bar starts adds what only a downbeat shows (accents,
            // fills, the clip's start), which says nothing about the tempo.
            double grooveBest = Double.NEGATIVE_INFINITY;
            double[] perDownbeat = new double[downbeats];
            Rhythm[] rhythms = new Rhythm[downbeats];
            for (int m = 0; m < downbeats; m++) {
                double[][] folded = grid.fold(m);
                double phase = strongestPhase > 0 ? phaseStrength[m % StepStrengths.STEPS_PER_BEAT] / strongestPhase : 1;
                // Without a kick and snare pattern to go by, the beat is where the onsets are strongest and least
                // subdivided; a rhythm's own pattern already says where its beats are (the dembow's snares fall on
                // off-beats by design).
                double unpatterned = beatScore(folded[0]) - PHASE_WEIGHT * (1 - phase);
                double groove = Double.NEGATIVE_INFINITY;
                for (Rhythm r : Rhythm.values()) {
                    double score = tempoScore + patternScore(folded, r, ringing) + rangeScore(bpm, r, hatsPerBeat) + (r == Rhythm.OTHER ? unpatterned : 0)
                            + (r == Rhythm.HALF_TIME ? halfTimeHatScore(hatsPerBeat) : 0);
                    if (score > groove) {
                        groove = score;
                        rhythms[m] = r;
                    }
                }
                grooveBest = Math.max(grooveBest, groove);
                perDownbeat[m] = groove + accentScore(grid, m) + (m == start ? START_BONUS : 0);
            }
            int downbeat = 0;
            for (int m = 1; m < downbeats; m++) if (perDownbeat[m] > perDownbeat[downbeat]) downbeat = m;
            best.add(new Reading(bpm, grid, downbeat, rhythms[downbeat], grooveBest));
            downbeatShare[c] = softmax(perDownbeat)[downbeat];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) order.add(i);
        order.sort((a, b) -> Double.compare(best.get(b).score(), best.get(a).score()));
        double[] scores = best.stream().mapToDouble(Reading::score).toArray();
        double[] share = softmax(scores);
        List<Reading> sorted = order.stream().map(best::get).toList();
        double[] sortedShare = order.stream().mapToDouble(i -> share[i]).toArray();
        return new Result(sorted, sortedShare, downbeatShare[order.get(0)]);
    }

    /**
     * The step the clip's groove starts at: its first onset loud in any band (a kick is loud in the low band and soft
     * in the whole envelope). A loop usually starts on the one, and its first loud hit says where, whether the detected
     * beat phase is the beats or the off-beats, and after any silence before the loop.
     */
    static int startStep(StepStrengths grid) {
        double[][] bands = {grid.all(), grid.low(), grid.mid(), grid.high()};
        double[] loud = new double[bands.length];
        for (int b = 0; b < bands.length; b++) loud[b] = START_LOUD * max(bands[b]);
        int firstBar = Math.min(StepStrengths.STEPS_PER_BAR, grid.steps());
        for (int n = 0; n < firstBar; n++)
            for (int b = 0; b < bands.length; b++) if (bands[b][n] >= loud[b]) return n;
        return grid.beatStep();
    }

    /** Kick, snare and beat-level fit of the folded pattern ({all, low, mid, high}) to one rhythm. */
    static double patternScore(double[][] folded, Rhythm r) {
        return patternScore(folded, r, 1);
    }

    /** As above, the ride's fit scaled by {@code ringing}: how much the high band keeps sounding between hits. */
    static double patternScore(double[][] folded, Rhythm r, double ringing) {
        double[] kick = kick(folded);
        double[] snare = snare(folded);
        double kickPresence = Math.min(1, max(kick) / PRESENT);
        double snarePresence = Math.min(1, max(snare) / PRESENT);
        double score = 0;
        int[] kicks = r.kickSteps();
        if (kicks.length > 0 && max(kick) > 0) {
            double fit = kicks.length == 1 ? Math.min(1, kick[kicks[0]] / (KICK_ON_ONE_SHARE * max(kick))) : cosine(backbone(kick), kicks);
            if (r.kickOnEveryStep()) fit *= covered(kick, kicks);
            score += KICK_WEIGHT * kickPresence * (fit - 0.5);
            int[] rests = r.kickRests();
            for (int rest : rests) score -= KICK_WEIGHT * kickPresence * Math.max(0, kick[rest] / max(kick) - GHOST_SHARE) / rests.length;
        }
        int[] snares = r.snareSteps();
        if (snares.length > 0 && max(snare) > 0) score += SNARE_WEIGHT * snarePresence * (cosine(backbone(snare), snares) - 0.5);
        double[] ride = r.rideWeights();
        double[] high = folded[3];
        if (ride.length > 0 && max(high) > 0) {
            // The ride's beats dominate its cosine; where the skip notes fall (after 2 and 4, not after 1 and 3) is
            // what tells the beats of the bar apart.
            double skips = high[7] + high[15] + high[6] + high[14];
            double early = high[3] + high[11] + high[2] + high[10];
            double placement = skips + early > 0 ? (skips - early) / (skips + early) : 0;
            // Without its skip notes a ride on the beats is only a pulse (reggae's eighth hats read at double tempo
            // are one), and a pulse says nothing about swing.
            double skip = Math.max(high[6] + high[14], high[7] + high[15]) / 2;
            double beats = mean(high, BEATS);
            double skipped = beats > 0 ? Math.min(1, skip / (SKIP_MIN * beats)) : 0;
            double rideFit = cosine(high, ride);
            double rideSounds = Math.min(1, max(high) / PRESENT) * skipped;
            score += RIDE_WEIGHT * ringing * rideSounds * (rideFit - RIDE_FIT + SKIP_SHARE * placement);
            // Under a swing ride (its skips after 2 and 4, not before 1 and 3) the hi-hat's foot closes on 2 and 4: the
            // jazz drummer's backbeat, a hat's chick that sounds in the mids, on both. Read at half tempo it falls on
            // every beat, read at double on one beat a bar. Straight eighth hats accented on the beats fit a ride too,
            // and a clap and a kick on 2 and 4 would pass for the chick. Only a bonus: in a full mix the piano's
            // comping on 1 sounds in the same mids.
            double[] mid = folded[2];
            double twoFour = 2 * Math.min(mid[4], mid[12]);
            double oneThree = mid[0] + mid[8];
            if (rideFit > RIDE_FIT && placement > SWUNG_PLACEMENT && twoFour + oneThree > 0)
                score += HAT_FOOT_WEIGHT * rideSounds * Math.max(0, twoFour - oneThree) / (twoFour + oneThree);
            // Off-beat open hats or a ride on the "and"s (techno) fit a ride on the beats an eighth early; the kick
            // under them puts the beat back. Only a kick leaning to the "and"s counts: kicks on the beats are no more
            // a ride than another groove.
            double onBeats = mean(kick, BEATS);
            double onAnds = mean(kick, OFF_EIGHTHS);
            if (onBeats + onAnds > 0) score += KICK_WEIGHT * kickPresence * Math.min(0, (onBeats - onAnds) / (onBeats + onAnds));
        }
        return score;
    }

    /**
     * What tells a bar's first half from its second when the groove repeats every half bar (a four-on-the-floor, a
     * rock beat with kicks on 1 and 3, the dembow, a ride pattern): a phrase's marks, which come once and not every bar.
     * A crash starts a phrase on a downbeat (the high band rings on through the beat), and a fill or pickup (snare in
     * a bar's last three sixteenths) ends one.
     * Each is how much its loudest bar stands out from the typical bar at that spot, against the same spot half a bar
     * on; so it tells only the halves apart, and a groove's every-bar accents (a half-time snare on 3) cancel out.
     */
    static double accentScore(StepStrengths grid, int downbeatStep) {
        double[] snare = new double[grid.steps()];
        for (int n = 0; n < snare.length; n++) snare[n] = Math.max(0, grid.mid()[n] - KICK_IN_MID * grid.low()[n]);
        int half = StepStrengths.STEPS_PER_BAR / 2;
        // A crash's attack is no louder than a hat's to the flux; it is its ring through the rest of the beat.
        double crash = 0;
        for (int p = 1; p < StepStrengths.STEPS_PER_BEAT; p++) crash += mark(grid.ring(), downbeatStep, p) - mark(grid.ring(), downbeatStep, p + half);
        double fill = 0;
        for (int p = 13; p < StepStrengths.STEPS_PER_BAR; p++) fill += mark(snare, downbeatStep, p) - mark(snare, downbeatStep, p - half);
        return ACCENT_WEIGHT * crash + FILL_WEIGHT * fill;
    }

    /** How far the loudest bar stands out at a spot beyond {@link #MARK}: the velocity spread of a groove is no mark. */
    private static double mark(double[] perStep, int downbeatStep, int pos) {
        return Math.max(0, standsOut(perStep, downbeatStep, pos) - MARK);
    }

    /** At position {@code pos} of the bars starting at step {@code downbeatStep}: the loudest bar less the median bar. */
    private static double standsOut(double[] perStep, int downbeatStep, int pos) {
        List<Double> bars = new ArrayList<>();
        for (int n = Math.floorMod(downbeatStep + pos, StepStrengths.STEPS_PER_BAR); n < perStep.length; n += StepStrengths.STEPS_PER_BAR)
            bars.add(perStep[n]);
        if (bars.size() < 2) return 0;
        bars.sort(null);
        int n = bars.size();
        double median = n % 2 == 1 ? bars.get(n / 2) : (bars.get(n / 2 - 1) + bars.get(n / 2)) / 2;
        return bars.get(n - 1) - median;
    }

    /**
     * The accented hits of a folded drum: positions under {@link #GHOST_SHARE} of the loudest are left out. A
     * convention says where the accents fall; ghost notes and pickups around them are the drummer's own.
     */
    static double[] backbone(double[] drum) {
        double floor = GHOST_SHARE * max(drum);
        double[] out = new double[drum.length];
        for (int p = 0; p < drum.length; p++) out[p] = drum[p] >= floor ? drum[p] : 0;
        return out;
    }

    /**
     * How much the high band keeps sounding between its hits, 0..1: a ride cymbal rings on under its pattern, closed
     * hats and a side stick die away before the next hit. The level the quieter quarter of the clip's steps stays
     * above (from its first loud hit, so silence before the loop does not count), against {@link #RING_MIN}.
     */
    static double ringing(StepStrengths grid, int fromStep) {
        double[] level = java.util.Arrays.copyOfRange(grid.ring(), Math.min(fromStep, grid.steps() - 1), grid.steps());
        java.util.Arrays.sort(level);
        return Math.min(1, level[level.length / 4] / RING_MIN);
    }

    /** Kick-ness per position of a folded pattern: the low band less what a snare's body puts there. */
    static double[] kick(double[][] folded) {
        double[] out = new double[StepStrengths.STEPS_PER_BAR];
        for (int p = 0; p < out.length; p++) out[p] = Math.max(0, folded[1][p] - SNARE_IN_LOW * folded[2][p]);
        return out;
    }

    /**
     * Snare-ness per position of a folded pattern: the mid band less what a kick's click puts there, counted only as far
     * as the mids sound as loud as a snare's against the highs ({@link #snareBody}). Hats leak into the mid band too,
     * and read at double tempo a slow groove's eighth hats fall on 2 and 4: without this they pass for a backbeat.
     */
    static double[] snare(double[][] folded) {
        double[] out = new double[StepStrengths.STEPS_PER_BAR];
        for (int p = 0; p < out.length; p++)
            out[p] = Math.max(0, folded[2][p] - KICK_IN_MID * folded[1][p]) * snareBody(folded[2][p], folded[3][p]);
        return out;
    }

    /**
     * 0..1: how much a hit sounds like a drum with a body rather than a cymbal, by its mid-band flux against its
     * high-band flux. A snare, clap or side stick sounds about as loud in the mids as in the highs; a closed or open hat
     * reaches a third to a half of its highs there. Up to {@link #HAT_MID_SHARE} it is a hat (0); from
     * {@link #BODY_MID_SHARE} on, a body (1).
     */
    static double snareBody(double mid, double high) {
        if (high <= 0) return 1;
        return Math.max(0, Math.min(1, (mid / high - HAT_MID_SHARE) / (BODY_MID_SHARE - HAT_MID_SHARE)));
    }

    /** Share of the steps that hold a kick of at least {@link #GHOST_SHARE} of the loudest. */
    static double covered(double[] kick, int[] steps) {
        double floor = GHOST_SHARE * max(kick);
        int n = 0;
        for (int s : steps) if (kick[s] >= floor) n++;
        return n / (double) steps.length;
    }

    /** Off-beat eighths nearly as strong as the beats: the tempo is half the one the onsets keep. */
    static double beatScore(double[] all) {
        double on = mean(all, BEATS);
        double off = mean(all, OFF_EIGHTHS);
        if (on <= 0) return -BEAT_WEIGHT;
        return -BEAT_WEIGHT * Math.max(0, off / on - OFFBEAT_SHARE);
    }

    /** Mean onset strength on the beats of each of the four sixteenth phases. */
    private static double[] phaseStrengths(StepStrengths grid) {
        double[] sum = new double[StepStrengths.STEPS_PER_BEAT];
        int[] n = new int[StepStrengths.STEPS_PER_BEAT];
        for (int s = 0; s < grid.steps(); s++) {
            sum[s % StepStrengths.STEPS_PER_BEAT] += grid.all()[s];
            n[s % StepStrengths.STEPS_PER_BEAT]++;
        }
        for (int q = 0; q < sum.length; q++) if (n[q] > 0) sum[q] /= n[q];
        return sum;
    }

    static double rangeScore(double bpm, Rhythm r, double hatsPerBeat) {
        if (r == Rhythm.OTHER) return -0.5 * square(Math.log(bpm / OTHER_CENTRE_BPM) / Math.log(2) / OTHER_OCTAVES);
        // A backbeat under 81 with sixteenth hats is a half-time groove's pattern at half its tempo (trap at 140 read
        // at 70), and is counted as one; with eighth hats or fewer it is lo-fi, soul or R&B at 66-80, which no one
        // counts at double (its hats would be quarter notes there).
        double min = r == Rhythm.BACKBEAT && hatsPerBeat <= SLOW_BACKBEAT_HATS ? SLOW_BACKBEAT_MIN_BPM : r.minBpm;
        return -0.5 * square(octavesOutside(bpm, min, r.maxBpm) / RANGE_OCTAVES);
    }

    static double labelScore(double bpm, Optional<GenreTempos.Range> genre) {
        if (genre.isEmpty() || !genre.get().decidesOctave()) return 0;
        return -0.5 * square(octavesOutside(bpm, genre.get().minBpm(), genre.get().maxBpm()) / LABEL_OCTAVES);
    }

    /**
     * A half-time groove is counted at its hats' tempo (trap's eighths and rolls at 140, not a backbeat at 70), so a
     * half-time reading with fewer than {@link #MIN_HALF_TIME_HATS_PER_BEAT} hats a beat is a backbeat read double.
     */
    static double halfTimeHatScore(double hatsPerBeat) {
        if (hatsPerBeat >= MIN_HALF_TIME_HATS_PER_BEAT) return 0;
        if (hatsPerBeat <= 0) return -HAT_WEIGHT * 0.5 * square(2 / HAT_RATE_OCTAVES);
        return -HAT_WEIGHT * 0.5 * square(Math.log(MIN_HALF_TIME_HATS_PER_BEAT / hatsPerBeat) / Math.log(2) / HAT_RATE_OCTAVES);
    }

    /** Only a rate above {@link #MAX_HATS_PER_BEAT} counts against a tempo: a groove without hats is no tempo read double. */
    static double hatScore(double hatsPerBeat) {
        if (hatsPerBeat <= MAX_HATS_PER_BEAT) return 0;
        return -HAT_WEIGHT * 0.5 * square(Math.log(hatsPerBeat / MAX_HATS_PER_BEAT) / Math.log(2) / HAT_RATE_OCTAVES);
    }

    private static double octavesOutside(double bpm, double min, double max) {
        if (bpm < min) return Math.log(min / bpm) / Math.log(2);
        if (bpm > max) return Math.log(bpm / max) / Math.log(2);
        return 0;
    }

    /** Local maxima of a band's flux above {@link #HAT_PEAK}, at least {@link #HAT_GAP_S} apart. */
    static int peaks(double[] x, double fps) {
        int gap = Math.max(1, (int) Math.round(HAT_GAP_S * fps));
        int count = 0;
        int last = -gap;
        for (int i = 1; i + 1 < x.length; i++) {
            if (x[i] < HAT_PEAK || x[i] < x[i - 1] || x[i] < x[i + 1] || i - last < gap) continue;
            count++;
            last = i;
        }
        return count;
    }

    private static double cosine(double[] x, int[] steps) {
        double dot = 0;
        double norm = 0;
        for (double v : x) norm += v * v;
        for (int s : steps) dot += x[s];
        return norm == 0 ? 0 : dot / (Math.sqrt(norm) * Math.sqrt(steps.length));
    }

    private static double cosine(double[] x, double[] weights) {
        double dot = 0;
        double nx = 0;
        double nw = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * weights[i];
            nx += x[i] * x[i];
            nw += weights[i] * weights[i];
        }
        return nx == 0 || nw == 0 ? 0 : dot / Math.sqrt(nx * nw);
    }

    private static double mean(double[] x, int[] at) {
        double s = 0;
        for (int i : at) s += x[i];
        return s / at.length;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, v);
        return m;
    }

    private static double square(double x) {
        return x * x;
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) max = Math.max(max, s);
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i] - max);
        for (int i = 0; i < scores.length; i++) out[i] /= sum;
        return out;
    }
}
