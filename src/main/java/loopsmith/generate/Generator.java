package loopsmith.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.library.Swing;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;
import loopsmith.tokens.Decoded;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.PieceTokens;
import loopsmith.tokens.RemiDecoder;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenGrid;
import loopsmith.tokens.Vocabulary;

/**
 * The generation engine: tags (and optionally a seed piece) in, valid, bar-exact pieces out.
 *
 * <p>Structure is never left to chance: the engine writes the header, every part's declaration, every BAR_START and
 * TRK, and the model fills each part's bar in turn, so a part writing bar k hears bar k of the parts before it and
 * every earlier bar of all of them. Only what the {@link Grammar} allows can be drawn, drum parts only GM percussion
 * keys, pitched parts only their instrument's range (and the key's scale, by the {@link KeyConstraint}); a part that
 * runs past its token budget is closed at the next note boundary. So every output decodes, with exactly the requested
 * number of bars, whatever the model does. Seed material is kept token for token; bars to vary or fill are left as
 * FILLs and written after the last bar, with everything before and after them in view.
 *
 * <p>When the sequence outgrows the model's context, the window slides at a bar line: the header, the declarations
 * and the most recent whole bars of every part (around the bar being filled, for infill) go into a fresh cache.
 */
public final class Generator {
    private static final int MAX_TOKENS_PER_PART = 128;
    /** Share of the context a slid window starts with, leaving the rest for the bars still to come. */
    private static final double SLIDE_FILL = 0.6;
    /**
     * A fill is drawn with this share of the asked min-p floor. A drummer's fill is made of the rarer choices, a tom,
     * a crash, a beat left empty before the landing, which the floor set for beats cuts; lowered for every request,
     * the floor loosened the beats as much as it freed the fills (README, "Prompts").
     */
    static final double FILL_MIN_P_SHARE = 0.5;

    private final LanguageModel model;
    private final Vocabulary vocabulary;
    private final int[] events; // min-p's events: see TokenChooser.events
    private final int[] chordEvents; // the same in chord and pad parts: see TokenChooser.chordEvents
    private final Grammar grammar;
    private final RemiEncoder encoder;

    /** One generated piece, with the numbers that say how it was made. */
    public record Result(Piece piece, List<Token> tokens, long seed, int sampledTokens, int forcedTokens,
                         int windowSlides, int barsClosedEarly, Optional<Token.Swing> swing) { }

    public Generator(LanguageModel model, Vocabulary vocabulary) {
        if (model.vocabSize() != vocabulary.size())
            throw new IllegalArgumentException("model has " + model.vocabSize() + " tokens, vocabulary " + vocabulary.size());
        this.model = model;
        this.vocabulary = vocabulary;
        this.grammar = new Grammar(vocabulary);
        this.encoder = new RemiEncoder(vocabulary);
        this.events = TokenChooser.events(vocabulary);
        this.chordEvents = TokenChooser.chordEvents(vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * One result per variation, seeds seed, seed+1, …. Variations are independent, so with a model that allows
     * concurrent sessions they run side by side on the cores; each is still exactly what its seed gives alone.
     */
    public List<Result> generate(GenerationRequest request) {
        int n = request.variations();
        int threads = Math.min(n, model.maxConcurrentSessions());
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
            // A cancelled or timed-out job, told the way a session's own loop tells it (samplePart), not as a bug.
            Thread.currentThread().interrupt();
            java.util.concurrent.CancellationException c = new java.util.concurrent.CancellationException("generation interrupted");
            c.initCause(e);
            throw c;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A part of the plan: its spec, its measured declaration tokens when it comes from the seed, and per bar the tokens
     * to keep, or {@link #SAMPLE} / {@link #FILL} for bars the model writes in place or after the bars.
     */
    private record PartPlan(TrackSpec spec, Optional<List<Token>> declaration, List<List<Token>> bars, int outputIndex) { }

    /** How {@code request}'s tokens are drawn: as it asks, a fill with {@link #FILL_MIN_P_SHARE} of its min-p floor. */
    static SamplingConfig sampling(GenerationRequest request) {
        SamplingConfig asked = request.sampling();
        return request.asksFill() ? asked.withMinP(asked.minP() * FILL_MIN_P_SHARE) : asked;
    }

    private static final List<Token> SAMPLE = List.of();
    private static final List<Token> FILL = List.of(Token.FILL);

    private Result one(GenerationRequest r) {
        List<PartPlan> plan = plan(r);
        int bars = plan.isEmpty() ? 0 : plan.get(0).bars().size();
        Session s = new Session(r, bars, plan.size());
        try (s) {
            s.forceAll(header(r));
            swing(s, r, plan);
            for (PartPlan p : plan) s.declare(p, r);
            s.declarationsEnd = s.tokens.size();
            for (int bar = 0; bar < bars; bar++) {
                s.force(Token.BAR_START);
                for (int part = 0; part < plan.size(); part++) {
                    s.force(new Token.TrackRef(part));
                    List<Token> cell = plan.get(part).bars().get(bar);
                    if (cell != FILL) s.density.startBar(part); // a fill's bar begins when it is written, after the bars
                    if (cell == SAMPLE) s.samplePart(plan.get(part).spec(), nextAfter(part, plan.size(), bar, bars, plan), part, bar == bars - 1);
                    else {
                        s.forceAll(cell);
                        for (Token t : cell) s.density.played(part, t);
                    }
                    s.endCell(bar, part, cell == FILL);
                }
            }
            while (s.state.pendingFills() > 0) {
                s.force(Token.FILL_START);
                int part = s.state.currentPart();
                s.density.startBar(part);
                s.samplePart(plan.get(part).spec(), Token.FILL_END, part, false);
                s.endFill();
                s.force(Token.FILL_END);
            }
            s.force(Token.PIECE_END);
        }
        Decoded decoded = new RemiDecoder(vocabulary).decode(s.tokens);
        if (decoded.repaired()) throw new EngineException("generated tokens needed repair: " + decoded);
        Piece piece = feel(inRequestOrder(decoded.piece(), plan), decoded.swing(), r);
        return new Result(finish(vocabulary.grid().played(piece), r), List.copyOf(s.tokens), r.seed(), s.sampled, s.forced,
                s.slides, s.closedEarly, decoded.swing());
    }

    /** Parts are written in {@link RemiEncoder#PART_ORDER} (harmony before the lines); the result lists them as asked. */
    private static Piece inRequestOrder(Piece p, List<PartPlan> plan) {
        Track[] out = new Track[plan.size()];
        for (int i = 0; i < plan.size(); i++) out[plan.get(i).outputIndex()] = p.tracks().get(i);
        return p.withTracks(List.of(out));
    }

    /** The token the engine writes after a sampled part: the next part's TRK, the next bar, the fills or the end. */
    private static Token nextAfter(int part, int parts, int bar, int bars, List<PartPlan> plan) {
        if (part + 1 < parts) return new Token.TrackRef(part + 1);
        if (bar + 1 < bars) return Token.BAR_START;
        boolean fills = plan.stream().anyMatch(p -> p.bars().contains(FILL));
        return fills ? Token.FILL_START : Token.PIECE_END;
    }

    /** Swing played back as the piece's tag says (unless straight was asked for), then optional quantization. */
    private Piece feel(Piece p, Optional<Token.Swing> swing, GenerationRequest r) {
        Piece out = p;
        long pair = swing.map(sw -> (long) p.ticksPerQuarter() * 8 / sw.unit()).orElse(0L);
        // Swing moves off-beats within their pair; a bar that is no whole number of pairs (7/8 at 8th swing) stays straight.
        if (swing.isPresent() && r.timeSignature().ticksPerBar(p.ticksPerQuarter()) % pair == 0)
            out = Swing.of(pair, swing.get().phase()).applyTo(out);
        int q = r.controls().quantizeSteps();
        if (q > 0) out = quantized(out, p.ticksPerQuarter() / q);
        return out;
    }

    private static Piece quantized(Piece p, long grid) {
        List<Track> tracks = new ArrayList<>();
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                long start = Math.round((double) n.startTick() / grid) * grid;
                long end = Math.max(start + grid, Math.round((double) n.endTick() / grid) * grid);
                if (start < p.endTick()) notes.add(new Note(n.pitch(), n.velocity(), start, Math.min(end, p.endTick()) - start));
            }
            tracks.add(t.withNotes(notes));
        }
        return p.withTracks(tracks);
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
        r.tags().tokens().stream().filter(vocabulary::contains).forEach(h::add);
        h.add(new Token.Tempo(vocabulary.grid().tempoBin(r.bpm())));
        Token.TimeSig ts = new Token.TimeSig(r.timeSignature());
        if (!vocabulary.contains(ts)) throw new IllegalArgumentException("time signature " + r.timeSignature() + " is not in the model's vocabulary");
        h.add(ts);
        r.key().ifPresent(k -> h.add(new Token.KeyTag(k)));
        return h;
    }

    /**
     * The swing tag: as asked, none when straight was asked for, else the model's choice between a swing tag and none
     * (it learned which genres swing). With a seed, the seed was read straight, so it is kept straight.
     */
    private void swing(Session s, GenerationRequest r, List<PartPlan> plan) {
        GenerationRequest.Controls c = r.controls();
        Token firstRole = new Token.RoleTag(plan.get(0).spec().role());
        if (c.straight() || r.seedMidi().isPresent()) return;
        if (c.swingPercent().isPresent()) {
            s.force(TokenGrid.swing(swingUnit(r), c.swingPercent().getAsDouble() / 100));
            return;
        }
        s.sampleOne(t -> t instanceof Token.Swing || t.equals(firstRole), false);
    }

    /** 8th swing for the genres counted in a shuffle, 16th swing (the MPC's) for the rest. */
    private static int swingUnit(GenerationRequest r) {
        String genre = r.tags().genre().orElse("");
        return List.of("jazz", "blues", "country", "gospel", "new-orleans", "rock", "swing").contains(genre)
                || r.tags().style().filter(st -> st.equals("shuffle") || st.equals("swing")).isPresent() && r.bpm() >= 110 ? 8 : 16;
    }

    /** Which bars of which parts are kept, sampled in place, or filled after the bars, for the request's mode. */
    private List<PartPlan> plan(GenerationRequest r) {
        List<PartPlan> plan = new ArrayList<>();
        if (r.mode() == GenerationRequest.Mode.NEW) {
            for (int i = 0; i < r.tracks().size(); i++) plan.add(new PartPlan(r.tracks().get(i), Optional.empty(), cells(r.bars(), SAMPLE), i));
            plan.sort(Comparator.comparing(p -> p.spec().role(), RemiEncoder.partOrder()));
            return plan;
        }
        Piece seed = encoder.quantize(r.seedMidi().orElseThrow());
        int seedBars = (int) encoder.bars(seed);
        for (Track t : seed.tracks()) {
            TrackSpec spec = new TrackSpec(t.role(), t.program(), t.isDrum());
            List<List<Token>> bars = new ArrayList<>(encoder.partBars(t, seedBars, seed));
            switch (r.mode()) {
                case CONTINUE -> bars.addAll(cells(r.bars(), SAMPLE));
                case ACCOMPANY -> { }
                case VARY, INFILL -> {
                    boolean selected = r.mode() == GenerationRequest.Mode.INFILL || r.tracks().isEmpty()
                            || r.tracks().stream().anyMatch(x -> x.role() == spec.role());
                    for (int b = Math.max(0, r.varyFromBar()); selected && b <= Math.min(bars.size() - 1, r.varyToBar()); b++) bars.set(b, FILL);
                }
                default -> throw new AssertionError("unhandled mode " + r.mode());
            }
            plan.add(new PartPlan(spec, Optional.of(encoder.declaration(t, seedBars)), bars, plan.size()));
        }
        if (r.mode() == GenerationRequest.Mode.ACCOMPANY) {
            // The new parts in the order a new idea writes them (harmony before the lines, as trained), listed as asked.
            List<PartPlan> added = new ArrayList<>();
            for (TrackSpec spec : r.tracks()) added.add(new PartPlan(spec, Optional.empty(), cells(seedBars, SAMPLE), plan.size() + added.size()));
            added.sort(Comparator.comparing(p -> p.spec().role(), RemiEncoder.partOrder()));
            plan.addAll(added);
        }
        if (plan.size() > vocabulary.config().maxTracks())
            throw new IllegalArgumentException("the seed and the new parts make " + plan.size() + " parts; at most "
                    + vocabulary.config().maxTracks() + " fit one piece");
        // Kept parts first: a new part then hears the seed's bar k while writing its own bar k.
        return plan;
    }

    private static List<List<Token>> cells(int n, List<Token> cell) {
        List<List<Token>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(cell);
        return out;
    }

    /** The state of one generation: tokens so far, the grammar walk, the model's cache and the pending logits. */
    private final class Session implements AutoCloseable {
        final List<Token> tokens = new ArrayList<>();
        final Grammar.State state;
        final GenerationRequest request;
        /** The request's sampling, with a fill's min-p floor ({@link #FILL_MIN_P_SHARE}). */
        final SamplingConfig sampling;
        final SplittableRandom rnd;
        LanguageModel.Session cache = model.newSession();
        final List<Integer> unfed = new ArrayList<>(); // ids accepted but not yet fed to the model
        float[] logits;
        /** With guidance: the same sequence without its GENRE tag, in a second cache. */
        final boolean guided;
        LanguageModel.Session unconditional;
        final List<Integer> unfedUnconditional = new ArrayList<>();
        int declarationsEnd;
        /** Every finished bar/part cell as written (fills put back once written), for rebuilding a slid window. */
        final List<List<List<Token>>> cells = new ArrayList<>();
        final List<int[]> fills = new ArrayList<>(); // {bar, part} of each FILL, in order
        final List<loopsmith.music.Role> partRoles = new ArrayList<>(); // in declaration order
        int fillsWritten;
        int cellStart;            // index in tokens where the current cell's content began
        int sampled;
        int forced;
        int slides;
        int closedEarly;
        final DensityBudget density;

        Session(GenerationRequest request, int bars, int parts) {
            this.request = request;
            this.density = new DensityBudget(parts);
            this.state = grammar.start(bars);
            this.sampling = sampling(request);
            this.rnd = new SplittableRandom(request.seed());
            this.guided = request.sampling().guidance() != 1.0 && request.tags().genre().isPresent();
            this.unconditional = guided ? model.newSession() : null;
        }

        void force(Token t) {
            if (!state.allows(t)) throw new EngineException(t + " not allowed after " + tokens.size()
                    + " tokens (" + (tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1)) + ")");
            accept(t);
            forced++;
            if (t instanceof Token.TrackRef || t.equals(Token.FILL_START)) cellStart = tokens.size();
        }

        void forceAll(List<Token> ts) {
            for (Token t : ts) force(t);
        }

        private void accept(Token t) {
            state.accept(t);
            tokens.add(t);
            if (t instanceof Token.RoleTag r) partRoles.add(r.role());
            unfed.add(vocabulary.id(t));
            if (guided && !isGenre(t)) unfedUnconditional.add(vocabulary.id(t));
        }

        /** A part's declaration: role and instrument as planned, its controls measured (seed), asked for, or the model's. */
        void declare(PartPlan p, GenerationRequest r) {
            int start = tokens.size();
            TrackSpec spec = p.spec();
            if (p.declaration().isPresent()) {
                forceAll(p.declaration().get());
            } else {
                force(new Token.RoleTag(spec.role()));
                force(spec.drums() ? Token.Instrument.DRUMS : new Token.Instrument(spec.program(), false));
                if (r.controls().density().isPresent()) force(new Token.Density(r.controls().density().get().ordinal()));
                else sampleOne(t -> t instanceof Token.Density, true);
                if (!spec.drums()) sampleOne(t -> t instanceof Token.Polyphony, true);
            }
            for (Token t : tokens.subList(start, tokens.size()))
                if (t instanceof Token.Density d) density.declare(partRoles.size() - 1, spec.role(), spec.drums(), d.level());
        }

        /** Draws one token among those {@code which} accepts (and the grammar allows); none drawn when {@code required} is false and the model prefers another allowed kind. */
        void sampleOne(java.util.function.Predicate<Token> which, boolean required) {
            float[] bias = new float[vocabulary.size()];
            for (int i = 0; i < bias.length; i++) {
                Token t = vocabulary.token(i);
                if (!state.allows(t) || !which.test(t)) bias[i] = Float.NEGATIVE_INFINITY;
            }
            int id = TokenChooser.choose(logits(), bias, sampling, rnd, events);
            if (id < 0) {
                if (required) throw new EngineException("no control token allowed");
                return;
            }
            Token t = vocabulary.token(id);
            if (t instanceof Token.RoleTag) return; // the model chose no swing: the engine writes the declaration
            accept(t);
            sampled++;
        }

        /**
         * Samples a bar (or a fill) of part {@code part} until the model ends it (with {@code end}, which the engine
         * then writes), holding the part to its density. In the part's {@code lastBar}, a part that has not played yet
         * may not end before it plays: a part that was asked for sounds. (The songs it learned from rest their melody
         * for bars at a time, so over a short idea the model can leave an asked part silent.)
         */
        void samplePart(TrackSpec spec, Token end, int part, boolean lastBar) {
            int inPart = 0;
            int[] partEvents = spec.role().playsChords() ? chordEvents : events;
            int endId = vocabulary.id(end);
            while (true) {
                // A server job that is cancelled or past its deadline interrupts its thread: stop at the next token.
                if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("generation interrupted");
                boolean overBudget = inPart >= MAX_TOKENS_PER_PART;
                float[] bias = bias(spec, end, overBudget);
                float endBias = bias[endId];
                boolean mustSound = lastBar && !overBudget && density.silent(part);
                if (mustSound) bias[endId] = Float.NEGATIVE_INFINITY;
                int id = TokenChooser.choose(logits(), bias, sampling, rnd, partEvents);
                if (id < 0 && mustSound) { // the grammar leaves only the end here: end it
                    bias[endId] = endBias;
                    id = TokenChooser.choose(logits(), bias, sampling, rnd, partEvents);
                }
                if (id < 0) throw new EngineException("no token allowed inside a part (phase " + state.phase()
                        + ", part " + state.currentPart() + ", waiting for " + end + ", after " + tokens.subList(Math.max(0, tokens.size() - 12), tokens.size()) + ")");
                Token t = vocabulary.token(id);
                sampled++;
                if (t instanceof Token.Position && state.allows(end) && density.spent(part)) t = end;
                if (t.equals(end)) {
                    if (overBudget) closedEarly++;
                    return;
                }
                accept(t);
                density.played(part, t);
                inPart++;
            }
        }

        /** Grammar mask with structure left to the engine, pitch rules, and past the budget only what ends the part soonest. */
        private float[] bias(TrackSpec spec, Token end, boolean overBudget) {
            float[] bias = new float[vocabulary.size()];
            boolean closable = state.allows(end);
            // A VEL inside a group must be followed by a higher pitch the rules allow; decided once, not per VEL token.
            boolean velocityDeadEnds = state.lastPitch() >= 0 && !higherPitchAllowed(spec);
            float harmonyBonus = (float) request.sampling().harmony() * (spec.role() == loopsmith.music.Role.BASS ? 1f
                    : spec.role() == loopsmith.music.Role.MELODY ? 0.5f : 0f);
            int chordTones = harmonyBonus > 0 ? chordTonesHere() : 0;
            for (int i = 0; i < bias.length; i++) {
                Token t = vocabulary.token(i);
                boolean structural = t instanceof Token.Special || t instanceof Token.TrackRef;
                if (!state.allows(t) || (structural && !t.equals(end))) {
                    bias[i] = Float.NEGATIVE_INFINITY;
                } else if (overBudget && closable && !t.equals(end)) {
                    bias[i] = Float.NEGATIVE_INFINITY; // past the budget: no new note once the part can end
                } else if (t instanceof Token.Velocity && velocityDeadEnds) {
                    bias[i] = Float.NEGATIVE_INFINITY;
                } else if (t instanceof Token.Pitch p) {
                    bias[i] = PitchRules.bias(p.pitch(), spec.role(), spec.drums(), request.key(), request.keyConstraint());
                    if ((chordTones & (1 << (p.pitch() % 12))) != 0) bias[i] += harmonyBonus;
                } else if (t instanceof Token.DrumHit h) {
                    bias[i] = PitchRules.bias(h.key(), spec.role(), true, request.key(), request.keyConstraint());
                }
            }
            return bias;
        }

        /**
         * The chord part's tones sounding where the current group is, in the bar being written (its chords are
         * written first); 0 when there is no chord part, it is not written yet in this bar, or it is a gap to fill.
         */
        private int chordTonesHere() {
            int chords = partRoles.indexOf(loopsmith.music.Role.CHORDS);
            if (chords < 0) chords = partRoles.indexOf(loopsmith.music.Role.PAD);
            if (chords < 0) return 0;
            int bar = state.inFill() ? fills.get(fillsWritten)[0] : state.bars() - 1;
            if (bar < 0 || bar >= cells.size() || chords >= cells.get(bar).size()) return 0;
            List<Token> chordCell = cells.get(bar).get(chords);
            if (chordCell.contains(Token.FILL)) return 0;
            int step = Harmony.currentStep(tokens.subList(cellStart, tokens.size()));
            return step < 0 ? 0 : Harmony.at(chordCell, step);
        }

        private boolean higherPitchAllowed(TrackSpec spec) {
            for (int p = state.lastPitch() + 1; p <= loopsmith.music.Note.MAX_PITCH; p++)
                if (PitchRules.bias(p, spec.role(), spec.drums(), request.key(), request.keyConstraint()) != Float.NEGATIVE_INFINITY) return true;
            return false;
        }

        /** Records a finished bar cell (its tokens, or FILL) for window rebuilding. */
        void endCell(int bar, int part, boolean fill) {
            if (cells.size() <= bar) cells.add(new ArrayList<>());
            cells.get(bar).add(new ArrayList<>(tokens.subList(cellStart, tokens.size())));
            if (fill) fills.add(new int[] {bar, part});
        }

        /** Puts a written fill back into its bar, so a window rebuilt later shows it as music, not as a FILL. */
        void endFill() {
            int[] at = fills.get(fillsWritten++);
            cells.get(at[0]).set(at[1], new ArrayList<>(tokens.subList(cellStart, tokens.size())));
        }

        /** Logits for the next token, feeding what is pending first (sliding the window when it would not fit). */
        private float[] logits() {
            if (unfed.isEmpty() && logits != null) return logits;
            int ctx = model.contextTokens();
            if (cache.length() + unfed.size() > ctx) slide(ctx);
            logits = cache.feed(unfed.stream().mapToInt(Integer::intValue).toArray());
            unfed.clear();
            if (guided) {
                float[] u = unconditional.feed(unfedUnconditional.stream().mapToInt(Integer::intValue).toArray());
                unfedUnconditional.clear();
                float w = (float) request.sampling().guidance();
                for (int i = 0; i < logits.length; i++) logits[i] = u[i] + w * (logits[i] - u[i]);
            }
            return logits;
        }

        /**
         * Restarts the cache with the header and declarations, whole bars of every part (the most recent ones while
         * bars are written; those around the filled bar while fills are), and the bar or fill in progress.
         */
        private void slide(int ctx) {
            slides++;
            List<Token> head = new ArrayList<>(tokens.subList(0, declarationsEnd));
            List<Token> current; // what the grammar walk has seen since the last finished cell boundary
            int focus;           // the bar the window is built around
            boolean filling = state.inFill() || state.phase() == Grammar.Phase.FILLS;
            if (filling) {
                int[] at = fills.get(fillsWritten);
                focus = at[0];
                List<Token> fill = new ArrayList<>();
                fill.add(Token.FILL_START);
                fill.addAll(tokens.subList(cellStart, tokens.size()));
                current = fill;
            } else {
                focus = state.bars() - 1;
                int barStart = tokens.lastIndexOf(Token.BAR_START);
                current = barStart < 0 ? List.of() : new ArrayList<>(tokens.subList(barStart, tokens.size()));
            }
            int budget = (int) (ctx * SLIDE_FILL) - head.size() - current.size();
            int from = focus;
            int to = filling ? focus + 1 : focus; // bars [from, to) go in; a filled bar itself always does
            int used = filling ? barLength(focus) : 0;
            boolean grew = true;
            while (grew) {
                grew = false;
                if (filling && to < cells.size() && used + barLength(to) <= budget) {
                    used += barLength(to++);
                    grew = true;
                }
                if (from > 0 && used + barLength(from - 1) <= budget) {
                    used += barLength(--from);
                    grew = true;
                }
            }
            List<Token> window = new ArrayList<>(head);
            for (int b = from; b < to; b++) window.addAll(barTokens(b));
            window.addAll(current);
            if (window.size() > ctx - 1) { // one bar in progress is longer than the context: keep the head, cut the bar's start
                List<Token> kept = new ArrayList<>(head);
                kept.addAll(current.subList(Math.max(0, current.size() - (ctx - 1 - head.size())), current.size()));
                window = kept;
            }
            cache.close();
            cache = model.newSession();
            unfed.clear();
            for (Token t : window) unfed.add(vocabulary.id(t));
            if (guided) {
                unconditional.close();
                unconditional = model.newSession();
                unfedUnconditional.clear();
                for (Token t : window) if (!isGenre(t)) unfedUnconditional.add(vocabulary.id(t));
            }
        }

        private int barLength(int bar) {
            int n = 1;
            for (List<Token> cell : cells.get(bar)) n += cell.size() + 1;
            return n;
        }

        /** A finished bar as tokens: written fills as music, fills still to come as FILL. */
        private List<Token> barTokens(int bar) {
            List<Token> out = new ArrayList<>();
            out.add(Token.BAR_START);
            List<List<Token>> parts = cells.get(bar);
            for (int p = 0; p < parts.size(); p++) {
                out.add(new Token.TrackRef(p));
                out.addAll(parts.get(p));
            }
            return out;
        }

        @Override
        public void close() {
            cache.close();
            if (unconditional != null) unconditional.close();
        }
    }

    private static boolean isGenre(Token t) {
        return t instanceof Token.Tag tag && tag.kind() == Token.TagKind.GENRE;
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
