package loopsmith.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleBiFunction;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Interpolate: clips that move from clip A to clip B of the same part in even steps, as a path of note edits.
 *
 * <p>The notes both clips play (same pitch at the same grid step) stay throughout, their velocity, timing and length
 * moving from A's towards B's. The notes only A plays leave and the notes only B plays arrive, an even share at each
 * step, so the first clip is A, the last is B and every step is nearer B than the one before. Which notes go and come
 * first is the model's choice: A's notes leave in the order the model finds them least expected in what is left of A
 * (ornaments before the backbone), and B's notes arrive in the reverse of the order they would leave B by the same
 * rule (B's backbone before its ornaments). So the middle step is the backbone of A with the backbone of B, as the
 * model that learned the producer's style hears them. Without a model the backbone is the metric one: notes on the
 * downbeat and the beats before off-beats.
 *
 * <p>A latent space (MusicVAE's interpolation) would invent notes neither clip plays; Loopsmith's models are
 * autoregressive and have none, and the edit path keeps every in-between made of the producer's own two ideas.
 */
public final class Interpolation {
    public static final int MIN_STEPS = 3;
    public static final int MAX_STEPS = 16;
    public static final int DEFAULT_STEPS = 5;

    /** How unexpected each note of a one-part clip is: note key ({@link #key}) → cost in nats; higher is less expected. */
    public interface Surprise {
        Map<Long, Double> of(Piece clip);
    }

    /**
     * @param steps  the clips from A to B, both included
     * @param shared notes both clips play
     * @param onlyA  notes only A plays (they leave)
     * @param onlyB  notes only B plays (they arrive)
     */
    public record Result(List<Piece> steps, int shared, int onlyA, int onlyB) {
        public Result {
            steps = List.copyOf(steps);
        }

        /** The steps one after another as one clip, {@code steps × A's length} long: the transition to play. */
        public Piece sequence() {
            Piece first = steps.get(0);
            long length = first.endTick();
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++)
                for (Note n : steps.get(i).tracks().get(0).notes())
                    notes.add(new Note(n.pitch(), n.velocity(), n.startTick() + i * length, n.durationTicks()));
            return first.withTracks(List.of(first.tracks().get(0).withNotes(notes))).withEndTick(length * steps.size());
        }
    }

    private final int positionsPerQuarter;
    private final Optional<Surprise> surprise;
    private final ToDoubleBiFunction<Piece, Piece> towardB;

    /**
     * @param positionsPerQuarter the grid notes are matched on (the model's, so its surprise keys line up)
     * @param surprise            the model's judgement; empty: the metric backbone
     * @param similarity          how alike two clips are (the measure the steps are judged by): an edit that would
     *                            make a step less like B than the step before waits for a later step
     */
    public Interpolation(int positionsPerQuarter, Optional<Surprise> surprise, ToDoubleBiFunction<Piece, Piece> similarity) {
        if (positionsPerQuarter < 1) throw new IllegalArgumentException("positionsPerQuarter must be >= 1");
        this.positionsPerQuarter = positionsPerQuarter;
        this.surprise = surprise;
        this.towardB = similarity;
    }

    /** A note's key: its grid step and pitch, as the tokenizer rounds onsets (halves up). */
    public static long key(Note n, int ticksPerQuarter, int positionsPerQuarter) {
        long step = Math.floorDiv(2 * n.startTick() * positionsPerQuarter + ticksPerQuarter, 2L * ticksPerQuarter);
        return step * 128 + n.pitch();
    }

    /**
     * The clips from {@code a} to {@code b}: one part each, at the same resolution and length (the caller checks and
     * says which clip is wrong). {@code seed} breaks ties between notes scored alike.
     */
    public Result between(Piece a, Piece b, int steps, long seed) {
        if (steps < MIN_STEPS || steps > MAX_STEPS) throw new IllegalArgumentException("steps must be " + MIN_STEPS + ".." + MAX_STEPS);
        if (a.tracks().size() != 1 || b.tracks().size() != 1) throw new IllegalArgumentException("one part per clip");
        if (a.ticksPerQuarter() != b.ticksPerQuarter() || a.endTick() != b.endTick())
            throw new IllegalArgumentException("clips differ in resolution or length");
        int tpq = a.ticksPerQuarter();
        Track partA = a.tracks().get(0), partB = b.tracks().get(0);

        // Pair the notes with the same key, in order; the rest belong to one clip only.
        Map<Long, List<Note>> byKeyB = new HashMap<>();
        for (Note n : partB.notes()) byKeyB.computeIfAbsent(key(n, tpq, positionsPerQuarter), k -> new ArrayList<>()).add(n);
        List<Note[]> shared = new ArrayList<>();
        List<Note> onlyA = new ArrayList<>();
        for (Note n : partA.notes()) {
            List<Note> same = byKeyB.get(key(n, tpq, positionsPerQuarter));
            if (same != null && !same.isEmpty()) shared.add(new Note[] {n, same.remove(0)});
            else onlyA.add(n);
        }
        List<Note> onlyB = new ArrayList<>(); // what pairing left in B, in B's order
        for (Note n : partB.notes()) if (byKeyB.get(key(n, tpq, positionsPerQuarter)).remove(n)) onlyB.add(n);

        // The two orders are independent: A's is worked out on another thread while this one works out B's.
        CompletableFuture<List<Note>> fromA = CompletableFuture.supplyAsync(
                () -> leaveOrder(a, partA, shared, onlyA, 0, steps, new Random(seed)));     // A's notes, first to leave first
        List<Note> arriving = new ArrayList<>(leaveOrder(b, partB, shared, onlyB, 1, steps, new Random(~seed)));
        Collections.reverse(arriving); // B's notes, first to arrive first
        List<Note> leaving;
        try {
            leaving = fromA.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }

        boolean monophonic = !partA.isDrum() && isMonophonic(partA, tpq) && isMonophonic(partB, tpq);
        Piece target = b;
        List<Note> gone = new ArrayList<>(), come = new ArrayList<>();
        List<Note> toLeave = new ArrayList<>(leaving), toCome = new ArrayList<>(arriving);
        List<Piece> out = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            double t = (double) k / (steps - 1);
            Step step = new Step(a, b, partA, partB, shared, onlyA, gone, come, t, k < steps / 2.0, monophonic);
            if (k == steps - 1) {
                gone.addAll(toLeave);
                come.addAll(toCome);
            } else if (k > 0) {
                // The share due by now, in the model's order; an edit that would take this step further from B waits.
                double near = towardB.applyAsDouble(step.clip(), target);
                near = edit(toLeave, gone, share(leaving.size(), t) - gone.size(), step, target, near);
                edit(toCome, come, share(arriving.size(), t) - come.size(), step, target, near);
            }
            out.add(step.clip());
        }
        return new Result(out, shared.size(), onlyA.size(), onlyB.size());
    }

    /**
     * Makes up to {@code due} edits from {@code pending} (in order) into {@code done}, each only if the step stays at
     * least as near B as it was ({@code near}); returns the nearness after them.
     */
    private double edit(List<Note> pending, List<Note> done, int due, Step step, Piece target, double near) {
        int made = 0;
        for (int i = 0; i < pending.size() && made < due; ) {
            done.add(pending.get(i));
            double now = towardB.applyAsDouble(step.clip(), target);
            if (now >= near - 1e-9) {
                near = now;
                pending.remove(i);
                made++;
            } else {
                done.remove(done.size() - 1);
                i++;
            }
        }
        return near;
    }

    /** One step as it is being made: the shared notes a fraction {@code t} of the way, A's not yet gone, B's come. */
    private record Step(Piece a, Piece b, Track partA, Track partB, List<Note[]> shared, List<Note> onlyA, List<Note> gone,
                        List<Note> come, double t, boolean nearA, boolean monophonic) {
        Piece clip() {
            List<Note> notes = new ArrayList<>();
            for (Note[] pair : shared) notes.add(lerp(pair[0], pair[1], t));
            java.util.Set<Note> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            left.addAll(gone);
            for (Note n : onlyA) if (!left.contains(n)) notes.add(n);
            notes.addAll(come);
            if (monophonic) notes = oneAtATime(notes, a.ticksPerQuarter() / LEGATO_PER_QUARTER);
            return (nearA ? a : b).withTracks(List.of((nearA ? partA : partB).withNotes(notes)));
        }
    }

    /** How many of {@code n} edits are made by fraction {@code t} of the way: 0 at A, all at B, evenly between. */
    static int share(int n, double t) {
        return (int) Math.round(n * t);
    }

    /**
     * The order {@code own}'s one-clip notes leave {@code clip}: at each step, the share due to leave goes, those the
     * model finds least expected in what is left first (re-judged after every step, as leaving changes the context).
     * {@code side} 0 takes the shared notes as A plays them, 1 as B does.
     */
    private List<Note> leaveOrder(Piece clip, Track part, List<Note[]> shared, List<Note> own, int side, int steps, Random random) {
        List<Note> remaining = new ArrayList<>(own);
        List<Note> order = new ArrayList<>(own.size());
        List<Note> kept = shared.stream().map(p -> p[side]).toList();
        for (int k = 1; k < steps && !remaining.isEmpty(); k++) {
            int due = share(own.size(), (double) k / (steps - 1)) - order.size();
            if (due <= 0) continue;
            List<Note> now = new ArrayList<>(kept);
            now.addAll(remaining);
            Map<Note, Double> cost = costs(clip.withTracks(List.of(part.withNotes(now))), remaining, random);
            remaining.sort(Comparator.comparingDouble((Note n) -> cost.get(n)).reversed());
            List<Note> going = new ArrayList<>(remaining.subList(0, Math.min(due, remaining.size())));
            order.addAll(going);
            remaining.subList(0, going.size()).clear();
        }
        order.addAll(remaining);
        return order;
    }

    /** Each note's cost: the model's surprise where it has one, else the metric weakness; a little noise breaks ties. */
    private Map<Note, Double> costs(Piece clip, List<Note> notes, Random random) {
        int tpq = clip.ticksPerQuarter();
        Map<Long, Double> model = surprise.map(s -> s.of(clip)).orElse(Map.of());
        Map<Note, Double> out = new LinkedHashMap<>();
        for (Note n : notes) {
            Double s = model.get(key(n, tpq, positionsPerQuarter));
            // A note the model does not write (off its drum keys) is as unexpected as can be: it leaves first.
            double c = s != null ? s : surprise.isPresent() ? Double.MAX_VALUE / 4 : weakness(n, clip);
            out.put(n, c + random.nextDouble() * 1e-6);
        }
        return out;
    }

    /**
     * Without a model: how far from the beat a note lies. Downbeats 0, beats 1, eighths 2, sixteenths 3, anything
     * finer 4; a quiet note counts as weaker than a loud one on the same level.
     */
    static double weakness(Note n, Piece clip) {
        long tpq = clip.ticksPerQuarter();
        long inBar = n.startTick() - clip.barGrid().barStartTick(clip.barGrid().barAt(n.startTick()));
        double level = inBar == 0 ? 0 : inBar % tpq == 0 ? 1 : (2 * inBar) % tpq == 0 ? 2 : (4 * inBar) % tpq == 0 ? 3 : 4;
        return level + (127 - n.velocity()) / 256.0;
    }

    /** A shared note a fraction {@code t} of the way from A's playing of it to B's. */
    private static Note lerp(Note a, Note b, double t) {
        return new Note(a.pitch(), (int) Math.round(a.velocity() + t * (b.velocity() - a.velocity())),
                Math.round(a.startTick() + t * (b.startTick() - a.startTick())),
                Math.max(1, Math.round(a.durationTicks() + t * (b.durationTicks() - a.durationTicks()))));
    }

    /** One note at a time: no two share an onset, and none sounds on past the next by more than a 32nd (legato). */
    static boolean isMonophonic(Track t, int ticksPerQuarter) {
        List<Note> notes = t.notes();
        for (int i = 1; i < notes.size(); i++) {
            Note prev = notes.get(i - 1), n = notes.get(i);
            if (n.startTick() == prev.startTick() || prev.endTick() - n.startTick() > ticksPerQuarter / LEGATO_PER_QUARTER) return false;
        }
        return true;
    }

    /** How much one note of a line may ring into the next (legato), as a share of a quarter: a 32nd. */
    private static final int LEGATO_PER_QUARTER = 8;

    /**
     * A line stays a line: a note ringing into the next onset by more than legato ends there, and of two at one onset
     * the later-listed is dropped. A clip that passes {@link #isMonophonic} is left as it is.
     */
    private static List<Note> oneAtATime(List<Note> notes, long legato) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(null);
        List<Note> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Note n = sorted.get(i);
            if (!out.isEmpty() && out.get(out.size() - 1).startTick() == n.startTick()) continue;
            long next = i + 1 < sorted.size() ? sorted.get(i + 1).startTick() : Long.MAX_VALUE;
            out.add(n.endTick() - next > legato && next > n.startTick() ? new Note(n.pitch(), n.velocity(), n.startTick(), next - n.startTick()) : n);
        }
        return out;
    }
}
