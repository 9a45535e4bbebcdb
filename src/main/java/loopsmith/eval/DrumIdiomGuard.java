package loopsmith.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Generator;
import loopsmith.generate.SamplingConfig;
import loopsmith.generate.TrackSpec;
import loopsmith.library.Swing;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;

/**
 * The genre's drum idiom, kept: a house idea has its four-on-the-floor, a hip-hop one its backbeat, a trap one its
 * half-time and hat rolls ({@link DrumIdioms}). The model holds the idiom most of the time on its own; when an idea's
 * drums do not, the model writes more drum parts for the genre (its own candidates, other seeds), of those that hold
 * the idiom the one closest to the idea's own drums in kit use is kept, and the other parts are written again around it
 * (accompany mode, so every bar of them hears the drums). When none of them holds it, the one that comes closest has
 * the bars that break the idiom written again by the model as infill, hearing the bars around them. An idea whose
 * drums hold the idiom is left exactly as the model wrote it, so the check costs nothing then.
 *
 * <p>It lives beside the idioms it checks so that {@code eval} measures what {@code generate} ships (the service
 * and the evaluation both apply it). Choosing among the model's own parts keeps its style; forcing tokens inside the grammar would need the per-bar
 * idiom in the engine and could not make a roll the model does not want.
 */
public final class DrumIdiomGuard {
    /** Drum parts drawn as the request asks, the idea's own first. */
    public static final int CANDIDATES = 16;
    /**
     * When none of the {@link #CANDIDATES} holds the idiom, {@link #GUIDED_CANDIDATES} more are drawn with at least this
     * classifier-free guidance on the genre. The two kinds fail differently: guided, reggae's drums hold the one-drop far
     * more often than unguided, while lo-fi's and neo-soul's hold their backbeat less often (figures in the README's
     * paragraph on the idiom guard); so the model's own draws come first and the guided ones only where they all
     * missed. Guided candidates take twice the time, and only ideas that need them pay it.
     */
    public static final double RETRY_GUIDANCE = 2.0;
    public static final int GUIDED_CANDIDATES = 8;
    /** Drum parts written at most for one idea. */
    public static final int MOST_DRUM_PARTS = CANDIDATES + GUIDED_CANDIDATES;
    /** Rewrites of one bar tried at most when the closest drum part is repaired bar by bar. */
    public static final int REPAIR_TRIES = 16;
    /**
     * Seeds one idea's guard may use: every drum part and bar rewrite it could write. Ideas of adjacent seeds (the
     * variations of one request) draw from ranges this far apart, so no two of them share a candidate's drums.
     */
    private static final long SEEDS_PER_IDEA = MOST_DRUM_PARTS + (long) GenerationRequest.MAX_BARS * REPAIR_TRIES;
    /** Apart from the ideas' own seeds. */
    private static final long SEED_STRIDE = 7919;

    private DrumIdiomGuard() {}

    /**
     * @param holds      whether the drums hold the genre's idiom; empty when the genre has none to hold or there are no new drums
     * @param candidates drum parts written to find it
     * @param drumsSeed  the seed of the drums kept
     * @param barsRewritten bars of the kept drums written again as infill to hold the idiom (none when kept as written)
     */
    public record Kept(Generator.Result result, Optional<Boolean> holds, int candidates, long drumsSeed, List<Integer> barsRewritten) {
        public Kept {
            barsRewritten = List.copyOf(barsRewritten);
        }

        Kept(Generator.Result result, Optional<Boolean> holds, int candidates, long drumsSeed) {
            this(result, holds, candidates, drumsSeed, List.of());
        }
    }

    public static Kept keep(Generator generator, GenerationRequest request, Generator.Result made, Optional<String> genre) {
        List<TrackSpec> drums = request.tracks().stream().filter(t -> t.role() == Role.DRUMS).toList();
        boolean judged = genre.isPresent() && request.mode() == GenerationRequest.Mode.NEW && !drums.isEmpty() && !request.asksFill()
                && DrumIdioms.required(genre.get()).map(sets -> !sets.isEmpty()).orElse(false);
        if (!judged) return new Kept(made, Optional.empty(), 1, made.seed());
        Optional<Boolean> own = holds(made, genre.get());
        if (own.orElse(true)) return new Kept(made, own, 1, made.seed());

        SamplingConfig guided = request.sampling().withGuidance(Math.max(request.sampling().guidance(), RETRY_GUIDANCE));
        long seeds = firstSeed(made.seed());
        List<Draws> draws = List.of(new Draws(request.tags(), request.sampling(), seeds, CANDIDATES - 1),
                new Draws(programmed(request.tags(), generator), guided, seeds + CANDIDATES - 1, GUIDED_CANDIDATES));
        Generator.Result ownDrums = drumsOf(made);
        List<Generator.Result> tried = new ArrayList<>();
        Optional<Generator.Result> found = Optional.empty();
        for (Draws d : draws) {
            List<Generator.Result> batch = generator.generate(new GenerationRequest(d.tags(), request.bpm(), request.timeSignature(),
                    request.key(), request.bars(), drums, request.keyConstraint(), d.sampling(), d.seed(), d.count(), Optional.empty(),
                    GenerationRequest.Mode.NEW, 0, -1, request.controls()));
            tried.addAll(batch);
            found = closestHolding(batch, genre.get(), ownDrums.piece());
            if (found.isPresent()) break;
        }
        int written = 1 + tried.size(); // a batch is written whole before one of it is chosen
        List<Integer> rewritten = List.of();
        if (found.isEmpty()) {
            List<Generator.Result> all = new ArrayList<>(tried);
            all.add(0, ownDrums);
            Optional<Repair> repair = repaired(generator, request, drums, all, genre.get(), made.seed());
            if (repair.isEmpty()) return new Kept(made, Optional.of(false), written, made.seed());
            found = Optional.of(repair.get().drums());
            rewritten = repair.get().bars();
        }
        // Accompany writes them harmony first, as a new idea is written (Generator.plan), so each bar's bass and
        // melody hear its chords.
        List<TrackSpec> others = request.tracks().stream().filter(t -> t.role() != Role.DRUMS).toList();
        if (others.isEmpty()) return new Kept(found.get(), Optional.of(true), written, found.get().seed(), rewritten);
        // The engine keeps a seed's timing as it is: the drums go in straight, and their swing is played back on the
        // whole idea once it is written.
        Generator.Result drumsKept = found.get();
        Optional<Swing> feel = feel(drumsKept.swing(), request, drumsKept.piece());
        Piece straightDrums = feel.map(f -> f.straightenIn(drumsKept.piece())).orElse(drumsKept.piece());
        GenerationRequest around = new GenerationRequest(request.tags(), request.bpm(), request.timeSignature(), request.key(),
                request.bars(), others, request.keyConstraint(), request.sampling(), made.seed(), 1, Optional.of(straightDrums),
                GenerationRequest.Mode.ACCOMPANY, 0, -1, request.controls());
        Generator.Result rest = generator.generate(around).get(0);
        Piece piece = feel.map(f -> f.applyTo(rest.piece())).orElse(rest.piece());
        Generator.Result kept = new Generator.Result(inRequestOrder(piece, request.tracks()), rest.tokens(), made.seed(),
                rest.sampledTokens(), rest.forcedTokens(), rest.windowSlides(), rest.barsClosedEarly(), found.get().swing());
        return new Kept(kept, Optional.of(true), written, found.get().seed(), rewritten);
    }

    /**
     * Of the parts that hold the idiom, the one whose kit use comes closest to the idea's own drums: the idiom is what
     * needed changing, not how busy the part is or what it plays on. A drummer's part of ride, toms and ghost notes that
     * misses the backbeat would otherwise give way to the first holding part, however bare; the whole batch is written
     * anyway, so choosing costs nothing. The first in seed order wins a tie.
     */
    static Optional<Generator.Result> closestHolding(List<Generator.Result> batch, String genre, Piece own) {
        Map<PieceFeatures.DrumClass, Double> target = PieceFeatures.drumsPerBar(own);
        Generator.Result best = null;
        double nearest = Double.POSITIVE_INFINITY;
        for (Generator.Result r : batch) {
            if (!holds(r, genre).orElse(false)) continue;
            double d = kitDistance(PieceFeatures.drumsPerBar(r.piece()), target);
            if (d < nearest) {
                nearest = d;
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Onsets per bar of each drum class, apart: a part's kick, snare, hat and other hits against another's. */
    static double kitDistance(Map<PieceFeatures.DrumClass, Double> a, Map<PieceFeatures.DrumClass, Double> b) {
        double d = 0;
        for (PieceFeatures.DrumClass c : PieceFeatures.DrumClass.values()) d += Math.abs(a.get(c) - b.get(c));
        return d;
    }

    /** The idea's drums alone, as a drum candidate is written. */
    private static Generator.Result drumsOf(Generator.Result r) {
        Piece drums = r.piece().withTracks(r.piece().tracks().stream().filter(Track::isDrum).toList());
        return new Generator.Result(drums, r.tokens(), r.seed(), r.sampledTokens(), r.forcedTokens(), r.windowSlides(),
                r.barsClosedEarly(), r.swing());
    }

    /** The first seed of the idea's range of {@link #SEEDS_PER_IDEA}. */
    private static long firstSeed(long ideaSeed) {
        return SEED_STRIDE + ideaSeed * SEEDS_PER_IDEA;
    }

    /** One batch of drum parts: how they are asked for, the first seed and how many. */
    private record Draws(Tags tags, SamplingConfig sampling, long seed, int count) { }

    /**
     * The idioms are programmed conventions: where no feel was asked for, the guided draws are asked for the
     * programmed one ({@code FEEL=tight}, where the model knows it), not a drummer's looser bars.
     */
    private static Tags programmed(Tags tags, Generator generator) {
        Token.Tag tight = new Token.Tag(Token.TagKind.FEEL, "tight");
        if (tags.feel().isPresent() || !generator.vocabulary().contains(tight)) return tags;
        return tags.withFeel(Optional.of("tight"));
    }

    /**
     * The swing a generated part was played with ({@link Generator}'s feel): its swing tag, where the meter holds whole
     * pairs and no quantization was asked for.
     */
    private static Optional<Swing> feel(Optional<Token.Swing> swing, GenerationRequest request, Piece p) {
        if (swing.isEmpty() || request.controls().quantizeSteps() > 0) return Optional.empty();
        long pair = (long) p.ticksPerQuarter() * 8 / swing.get().unit();
        if (request.timeSignature().ticksPerBar(p.ticksPerQuarter()) % pair != 0) return Optional.empty();
        return Optional.of(Swing.of(pair, swing.get().phase()));
    }

    /** Drums that hold the idiom after the bars listed were written again. */
    private record Repair(Generator.Result drums, List<Integer> bars) { }

    /**
     * When no whole drum part holds the idiom, the part that comes closest (fewest bars breaking it, the idea's own
     * first on a tie) has those bars written again, one at a time, by the model as infill: it hears the bars before and
     * after, so a rewritten bar leads on into the kept ones. The first of {@link #REPAIR_TRIES} rewrites that holds the
     * idiom is kept; a bar's fill or break stays where the part holds the idiom without rewriting it. The last bar, a
     * phrase's end where a fill belongs, is rewritten last.
     */
    private static Optional<Repair> repaired(Generator generator, GenerationRequest request, List<TrackSpec> drums,
                                             List<Generator.Result> candidates, String genre, long ideaSeed) {
        Generator.Result closest = null;
        int fewest = Integer.MAX_VALUE;
        for (Generator.Result c : candidates) {
            int breaking = breaking(DrumIdioms.judge(c.piece()), genre);
            if (breaking < fewest) {
                fewest = breaking;
                closest = c;
            }
        }
        if (closest == null || fewest == Integer.MAX_VALUE) return Optional.empty();
        Optional<Swing> feel = feel(closest.swing(), request, closest.piece());
        Generator.Result from = closest;
        Piece piece = feel.map(f -> f.straightenIn(from.piece())).orElse(from.piece());
        Optional<DrumIdioms.PartVerdict> verdict = DrumIdioms.judge(piece);
        List<Integer> order = new ArrayList<>(verdict.map(v -> v.barsBreaking(genre)).orElse(List.of()));
        int lastBar = request.bars() - 1;
        if (order.remove(Integer.valueOf(lastBar))) order.add(lastBar);
        Generator.Result last = closest;
        List<Integer> rewritten = new ArrayList<>();
        for (int bar : order) {
            if (holds(verdict, genre)) break;
            int before = breaking(verdict, genre);
            long seed = firstSeed(ideaSeed) + MOST_DRUM_PARTS + (long) bar * REPAIR_TRIES;
            List<Generator.Result> rewrites = generator.generate(new GenerationRequest(request.tags(), request.bpm(),
                    request.timeSignature(), request.key(), request.bars(), drums, request.keyConstraint(), request.sampling(),
                    seed, REPAIR_TRIES, Optional.of(piece), GenerationRequest.Mode.VARY, bar, bar, request.controls()));
            for (Generator.Result r : rewrites) {
                Optional<DrumIdioms.PartVerdict> v = DrumIdioms.judge(r.piece());
                if (breaking(v, genre) < before) {
                    piece = r.piece();
                    verdict = v;
                    last = r;
                    rewritten.add(bar);
                    break;
                }
            }
        }
        if (!holds(verdict, genre)) return Optional.empty();
        Piece played = feel.isPresent() ? feel.get().applyTo(piece) : piece;
        rewritten.sort(null);
        return Optional.of(new Repair(new Generator.Result(played, last.tokens(), closest.seed(), last.sampledTokens(),
                last.forcedTokens(), last.windowSlides(), last.barsClosedEarly(), closest.swing()), rewritten));
    }

    /** How many bars of the judged drums break the genre's idiom; all of them where there are no drums. */
    private static int breaking(Optional<DrumIdioms.PartVerdict> drums, String genre) {
        return drums.map(v -> v.barsBreaking(genre).size()).orElse(Integer.MAX_VALUE);
    }

    private static boolean holds(Optional<DrumIdioms.PartVerdict> drums, String genre) {
        return drums.flatMap(v -> v.passes(genre)).orElse(false);
    }

    /** The parts in the order the request named them (the engine lists the seed's drums first, then the parts it added). */
    private static Piece inRequestOrder(Piece p, List<TrackSpec> asked) {
        List<Track> left = new ArrayList<>(p.tracks());
        List<Track> out = new ArrayList<>(left.size());
        for (TrackSpec spec : asked)
            for (int i = 0; i < left.size(); i++)
                if (left.get(i).role() == spec.role()) {
                    out.add(left.remove(i));
                    break;
                }
        out.addAll(left);
        return p.withTracks(out);
    }

    private static Optional<Boolean> holds(Generator.Result r, String genre) {
        return DrumIdioms.judge(r.piece()).flatMap(v -> v.passes(genre));
    }
}
