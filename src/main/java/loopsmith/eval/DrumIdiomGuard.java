package loopsmith.eval;

import java.util.ArrayList;
import java.util.List;
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
 * drums do not, the model writes more drum parts for the genre (its own candidates, other seeds), the first that holds
 * the idiom is kept, and the other parts are written again around it (accompany mode, so every bar of them hears the
 * drums). An idea whose drums hold the idiom is left exactly as the model wrote it, so the check costs nothing then.
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
    /** Apart from the idea's seed, so candidates never repeat another variation's drums. */
    private static final long SEED_STRIDE = 7919;

    private DrumIdiomGuard() {}

    /**
     * @param holds      whether the drums hold the genre's idiom; empty when the genre has none to hold or there are no new drums
     * @param candidates drum parts written to find it
     * @param drumsSeed  the seed of the drums kept
     */
    public record Kept(Generator.Result result, Optional<Boolean> holds, int candidates, long drumsSeed) { }

    public static Kept keep(Generator generator, GenerationRequest request, Generator.Result made, Optional<String> genre) {
        List<TrackSpec> drums = request.tracks().stream().filter(t -> t.role() == Role.DRUMS).toList();
        boolean judged = genre.isPresent() && request.mode() == GenerationRequest.Mode.NEW && !drums.isEmpty()
                && DrumIdioms.required(genre.get()).map(sets -> !sets.isEmpty()).orElse(false);
        if (!judged) return new Kept(made, Optional.empty(), 1, made.seed());
        Optional<Boolean> own = holds(made, genre.get());
        if (own.orElse(true)) return new Kept(made, own, 1, made.seed());

        SamplingConfig guided = request.sampling().withGuidance(Math.max(request.sampling().guidance(), RETRY_GUIDANCE));
        List<Draws> draws = List.of(new Draws(request.tags(), request.sampling(), made.seed() + SEED_STRIDE, CANDIDATES - 1),
                new Draws(programmed(request.tags(), generator), guided, made.seed() + 2 * SEED_STRIDE, GUIDED_CANDIDATES));
        List<Generator.Result> tried = new ArrayList<>();
        Optional<Generator.Result> found = Optional.empty();
        for (Draws d : draws) {
            List<Generator.Result> batch = generator.generate(new GenerationRequest(d.tags(), request.bpm(), request.timeSignature(),
                    request.key(), request.bars(), drums, request.keyConstraint(), d.sampling(), d.seed(), d.count(), Optional.empty(),
                    GenerationRequest.Mode.NEW, 0, -1, request.controls()));
            tried.addAll(batch);
            found = batch.stream().filter(r -> holds(r, genre.get()).orElse(false)).findFirst();
            if (found.isPresent()) break;
        }
        if (found.isEmpty()) return new Kept(made, Optional.of(false), 1 + tried.size(), made.seed());
        // Accompany writes them harmony first, as a new idea is written (Generator.plan), so each bar's bass and
        // melody hear its chords.
        List<TrackSpec> others = request.tracks().stream().filter(t -> t.role() != Role.DRUMS).toList();
        int written = 1 + tried.indexOf(found.get()) + 1;
        if (others.isEmpty()) return new Kept(found.get(), Optional.of(true), written, found.get().seed());
        GenerationRequest around = new GenerationRequest(request.tags(), request.bpm(), request.timeSignature(), request.key(),
                request.bars(), others, request.keyConstraint(), request.sampling(), made.seed(), 1, Optional.of(found.get().piece()),
                GenerationRequest.Mode.ACCOMPANY, 0, -1, request.controls());
        Generator.Result rest = generator.generate(around).get(0);
        // The engine reads a seed straight and keeps it so: the drums' swing is played back on the whole idea here.
        Piece piece = swung(rest.piece(), found.get().swing(), request);
        Generator.Result kept = new Generator.Result(inRequestOrder(piece, request.tracks()), rest.tokens(), made.seed(),
                rest.sampledTokens(), rest.forcedTokens(), rest.windowSlides(), rest.barsClosedEarly(), found.get().swing());
        return new Kept(kept, Optional.of(true), written, found.get().seed());
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

    /** The piece with the drums' swing, where the meter holds whole pairs and no quantization was asked for. */
    private static Piece swung(Piece p, Optional<Token.Swing> swing, GenerationRequest request) {
        if (swing.isEmpty() || request.controls().quantizeSteps() > 0) return p;
        long pair = (long) p.ticksPerQuarter() * 8 / swing.get().unit();
        if (request.timeSignature().ticksPerBar(p.ticksPerQuarter()) % pair != 0) return p;
        return Swing.of(pair, swing.get().phase()).applyTo(p);
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
