package loopsmith.tokens;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * The numeric side of the vocabulary: grid steps, duration bins, velocity bins and tempo bins, and the conversions
 * between ticks at any resolution and grid steps. The encoder and decoder share it, so quantizing and decoding agree.
 */
public final class TokenGrid {
    private static final int MIN_DENOMINATOR = 2;
    private static final int MAX_DENOMINATOR = 16;
    private final TokenizerConfig config;
    private final int[] durationBins;
    private final int[] velocityLevels;
    private final int[] drumVelocityLevels;

    public TokenGrid(TokenizerConfig config) {
        this.config = config;
        this.durationBins = durationBins(config.positionsPerQuarter());
        this.velocityLevels = velocityLevels(config.velocityBins());
        this.drumVelocityLevels = velocityLevels(config.drumVelocityBins());
    }

    /**
     * Every step up to a quarter note, then quarter-of-a-beat steps up to a 4/4 bar, half-beat steps up to two bars
     * and beat steps up to four bars: fine where timing is heard, coarse where only length matters.
     */
    private static int[] durationBins(int g) {
        List<Integer> bins = new ArrayList<>();
        for (int s = 1; s <= g; s++) bins.add(s);
        int quarterStep = Math.max(1, g / 4);
        for (int s = g + quarterStep; s <= 4 * g; s += quarterStep) bins.add(s);
        int halfStep = Math.max(1, g / 2);
        for (int s = 4 * g + halfStep; s <= 8 * g; s += halfStep) bins.add(s);
        for (int s = 8 * g + g; s <= 16 * g; s += g) bins.add(s);
        return bins.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    /** Upper bound of each equal-width bin: the value a velocity is quantized to (so 127 stays 127). */
    private static int[] velocityLevels(int bins) {
        int[] levels = new int[bins];
        for (int i = 0; i < bins; i++) levels[i] = (int) Math.round((i + 1) * (double) Note.MAX_VELOCITY / bins);
        return levels;
    }

    public TokenizerConfig config() {
        return config;
    }

    public int[] durationBins() {
        return durationBins.clone();
    }

    public int[] velocityLevels() {
        return velocityLevels.clone();
    }

    public int[] drumVelocityLevels() {
        return drumVelocityLevels.clone();
    }

    public int drumVelocityLevel(int velocity) {
        for (int level : drumVelocityLevels) if (velocity <= level) return level;
        return drumVelocityLevels[drumVelocityLevels.length - 1];
    }

    /**
     * The velocity a note of {@code level} plays: the middle of the bin the level names (its upper bound), so that the
     * notes a model writes are as loud on average as those it learned from; a value that is no level is kept.
     */
    public int velocityPlayed(int level, boolean drum) {
        int[] levels = drum ? drumVelocityLevels : velocityLevels;
        for (int i = 0; i < levels.length; i++)
            if (levels[i] == level) return ((i == 0 ? 0 : levels[i - 1]) + 1 + level) / 2;
        return level;
    }

    /**
     * A piece as it plays: a velocity token names its bin by the bin's upper bound (so 127 stays 127 in the
     * vocabulary), and played at that bound every note would come out half a bin louder than the music it was learned
     * from; each plays the middle of its bin instead ({@link #velocityPlayed}). Read back, the middle falls in the same
     * bin, so a generated part given again as a seed keeps its tokens.
     */
    public Piece played(Piece p) {
        List<Track> tracks = new ArrayList<>(p.tracks().size());
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes())
                notes.add(new Note(n.pitch(), velocityPlayed(n.velocity(), t.isDrum()), n.startTick(), n.durationTicks()));
            tracks.add(t.withNotes(notes));
        }
        return p.withTracks(tracks);
    }

    /** Swing tags: off-beat phases from a light shuffle to 3:1, in the units swing is found at (8ths, 16ths). */
    public static final int[] SWING_PERCENTS = {54, 57, 60, 63, 66, 69, 72, 75};

    /** The swing tag nearest a detected off-beat phase (0.5..1) at pairs of {@code unit}ths. */
    public static Token.Swing swing(int unit, double offBeatPhase) {
        int best = SWING_PERCENTS[0];
        for (int p : SWING_PERCENTS) if (Math.abs(p - offBeatPhase * 100) < Math.abs(best - offBeatPhase * 100)) best = p;
        return new Token.Swing(unit, best);
    }

    public int[] tempoBins() {
        int n = (config.maxBpm() - config.minBpm()) / config.bpmStep() + 1;
        int[] bins = new int[n];
        for (int i = 0; i < n; i++) bins[i] = config.minBpm() + i * config.bpmStep();
        return bins;
    }

    /** Ticks at resolution {@code ticksPerQuarter} to the nearest grid step (halves round up). */
    public long steps(long ticks, int ticksPerQuarter) {
        long g = config.positionsPerQuarter();
        return Math.floorDiv(2 * ticks * g + ticksPerQuarter, 2L * ticksPerQuarter);
    }

    /** Grid steps to ticks at the decoded resolution. */
    public long ticks(long steps) {
        return steps * (config.ticksPerQuarter() / config.positionsPerQuarter());
    }

    /** Steps in one bar of this meter, or -1 when the vocabulary cannot express it (see {@link #timeSignatures}). */
    public int barSteps(TimeSignature ts) {
        if (ts.denominator() < MIN_DENOMINATOR || ts.denominator() > MAX_DENOMINATOR) return -1;
        long num = (long) ts.numerator() * 4 * config.positionsPerQuarter();
        if (num % ts.denominator() != 0) return -1;
        long steps = num / ts.denominator();
        return steps > (long) config.maxBarQuarters() * config.positionsPerQuarter() ? -1 : (int) steps;
    }

    public boolean supports(TimeSignature ts) {
        return barSteps(ts) > 0;
    }

    /** Every time signature the vocabulary holds: denominators 2..16, bars up to maxBarQuarters long. */
    public List<TimeSignature> timeSignatures() {
        List<TimeSignature> out = new ArrayList<>();
        for (int d = MIN_DENOMINATOR; d <= MAX_DENOMINATOR; d *= 2)
            for (int n = 1; n <= TimeSignature.MAX_NUMERATOR; n++) {
                TimeSignature ts = new TimeSignature(n, d);
                if (supports(ts)) out.add(ts);
            }
        return out;
    }

    /** Nearest duration bin (ties to the shorter), at least one step. */
    public int durationBin(long steps) {
        return nearest(durationBins, Math.max(1, steps));
    }

    public int velocityLevel(int velocity) {
        for (int level : velocityLevels) if (velocity <= level) return level;
        return velocityLevels[velocityLevels.length - 1];
    }

    public int tempoBin(double bpm) {
        int[] bins = tempoBins();
        double clamped = Math.max(config.minBpm(), Math.min(config.maxBpm(), bpm));
        int i = (int) Math.round((clamped - config.minBpm()) / config.bpmStep());
        return bins[Math.max(0, Math.min(bins.length - 1, i))];
    }

    private static int nearest(int[] sorted, long value) {
        int best = sorted[0];
        for (int v : sorted) {
            if (Math.abs(v - value) < Math.abs(best - value)) best = v;
        }
        return best;
    }
}
