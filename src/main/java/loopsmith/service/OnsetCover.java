package loopsmith.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.eval.DrumIdioms;
import loopsmith.music.BarGrid;
import loopsmith.music.DrumGroup;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * A clip's rhythm as onsets, and a drum part made to carry it: every onset gets a hit, the strong ones a kick or a
 * snare. Hits are added only where the model's part leaves an onset bare, and each added drum is the model's own
 * choice where it can be: what the other candidates play there, else the part's timekeeper (its hat or ride).
 *
 * <p>An onset is covered by a hit within a 32nd note, the tolerance {@link DrumIdioms} judges beats with. Notes closer
 * than that are one onset (a chord, a flam). Strong onsets are those on beat 1 and on the bar's middle beat (beat 3
 * of 4/4) and the accents: velocity in the clip's top tenth and above its median.
 */
public final class OnsetCover {
    private static final double ACCENT_QUANTILE = 0.9;
    /** Length of an added hit: drums sound their sample whatever the note's length; a 32nd keeps the clip tidy. */
    private static final int ADDED_HIT_PER_QUARTER = 8;
    private static final int DEFAULT_VELOCITY = 90;

    private OnsetCover() {}

    /** Where a note (or a chord) starts; {@code strong} on beats 1 and 3 or accented. */
    public record Onset(long tick, int velocity, boolean strong) { }

    /**
     * How well a drum part carries a clip's onsets. Coverage alone says little about a busy part (16th hats cover any
     * rhythm), so the share of its kicks and snares that land on an onset is counted too: whether the accents follow.
     */
    public record Coverage(int onsets, int covered, int strong, int strongWithKickOrSnare, int kickSnareHits, int kickSnareOnOnsets) {
        public double share() {
            return onsets == 0 ? 0 : (double) covered / onsets;
        }

        public double strongShare() {
            return strong == 0 ? 1 : (double) strongWithKickOrSnare / strong;
        }

        public double kickSnareOnOnsetsShare() {
            return kickSnareHits == 0 ? 0 : (double) kickSnareOnOnsets / kickSnareHits;
        }
    }

    /** A drum part that carries every onset, and how many hits were added to the model's part for it. */
    public record Followed(Track drums, int added) { }

    static long tolerance(int ticksPerQuarter) {
        return Math.max(1, ticksPerQuarter / 8);
    }

    /** The onsets of every note of {@code clip} (all tracks, drums too), merged within a 32nd, in time order. */
    public static List<Onset> onsets(Piece clip) {
        List<Note> notes = new ArrayList<>();
        for (Track t : clip.tracks()) for (Note n : t.notes()) if (n.startTick() < clip.endTick()) notes.add(n);
        notes.sort(java.util.Comparator.comparingLong(Note::startTick));
        long tol = tolerance(clip.ticksPerQuarter());
        List<long[]> merged = new ArrayList<>(); // {tick, velocity}
        for (Note n : notes) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && n.startTick() - last[0] < tol) last[1] = Math.max(last[1], n.velocity());
            else merged.add(new long[] {n.startTick(), n.velocity()});
        }
        int[] velocities = merged.stream().mapToInt(m -> (int) m[1]).sorted().toArray();
        int accent = velocities.length == 0 ? Integer.MAX_VALUE : velocities[Math.min(velocities.length - 1, (int) (ACCENT_QUANTILE * velocities.length))];
        int median = velocities.length == 0 ? 0 : velocities[velocities.length / 2];
        List<Onset> out = new ArrayList<>(merged.size());
        for (long[] m : merged) {
            boolean accented = m[1] >= accent && m[1] > median;
            out.add(new Onset(m[0], (int) m[1], accented || onStrongBeat(clip, m[0], tol)));
        }
        return out;
    }

    /**
     * Beat 1, or the middle pulse of a bar of an even number of pulses, at least four (beat 3 of 4/4), as {@link
     * DrumIdioms} counts pulses: a dotted quarter in compound meters, else a beat of the denominator.
     */
    private static boolean onStrongBeat(Piece clip, long tick, long tol) {
        BarGrid grid = clip.barGrid();
        long bar = grid.barAt(tick + tol);
        long start = grid.barStartTick(bar);
        if (Math.abs(tick - start) <= tol) return true;
        TimeSignature ts = clip.initialTimeSignature();
        long beat = Math.max(1, (long) clip.ticksPerQuarter() * 4 / ts.denominator());
        long pulse = ts.denominator() >= 8 && ts.numerator() > 3 && ts.numerator() % 3 == 0 ? 3 * beat : beat;
        long pulses = grid.barLengthTicks(bar) / pulse;
        return pulses >= 4 && pulses % 2 == 0 && Math.abs(tick - (start + pulses / 2 * pulse)) <= tol;
    }

    public static Coverage coverage(List<Onset> onsets, Track drums, int ticksPerQuarter) {
        long tol = tolerance(ticksPerQuarter);
        long[] all = starts(drums.notes(), false);
        long[] kickSnare = starts(drums.notes(), true);
        int covered = 0, strong = 0, strongOk = 0;
        for (Onset o : onsets) {
            if (near(all, o.tick(), tol)) covered++;
            if (o.strong()) {
                strong++;
                if (near(kickSnare, o.tick(), tol)) strongOk++;
            }
        }
        long[] onsetTicks = onsets.stream().mapToLong(Onset::tick).sorted().toArray();
        int onOnsets = 0;
        for (long t : kickSnare) if (near(onsetTicks, t, tol)) onOnsets++;
        return new Coverage(onsets.size(), covered, strong, strongOk, kickSnare.length, onOnsets);
    }

    /**
     * {@code drums} with a hit added at every onset it leaves bare and a kick or snare at every strong onset that has
     * neither. The drum added is, by preference, the one the {@code others} (the model's other candidates) play most
     * there; else a kick at strong onsets and the part's timekeeper elsewhere. An addition that would break the
     * genre's idiom the part holds ({@link DrumIdioms}) takes the next choice (a snare on the backbeat of a half-time
     * part becomes the kick or the hat).
     */
    public static Followed follow(Piece piece, Track drums, List<Track> others, List<Onset> onsets, Optional<String> genre) {
        int tpq = piece.ticksPerQuarter();
        long tol = tolerance(tpq);
        List<Note> notes = new ArrayList<>(drums.notes());
        int timekeeper = timekeeper(drums);
        int added = 0;
        for (Onset o : onsets) {
            if (o.tick() >= piece.endTick()) continue;
            boolean bare = !near(starts(notes, false), o.tick(), tol);
            boolean needsKickOrSnare = o.strong() && !near(starts(notes, true), o.tick(), tol);
            if (!bare && !needsKickOrSnare) continue;
            List<Integer> choices = new ArrayList<>(candidatesAt(others, o.tick(), tol, needsKickOrSnare));
            if (needsKickOrSnare) {
                choices.add(GeneralMidi.KICK);
                choices.add(GeneralMidi.SNARE);
            } else {
                choices.add(timekeeper);
            }
            Optional<Boolean> before = passes(piece, notes, drums, genre);
            Note chosen = null;
            for (int pitch : choices) {
                Note hit = new Note(pitch, velocity(drums, pitch, o), o.tick(), Math.max(1, tpq / ADDED_HIT_PER_QUARTER));
                List<Note> with = new ArrayList<>(notes);
                with.add(hit);
                if (chosen == null) chosen = hit;
                if (before.orElse(false) && !passes(piece, with, drums, genre).orElse(false)) continue;
                chosen = hit;
                break;
            }
            notes.add(chosen);
            added++;
        }
        return new Followed(drums.withNotes(notes), added);
    }

    private static Optional<Boolean> passes(Piece piece, List<Note> notes, Track drums, Optional<String> genre) {
        if (genre.isEmpty()) return Optional.empty();
        return DrumIdioms.judge(piece.withTracks(List.of(drums.withNotes(notes)))).flatMap(v -> v.passes(genre.get()));
    }

    /** The pitches the other candidates play within {@code tol} of {@code tick}, most played first. */
    private static List<Integer> candidatesAt(List<Track> others, long tick, long tol, boolean kickOrSnare) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Track t : others)
            for (Note n : t.notes())
                if (Math.abs(n.startTick() - tick) <= tol && (!kickOrSnare || isKickOrSnare(n.pitch()))) counts.merge(n.pitch(), 1, Integer::sum);
        return counts.entrySet().stream().sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The hat or ride the part plays most (the closed hat when it plays neither). */
    static int timekeeper(Track drums) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Note n : drums.notes()) {
            DrumGroup g = DrumGroup.of(n.pitch());
            if (g == DrumGroup.HATS || n.pitch() == GeneralMidi.RIDE) counts.merge(n.pitch(), 1, Integer::sum);
        }
        int best = GeneralMidi.CLOSED_HAT, most = 0;
        for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(counts).entrySet()) // ties go to the lower key
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        return best;
    }

    /** The part's median velocity for that drum; the onset's own (or a firm default) when the part never plays it. */
    private static int velocity(Track drums, int pitch, Onset o) {
        int[] v = drums.notes().stream().filter(n -> n.pitch() == pitch).mapToInt(Note::velocity).sorted().toArray();
        if (v.length > 0) return v[v.length / 2];
        return o.velocity() > 0 ? o.velocity() : DEFAULT_VELOCITY;
    }

    static boolean isKickOrSnare(int pitch) {
        DrumGroup g = DrumGroup.of(pitch);
        return g == DrumGroup.KICK || g == DrumGroup.SNARE;
    }

    private static long[] starts(List<Note> notes, boolean kickOrSnareOnly) {
        return notes.stream().filter(n -> !kickOrSnareOnly || isKickOrSnare(n.pitch())).mapToLong(Note::startTick).sorted().toArray();
    }

    private static boolean near(long[] sorted, long tick, long tol) {
        int i = Arrays.binarySearch(sorted, tick - tol);
        if (i < 0) i = -i - 1;
        return i < sorted.length && sorted[i] <= tick + tol;
    }
}
