package loopsmith.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import loopsmith.library.DrumGrid;
import loopsmith.library.GrooveModel;
import loopsmith.music.DrumGroup;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Plays a quantized drum part with a learned feel (GrooVAE's task, by lookup instead of a network): for each bar, the
 * model's bars whose quantized pattern is nearest (Jaccard over drum group × sixteenth) are found, one of the
 * {@link #NEIGHBOURS} nearest is drawn, and each input hit takes the offset and velocity of the neighbour's hit on the
 * same drum group and sixteenth (the same drum note where it has one). Taking a whole bar from one performance keeps
 * what per-hit sampling loses: a drummer who pushes a bar pushes all of it, and a ghost note is soft because of the
 * accents around it. A hit the neighbour lacks draws from every learned hit of its group and sixteenth, then of its
 * group.
 *
 * <p>Every hit is kept: pitch, duration, count, and its sixteenth (offsets stay within half a sixteenth, so hits on
 * different sixteenths never swap). Parts that are not drums are left as they are.
 */
public final class GrooveTransfer {
    /** Neighbours drawn from: enough that a loop's repeated bars get different performances, few enough to stay near. */
    public static final int NEIGHBOURS = 8;
    /**
     * What a tempo ratio costs against pattern likeness (Jaccard), per unit of its log: a bar at twice or half the input's
     * tempo loses 0.69 × this. Chosen with {@link #NEIGHBOURS} on training files set aside, never the held-out split.
     */
    public static final double TEMPO_WEIGHT = 0.5;
    /** Resolution a grooved piece is written at, at least: offsets of a few hundredths of a sixteenth need ticks to land on. */
    static final int MIN_TICKS_PER_QUARTER = 480;
    private static final int CELLS = DrumGroup.values().length * DrumGrid.MAX_STEPS_PER_BAR;
    private static final int WORDS = (CELLS + 63) / 64;
    private static final int ALL_GENRES = -1;

    /**
     * @param amount 0..1: how far hits move toward the learned timing and velocity; 0 leaves the piece as it is
     * @param genre  a genre the model knows to draw bars from (canonical spelling); empty for all
     * @param seed   the same seed, model and piece give the same result
     */
    public record Options(double amount, Optional<String> genre, long seed) {
        public Options {
            if (!(amount >= 0 && amount <= 1)) throw new IllegalArgumentException("amount must be 0..1, was " + amount);
        }
    }

    /**
     * @param piece    the grooved piece
     * @param hits     drum hits grooved
     * @param genre    the genre bars were drawn from, or empty for all
     * @param warnings what the caller should know (a genre the model does not know)
     */
    public record Result(Piece piece, int hits, Optional<String> genre, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private final GrooveModel model;
    private final int neighbours;
    private final double tempoWeight;
    private final int[] barFirstHit;
    private final long[][] patterns;
    private final int[] patternSizes;
    /** Bars per genre index, and all bars under {@link #ALL_GENRES}. */
    private final Map<Integer, int[]> barsByGenre = new HashMap<>();
    /** Per genre index (and all), per cell, the hits learned there; built when first asked for. */
    private final Map<Integer, int[][]> hitsByCell = new HashMap<>();

    public GrooveTransfer(GrooveModel model) {
        this(model, NEIGHBOURS, TEMPO_WEIGHT);
    }

    /** With another number of neighbours to draw from (1 always plays a bar as its single nearest) and tempo weight. */
    public GrooveTransfer(GrooveModel model, int neighbours, double tempoWeight) {
        if (neighbours < 1) throw new IllegalArgumentException("neighbours must be >= 1, was " + neighbours);
        if (!(tempoWeight >= 0)) throw new IllegalArgumentException("tempoWeight must be >= 0, was " + tempoWeight);
        this.model = model;
        this.neighbours = neighbours;
        this.tempoWeight = tempoWeight;
        int bars = model.bars();
        barFirstHit = new int[bars + 1];
        for (int b = 0; b < bars; b++) barFirstHit[b + 1] = barFirstHit[b] + model.barHits()[b];
        patterns = new long[bars][];
        patternSizes = new int[bars];
        Map<Integer, List<Integer>> byGenre = new HashMap<>();
        for (int b = 0; b < bars; b++) {
            long[] bits = new long[WORDS];
            for (int i = barFirstHit[b]; i < barFirstHit[b + 1]; i++) set(bits, cellIndex(model.hitCell()[i]));
            patterns[b] = bits;
            patternSizes[b] = count(bits);
            byGenre.computeIfAbsent(model.barGenre()[b], g -> new ArrayList<>()).add(b);
        }
        for (Map.Entry<Integer, List<Integer>> e : byGenre.entrySet())
            if (e.getKey() != ALL_GENRES) barsByGenre.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        int[] all = new int[bars];
        for (int b = 0; b < bars; b++) all[b] = b;
        barsByGenre.put(ALL_GENRES, all);
    }

    public GrooveModel model() {
        return model;
    }

    /** The piece with its drum parts grooved. */
    public Result apply(Piece piece, Options o) {
        List<String> warnings = new ArrayList<>();
        int genre = ALL_GENRES;
        Optional<String> used = Optional.empty();
        if (o.genre().isPresent()) {
            genre = model.genres().indexOf(o.genre().get());
            if (genre < 0) warnings.add("the groove model has no " + o.genre().get() + " bars; bars of every genre are used (it knows "
                    + String.join(", ", model.genres()) + ")");
            else used = o.genre();
        }
        if (o.amount() == 0) return new Result(piece, 0, used, warnings);
        Piece fine = atLeast(piece, MIN_TICKS_PER_QUARTER);
        RandomGenerator rng = new SplittableRandom(o.seed());
        List<Track> tracks = new ArrayList<>();
        int hits = 0;
        for (Track t : fine.tracks()) {
            if (!DrumGrid.isDrums(t)) {
                tracks.add(t);
                continue;
            }
            List<Note> grooved = groove(fine, t, o.amount(), genre, rng);
            hits += t.notes().size();
            tracks.add(t.withNotes(grooved));
        }
        return new Result(fine.withTracks(tracks), hits, used, warnings);
    }

    /** A drum track's notes grooved, in the track's note order (index i is note i moved). */
    List<Note> groove(Piece piece, Track drums, double amount, int genre, RandomGenerator rng) {
        List<Note> out = new ArrayList<>(drums.notes());
        double stepTicks = DrumGrid.stepTicks(piece.ticksPerQuarter());
        int[] pool = barsByGenre.get(genre);
        for (DrumGrid.Bar bar : DrumGrid.bars(piece, drums)) {
            int neighbour = neighbour(bar, DrumGrid.bpmAt(piece, bar), pool, rng);
            Map<Integer, Integer> rankInCell = new HashMap<>();
            for (DrumGrid.Hit h : bar.hits()) {
                byte cell = GrooveModel.cell(h.group(), h.step());
                int rank = rankInCell.merge(cell << 8 | h.pitch(), 1, Integer::sum) - 1;
                int learned = matchingHit(neighbour, cell, h.pitch(), rank);
                if (learned < 0) learned = marginalHit(genre, cell, rng);
                if (learned < 0) continue;
                Note n = out.get(h.noteIndex());
                double target = h.gridTick() + model.offsetSteps(learned) * stepTicks;
                long start = Math.max(0, Math.round(n.startTick() + amount * (target - n.startTick())));
                int velocity = (int) Math.round(n.velocity() + amount * (model.velocity(learned) - n.velocity()));
                velocity = Math.max(Note.MIN_VELOCITY, Math.min(Note.MAX_VELOCITY, velocity));
                out.set(h.noteIndex(), new Note(n.pitch(), velocity, start, n.durationTicks()));
            }
        }
        return out;
    }

    /**
     * One of the bars nearest {@code bar} among {@code pool} (those with as many sixteenths when there are any), or −1.
     * Nearest is the most alike in pattern, less {@code tempoWeight} per unit of log tempo ratio: a drummer's push is a
     * share of a sixteenth that shrinks as the tempo rises, so a feel travels best between tempos that are close.
     */
    private int neighbour(DrumGrid.Bar bar, double bpm, int[] pool, RandomGenerator rng) {
        long[] bits = new long[WORDS];
        for (DrumGrid.Hit h : bar.hits()) set(bits, cellIndex(GrooveModel.cell(h.group(), h.step())));
        int size = count(bits);
        boolean sameLength = false;
        for (int b : pool) if (model.barSteps()[b] == bar.steps()) {
            sameLength = true;
            break;
        }
        double[] best = new double[neighbours];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        double[] scores = new double[pool.length];
        double logBpm = Math.log(bpm);
        for (int i = 0; i < pool.length; i++) {
            int b = pool[i];
            if (sameLength && model.barSteps()[b] != bar.steps()) {
                scores[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            int common = 0;
            for (int w = 0; w < WORDS; w++) common += Long.bitCount(bits[w] & patterns[b][w]);
            double s = (double) common / (size + patternSizes[b] - common);
            if (model.barBpm()[b] > 0) s -= tempoWeight * Math.abs(Math.log(model.barBpm()[b]) - logBpm);
            scores[i] = s;
            if (s > best[neighbours - 1]) insert(best, s);
        }
        double threshold = Double.NEGATIVE_INFINITY;
        for (double s : best) if (s > Double.NEGATIVE_INFINITY) threshold = s;
        if (threshold == Double.NEGATIVE_INFINITY) return -1;
        // Every bar scoring at least the k-th best is a candidate: a common beat ties with hundreds of bars, and taking
        // the first k of those would always play it as the same few takes.
        int candidates = 0;
        for (double s : scores) if (s >= threshold) candidates++;
        int pick = rng.nextInt(candidates);
        for (int i = 0; i < pool.length; i++) if (scores[i] >= threshold && pick-- == 0) return pool[i];
        throw new AssertionError("no candidate drawn");
    }

    /** The neighbour's hit on {@code cell}: the rank-th of those with the same drum note, else of any note there; or −1. */
    private int matchingHit(int bar, byte cell, int pitch, int rank) {
        if (bar < 0) return -1;
        List<Integer> samePitch = new ArrayList<>();
        List<Integer> sameCell = new ArrayList<>();
        for (int i = barFirstHit[bar]; i < barFirstHit[bar + 1]; i++) {
            if (model.hitCell()[i] != cell) continue;
            sameCell.add(i);
            if (model.pitch(i) == pitch) samePitch.add(i);
        }
        List<Integer> from = samePitch.isEmpty() ? sameCell : samePitch;
        return from.isEmpty() ? -1 : from.get(rank % from.size());
    }

    /** A learned hit drawn from the genre's (else every genre's) hits on the cell, else on its drum group; or −1. */
    private int marginalHit(int genre, byte cell, RandomGenerator rng) {
        for (int g : genre == ALL_GENRES ? new int[] {ALL_GENRES} : new int[] {genre, ALL_GENRES}) {
            int[][] byCell = hitsByCell(g);
            int[] here = byCell[cellIndex(cell)];
            if (here.length > 0) return here[rng.nextInt(here.length)];
        }
        int[][] byCell = hitsByCell(ALL_GENRES);
        DrumGroup group = GrooveModel.groupOf(cell);
        int total = 0;
        for (int s = 0; s < DrumGrid.MAX_STEPS_PER_BAR; s++) total += byCell[cellIndex(GrooveModel.cell(group, s))].length;
        if (total == 0) return -1;
        int pick = rng.nextInt(total);
        for (int s = 0; s < DrumGrid.MAX_STEPS_PER_BAR; s++) {
            int[] here = byCell[cellIndex(GrooveModel.cell(group, s))];
            if (pick < here.length) return here[pick];
            pick -= here.length;
        }
        throw new AssertionError("no hit drawn");
    }

    private synchronized int[][] hitsByCell(int genre) {
        return hitsByCell.computeIfAbsent(genre, g -> {
            List<List<Integer>> cells = new ArrayList<>(CELLS);
            for (int c = 0; c < CELLS; c++) cells.add(new ArrayList<>());
            for (int b : barsByGenre.get(g))
                for (int i = barFirstHit[b]; i < barFirstHit[b + 1]; i++) cells.get(cellIndex(model.hitCell()[i])).add(i);
            int[][] out = new int[CELLS][];
            for (int c = 0; c < CELLS; c++) out[c] = cells.get(c).stream().mapToInt(Integer::intValue).toArray();
            return out;
        });
    }

    /** The piece at a resolution of at least {@code ticksPerQuarter}, every time multiplied by a whole factor. */
    static Piece atLeast(Piece piece, int ticksPerQuarter) {
        int factor = (ticksPerQuarter + piece.ticksPerQuarter() - 1) / piece.ticksPerQuarter();
        if (factor <= 1) return piece;
        List<TempoChange> tempos = piece.tempos().stream().map(t -> new TempoChange(t.tick() * factor, t.bpm())).toList();
        List<TimeSignatureChange> meters = piece.timeSignatures().stream()
                .map(t -> new TimeSignatureChange(t.tick() * factor, t.timeSignature())).toList();
        List<Track> tracks = piece.tracks().stream().map(t -> t.withNotes(t.notes().stream()
                .map(n -> new Note(n.pitch(), n.velocity(), n.startTick() * factor, n.durationTicks() * factor)).toList())).toList();
        return new Piece(piece.ticksPerQuarter() * factor, tempos, meters, piece.key(), tracks, piece.endTick() * factor);
    }

    private static int cellIndex(byte cell) {
        return GrooveModel.groupOf(cell).ordinal() * DrumGrid.MAX_STEPS_PER_BAR + GrooveModel.stepOf(cell);
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << (i & 63);
    }

    private static int count(long[] bits) {
        int n = 0;
        for (long w : bits) n += Long.bitCount(w);
        return n;
    }

    /** Inserts {@code s} into {@code best}, kept in descending order, dropping the smallest. */
    private static void insert(double[] best, double s) {
        int i = best.length - 1;
        while (i > 0 && best[i - 1] < s) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = s;
    }
}
