package loopsmith.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;
import loopsmith.tokens.Decoded;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.RemiDecoder;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * The generation engine: tags (and optionally a seed piece) in, valid, bar-exact pieces out.
 *
 * <p>Structure is never left to chance: the engine writes the header, every TRACK_START / INST / ROLE, every
 * BAR_START and TRACK_END itself, and the model fills bars. Inside a bar only what the {@link Grammar} allows can be
 * drawn, drum parts only GM percussion keys, pitched parts only their instrument's range (and the key's scale, by
 * the {@link KeyConstraint}); a bar that runs past its token budget is closed at the next note boundary. So every
 * output decodes, with exactly the requested number of bars, whatever the model does. Seed material (continue,
 * accompany, vary) is fed to the model as given and kept token for token.
 *
 * <p>When the sequence outgrows the model's context, the window slides at a bar line: the header, the current
 * track's header and its most recent bars are fed again into a fresh cache.
 */
public final class Generator {
    private static final int MAX_TOKENS_PER_BAR = 160;

    private final LanguageModel model;
    private final Vocabulary vocabulary;
    private final Grammar grammar;
    private final RemiEncoder encoder;

    /** One generated piece, with the numbers that say how it was made. */
    public record Result(Piece piece, List<Token> tokens, long seed, int sampledTokens, int forcedTokens,
                         int windowSlides, int barsClosedEarly) { }

    public Generator(LanguageModel model, Vocabulary vocabulary) {
        if (model.vocabSize() != vocabulary.size())
            throw new IllegalArgumentException("model has " + model.vocabSize() + " tokens, vocabulary " + vocabulary.size());
        this.model = model;
        this.vocabulary = vocabulary;
        this.grammar = new Grammar(vocabulary);
        this.encoder = new RemiEncoder(vocabulary);
    }

    /**
     * One result per variation, seeds seed, seed+1, …. Variations are independent, so with a model that allows
     * concurrent sessions they run side by side on the cores; each is still exactly what its seed gives alone.
     */
    public List<Result> generate(GenerationRequest request) {
        int n = request.variations();
        int threads = model.concurrentSessions() ? Math.min(n, Runtime.getRuntime().availableProcessors()) : 1;
        if (threads <= 1) {
            List<Result> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(one(request.withSeed(request.seed() + i)));
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Result>> jobs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                GenerationRequest r = request.withSeed(request.seed() + i);
                jobs.add(pool.submit(() -> one(r)));
            }
            List<Result> out = new ArrayList<>(n);
            for (java.util.concurrent.Future<Result> j : jobs) out.add(j.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One bar of the plan: tokens to keep, or null to sample. */
    private record TrackPlan(TrackSpec spec, List<List<Token>> bars) { }

    private Result one(GenerationRequest r) {
        List<Token> header = header(r);
        List<TrackPlan> plan = plan(r);
        int bars = plan.isEmpty() ? 0 : plan.get(0).bars().size();
        Session s = new Session(r, bars);
        try (s) {
            s.forceAll(header);
            s.headerLength = s.tokens.size();
            for (TrackPlan track : plan) {
                s.startTrack(track.spec());
                for (List<Token> bar : track.bars()) {
                    if (bar != null) s.forceBar(bar);
                    else s.sampleBar(track.spec());
                }
                s.force(Token.TRACK_END);
            }
            s.force(Token.PIECE_END);
        }
        Decoded decoded = new RemiDecoder(vocabulary).decode(s.tokens);
        if (decoded.repaired()) throw new IllegalStateException("generated tokens needed repair: " + decoded);
        return new Result(finish(decoded.piece(), r), List.copyOf(s.tokens), r.seed(), s.sampled, s.forced, s.slides, s.closedEarly);
    }

    /** The decoded piece with the exact tempo and key asked for (the tokens carry a tempo bin). */
    private static Piece finish(Piece p, GenerationRequest r) {
        Optional<Key> key = r.key().isPresent() ? r.key() : p.key();
        return new Piece(p.ticksPerQuarter(), List.of(new TempoChange(0, r.bpm())), List.of(new TimeSignatureChange(0, r.timeSignature())),
                key, p.tracks(), p.endTick());
    }

    private List<Token> header(GenerationRequest r) {
        List<Token> h = new ArrayList<>();
        h.add(Token.PIECE_START);
        Tags t = r.tags();
        t.genre().map(g -> new Token.Tag(Token.TagKind.GENRE, g)).filter(vocabulary::contains).ifPresent(h::add);
        t.style().map(g -> new Token.Tag(Token.TagKind.STYLE, g)).filter(vocabulary::contains).ifPresent(h::add);
        t.mood().map(g -> new Token.Tag(Token.TagKind.MOOD, g)).filter(vocabulary::contains).ifPresent(h::add);
        h.add(new Token.Tempo(vocabulary.grid().tempoBin(r.bpm())));
        Token.TimeSig ts = new Token.TimeSig(r.timeSignature());
        if (!vocabulary.contains(ts)) throw new IllegalArgumentException("time signature " + r.timeSignature() + " is not in the model's vocabulary");
        h.add(ts);
        r.key().ifPresent(k -> h.add(new Token.KeyTag(k)));
        return h;
    }

    /** Which bars of which tracks are kept and which are sampled, for the request's mode. */
    private List<TrackPlan> plan(GenerationRequest r) {
        List<TrackPlan> plan = new ArrayList<>();
        if (r.mode() == GenerationRequest.Mode.NEW) {
            for (TrackSpec spec : r.tracks()) plan.add(new TrackPlan(spec, nulls(r.bars())));
            return plan;
        }
        Piece seed = r.seedMidi().orElseThrow();
        SeedParts parts = SeedParts.of(encoder.encode(seed, Tags.NONE));
        for (SeedParts.Track t : parts.tracks()) {
            TrackSpec spec = new TrackSpec(t.role().role(), t.instrument().program(), t.instrument().drums());
            List<List<Token>> bars = new ArrayList<>(t.bars());
            switch (r.mode()) {
                case CONTINUE -> bars.addAll(nulls(r.bars()));
                case ACCOMPANY -> { }
                case VARY -> {
                    boolean selected = r.tracks().isEmpty() || r.tracks().stream().anyMatch(x -> x.role() == spec.role());
                    for (int b = Math.max(0, r.varyFromBar()); selected && b <= Math.min(bars.size() - 1, r.varyToBar()); b++) bars.set(b, null);
                }
                default -> throw new AssertionError("unhandled mode " + r.mode());
            }
            plan.add(new TrackPlan(spec, bars));
        }
        if (r.mode() == GenerationRequest.Mode.ACCOMPANY) {
            int bars = parts.tracks().isEmpty() ? r.bars() : parts.tracks().get(0).bars().size();
            for (TrackSpec spec : r.tracks()) plan.add(new TrackPlan(spec, nulls(bars)));
        }
        return plan;
    }

    private static List<List<Token>> nulls(int n) {
        List<List<Token>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(null);
        return out;
    }

    /** The state of one generation: tokens so far, the grammar walk, the model's cache and the pending logits. */
    private final class Session implements AutoCloseable {
        final List<Token> tokens = new ArrayList<>();
        final Grammar.State state;
        final GenerationRequest request;
        final SplittableRandom rnd;
        LanguageModel.Session cache = model.newSession();
        final List<Integer> unfed = new ArrayList<>(); // ids accepted but not yet fed to the model
        float[] logits;
        int headerLength;
        int trackStart;           // index of the current TRACK_START in tokens
        final List<Integer> barStarts = new ArrayList<>(); // indices of the current track's BAR_STARTs
        int sampled;
        int forced;
        int slides;
        int closedEarly;

        Session(GenerationRequest request, int bars) {
            this.request = request;
            this.state = grammar.start(bars);
            this.rnd = new SplittableRandom(request.seed());
        }

        void force(Token t) {
            if (!state.allows(t)) throw new IllegalStateException("engine error: " + t + " not allowed after " + tokens.size() + " tokens");
            accept(t);
            forced++;
        }

        void forceAll(List<Token> ts) {
            for (Token t : ts) force(t);
        }

        private void accept(Token t) {
            if (t.equals(Token.BAR_START)) barStarts.add(tokens.size());
            state.accept(t);
            tokens.add(t);
            unfed.add(vocabulary.id(t));
        }

        void startTrack(TrackSpec spec) {
            trackStart = tokens.size();
            barStarts.clear();
            force(Token.TRACK_START);
            force(spec.drums() ? Token.Instrument.DRUMS : new Token.Instrument(spec.program(), false));
            force(new Token.RoleTag(spec.role()));
        }

        void forceBar(List<Token> bar) {
            forceAll(bar);
        }

        void sampleBar(TrackSpec spec) {
            force(Token.BAR_START);
            int inBar = 0;
            while (true) {
                boolean overBudget = inBar >= MAX_TOKENS_PER_BAR;
                float[] bias = bias(spec, overBudget);
                int id = TokenChooser.choose(logits(), bias, request.sampling(), rnd);
                if (id < 0) throw new IllegalStateException("engine error: no token allowed inside a bar");
                Token t = vocabulary.token(id);
                accept(t);
                sampled++;
                inBar++;
                if (t.equals(Token.BAR_END)) {
                    if (overBudget) closedEarly++;
                    return;
                }
            }
        }

        /** Grammar mask, pitch rules, and past the budget only what leads to BAR_END soonest. */
        private float[] bias(TrackSpec spec, boolean overBudget) {
            float[] bias = new float[vocabulary.size()];
            boolean closable = state.allows(Token.BAR_END);
            for (int i = 0; i < bias.length; i++) {
                Token t = vocabulary.token(i);
                if (!state.allows(t)) {
                    bias[i] = Float.NEGATIVE_INFINITY;
                } else if (overBudget && closable && (t instanceof Token.Position || t instanceof Token.Pitch)) {
                    bias[i] = Float.NEGATIVE_INFINITY; // past the budget: no new note once the bar can close
                } else if (t instanceof Token.Pitch p) {
                    bias[i] = PitchRules.bias(p.pitch(), spec.role(), spec.drums(), request.key(), request.keyConstraint());
                }
            }
            return bias;
        }

        /** Logits for the next token, feeding what is pending first (sliding the window when it would not fit). */
        private float[] logits() {
            if (unfed.isEmpty() && logits != null) return logits;
            int ctx = model.contextTokens();
            if (cache.length() + unfed.size() > ctx) slide(ctx);
            logits = cache.feed(unfed.stream().mapToInt(Integer::intValue).toArray());
            unfed.clear();
            return logits;
        }

        /** Restarts the cache with the header, the current track's header and as many recent whole bars as fit in half. */
        private void slide(int ctx) {
            slides++;
            List<Token> window = new ArrayList<>(tokens.subList(0, headerLength));
            window.addAll(tokens.subList(trackStart, trackStart + 3));
            int currentBar = barStarts.isEmpty() ? tokens.size() : barStarts.get(barStarts.size() - 1);
            int from = currentBar;
            for (int b = barStarts.size() - 2; b >= 0; b--) {
                if (window.size() + (tokens.size() - barStarts.get(b)) > ctx / 2) break;
                from = barStarts.get(b);
            }
            List<Token> tail = tokens.subList(Math.max(from, trackStart + 3), tokens.size());
            if (window.size() + tail.size() > ctx - 1) tail = tail.subList(tail.size() - (ctx - 1 - window.size()), tail.size());
            window.addAll(tail);
            cache.close();
            cache = model.newSession();
            unfed.clear();
            for (Token t : window) unfed.add(vocabulary.id(t));
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    /** The roles a request asks for, in order (for messages). */
    public static List<Role> roles(List<TrackSpec> specs) {
        return specs.stream().map(TrackSpec::role).toList();
    }

    /** Tracks of a piece by role, for tests and callers that check what was kept. */
    public static List<Track> tracksWithRole(Piece p, Role role) {
        return p.tracks().stream().filter(t -> t.role() == role).toList();
    }
}
