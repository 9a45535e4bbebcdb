package loopsmith.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import loopsmith.music.BarGrid;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * The drum idioms a genre's beat should show, judged bar by bar on the pulse grid of the piece's meter, and the table
 * of which idioms each genre requires.
 *
 * <p>The pulse is a beat of the denominator (a quarter in 4/4 and 3/4), or a dotted quarter in compound meters (6/8,
 * 9/8, 12/8), so "beat 3 of 4/4" is pulse 3 and the 6/8 backbeat is pulse 2. An onset within ±1/32 note of a grid
 * point is on it: wide enough for humanized timing and a late lo-fi snare, narrow enough that a 16th is never taken
 * for its neighbouring beat. Drum sounds are GM keys: kick 35/36; snare, side stick and clap 37–40; hats 42/44/46 (and 22/26, Roland's hat edges);
 * rides 51/53/59. All drum tracks of a piece count as one kit: a part is the piece's drums.
 *
 * <p>The table follows what the starter corpus ({@code starter/DrumParts}) plays per genre, kept to the idioms that
 * define a genre's beat rather than everything its loops happen to share; genres whose drums are no fixed pattern
 * (ambient) require none, and genres absent from the table (folk, latin, soul…) are not judged.
 */
public final class DrumIdioms {
    /** A part holds a per-bar idiom when at least this share of its bars does: 3 bars of 4 and 6 of 8, so a fill
     * or a break in one bar of a 4-bar phrase does not fail it, while a part that drops the idiom for half its
     * length does fail. */
    public static final double BAR_SHARE = 0.75;

    private static final Set<Integer> KICKS = Set.of(35, 36);
    private static final Set<Integer> SNARES = Set.of(37, 38, 39, 40); // side stick, snare, clap, electric snare
    // Closed, pedal, open; and 22/26, the hi-hat edge keys of Roland kits that the Groove corpus (shared/corpus/groove)
    // is recorded with, where they carry most of the hat playing.
    private static final Set<Integer> HATS = Set.of(42, 44, 46, 22, 26);
    private static final Set<Integer> RIDES = Set.of(51, 53, 59); // ride, ride bell, ride 2
    private static final Set<Integer> CYMBALS = union(HATS, RIDES);
    private static final Set<Integer> KICKS_AND_SNARES = union(KICKS, SNARES);

    /** Skip notes of a ride pattern sit in the back half of a pulse: the straight "and" (0.5) to a hard swing (0.8). */
    private static final double SKIP_FROM = 0.4;
    private static final double SKIP_TO = 0.85;

    public enum Idiom {
        /** Kick on every pulse. */
        FOUR_ON_THE_FLOOR,
        /** Snare or clap on every even pulse: 2 and 4 in 4/4, 2 in 3/4 and 6/8. */
        BACKBEAT,
        /** Snare or clap half-way through the bar (beat 3 of 4/4) and on none of the backbeat pulses; needs an even
         * pulse count of at least 4. */
        HALF_TIME,
        /** Kick or snare/rim half-way through the bar (beat 3 of 4/4) and no kick on beat 1; even pulse count >= 4. */
        ONE_DROP,
        /** A hat (closed, pedal or open) on the "and" of every pulse. */
        OFF_BEAT_HATS,
        /** Somewhere in the part, three hat hits in a row each less than 3/4 of a 16th apart: 32nd and 16th-triplet
         * rolls; swung 16ths (alternating long and short gaps) and flams are not rolls. Judged on the whole part. */
        HAT_ROLLS,
        /** The jazz ride: a ride or hat on every pulse, and skip notes in the back half of some pulses but not all
         * (the "a" before beats 2 and 4 of spang-a-lang). A cymbal on every 8th is straight time, not this. Whether
         * the skips swing is {@link SwingMeasure}'s business: cleaning straightens reference swing. */
        SWUNG_RIDE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Map<String, List<Set<Idiom>>> REQUIRED = Map.ofEntries(
            Map.entry("house", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR, Idiom.OFF_BEAT_HATS))),
            Map.entry("techno", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR))),
            Map.entry("disco", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR, Idiom.OFF_BEAT_HATS))),
            Map.entry("trance", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR))),
            Map.entry("edm", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR))),
            Map.entry("dance", List.of(Set.of(Idiom.FOUR_ON_THE_FLOOR))),
            Map.entry("hip-hop", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("boom-bap", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("lo-fi", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("neo-soul", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("funk", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("pop", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("rock", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("drum-and-bass", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("garage", List.of(Set.of(Idiom.BACKBEAT))),
            Map.entry("trap", List.of(Set.of(Idiom.HALF_TIME, Idiom.HAT_ROLLS))),
            Map.entry("drill", List.of(Set.of(Idiom.HALF_TIME))),
            Map.entry("dubstep", List.of(Set.of(Idiom.HALF_TIME))),
            // One-drop, or steppers: a kick on every beat under the rim on 3, which is four-on-the-floor + half-time.
            Map.entry("reggae", List.of(Set.of(Idiom.ONE_DROP), Set.of(Idiom.FOUR_ON_THE_FLOOR, Idiom.HALF_TIME))),
            Map.entry("jazz", List.of(Set.of(Idiom.SWUNG_RIDE))),
            Map.entry("ambient", List.of()));

    private DrumIdioms() {}

    /**
     * The idiom sets a genre's drums may pass (any one of them, all idioms of that set); an empty list for a genre
     * whose drums follow no fixed pattern; empty when the genre is not in the table.
     */
    public static Optional<List<Set<Idiom>>> required(String genre) {
        return Optional.ofNullable(REQUIRED.get(genre));
    }

    /** The genres of the table, sorted. */
    public static List<String> genres() {
        return REQUIRED.keySet().stream().sorted().toList();
    }

    /**
     * What one drum part shows: per bar, the per-bar idioms it holds, and whether it rolls its hats (judged on the whole
     * part).
     */
    public record PartVerdict(List<Set<Idiom>> perBar, boolean hatRolls) {
        public PartVerdict {
            perBar = perBar.stream().map(s -> s.isEmpty() ? Set.<Idiom>of() : Set.copyOf(s)).toList();
        }

        public int bars() {
            return perBar.size();
        }

        /** How many bars hold each per-bar idiom. */
        public Map<Idiom, Integer> barsHolding() {
            Map<Idiom, Integer> out = new EnumMap<>(Idiom.class);
            for (Set<Idiom> bar : perBar) for (Idiom i : bar) out.merge(i, 1, Integer::sum);
            return out;
        }

        public boolean holds(Idiom idiom) {
            if (idiom == Idiom.HAT_ROLLS) return hatRolls;
            return bars() > 0 && barsHolding().getOrDefault(idiom, 0) >= BAR_SHARE * bars();
        }

        /** Whether the part passes one of the genre's idiom sets; empty when the genre requires none or is unknown. */
        public Optional<Boolean> passes(String genre) {
            List<Set<Idiom>> alternatives = REQUIRED.get(genre);
            if (alternatives == null || alternatives.isEmpty()) return Optional.empty();
            return Optional.of(alternatives.stream().anyMatch(set -> set.stream().allMatch(this::holds)));
        }

        /**
         * The bars that break the genre's idiom: those not holding every per-bar idiom of the accepted set most bars
         * hold (the first such set on a tie). Empty when the genre requires none or is unknown.
         */
        public List<Integer> barsBreaking(String genre) {
            List<Set<Idiom>> alternatives = REQUIRED.get(genre);
            if (alternatives == null || alternatives.isEmpty()) return List.of();
            Set<Idiom> target = null;
            int most = -1;
            for (Set<Idiom> set : alternatives) {
                int holding = (int) perBar.stream().filter(bar -> holdsBar(bar, set)).count();
                if (holding > most) {
                    most = holding;
                    target = set;
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int b = 0; b < perBar.size(); b++) if (!holdsBar(perBar.get(b), target)) out.add(b);
            return out;
        }

        private static boolean holdsBar(Set<Idiom> bar, Set<Idiom> set) {
            return set.stream().allMatch(i -> i == Idiom.HAT_ROLLS || bar.contains(i));
        }
    }

    /** The piece's drums judged over all its bars (bars without a hit count, and fail); empty without drum notes. */
    public static Optional<PartVerdict> judge(Piece piece) {
        List<Note> drums = new ArrayList<>();
        for (Track t : piece.tracks()) if (t.isDrum()) drums.addAll(t.notes());
        if (drums.isEmpty() || piece.lengthBars() == 0) return Optional.empty();
        int tpq = piece.ticksPerQuarter();
        long tolerance = Math.max(1, tpq / 8); // a 32nd note
        Onsets kicks = Onsets.of(drums, KICKS), snares = Onsets.of(drums, SNARES), hats = Onsets.of(drums, HATS);
        Onsets cymbals = Onsets.of(drums, CYMBALS), kicksAndSnares = Onsets.of(drums, KICKS_AND_SNARES);
        List<Set<Idiom>> perBar = new ArrayList<>();
        BarGrid grid = piece.barGrid();
        int bars = (int) piece.lengthBars();
        for (int b = 0; b < bars; b++) {
            Set<Idiom> holding = EnumSet.noneOf(Idiom.class);
            perBar.add(holding);
            long start = grid.barStartTick(b);
            long pulse = pulseTicks(timeSignatureAt(piece, start), tpq);
            int pulses = (int) (grid.barLengthTicks(b) / pulse);
            if (pulses == 0) continue;
            Bar bar = new Bar(start, pulse, pulses, tolerance);
            if (bar.everyPulse(kicks)) holding.add(Idiom.FOUR_ON_THE_FLOOR);
            if (backbeat(bar, snares)) holding.add(Idiom.BACKBEAT);
            if (halfTime(bar, snares)) holding.add(Idiom.HALF_TIME);
            if (oneDrop(bar, kicks, kicksAndSnares)) holding.add(Idiom.ONE_DROP);
            if (offBeatHats(bar, hats)) holding.add(Idiom.OFF_BEAT_HATS);
            if (swungRide(bar, cymbals)) holding.add(Idiom.SWUNG_RIDE);
        }
        return Optional.of(new PartVerdict(perBar, hatRolls(hats, tpq)));
    }

    /** A dotted quarter in compound meters (6/8, 9/8, 12/8), else one beat of the denominator. */
    static long pulseTicks(TimeSignature ts, int ticksPerQuarter) {
        long beat = Math.max(1, (long) ticksPerQuarter * 4 / ts.denominator());
        boolean compound = ts.denominator() >= 8 && ts.numerator() > 3 && ts.numerator() % 3 == 0;
        return compound ? beat * 3 : beat;
    }

    static TimeSignature timeSignatureAt(Piece piece, long tick) {
        TimeSignature ts = piece.initialTimeSignature();
        for (TimeSignatureChange c : piece.timeSignatures()) if (c.tick() <= tick) ts = c.timeSignature();
        return ts;
    }

    private static boolean backbeat(Bar bar, Onsets snares) {
        if (bar.pulses < 2) return false;
        for (int p = 1; p < bar.pulses; p += 2) if (!snares.near(bar.pulse(p), bar.tolerance)) return false;
        return true;
    }

    private static boolean halfTime(Bar bar, Onsets snares) {
        if (!bar.hasMiddlePulse()) return false;
        return snares.near(bar.middle(), bar.tolerance) && !backbeatAnywhere(bar, snares);
    }

    private static boolean backbeatAnywhere(Bar bar, Onsets snares) {
        for (int p = 1; p < bar.pulses; p += 2) if (snares.near(bar.pulse(p), bar.tolerance)) return true;
        return false;
    }

    private static boolean oneDrop(Bar bar, Onsets kicks, Onsets kicksAndSnares) {
        if (!bar.hasMiddlePulse()) return false;
        return kicksAndSnares.near(bar.middle(), bar.tolerance) && !kicks.near(bar.pulse(0), bar.tolerance);
    }

    private static boolean offBeatHats(Bar bar, Onsets hats) {
        for (int p = 0; p < bar.pulses; p++) if (!hats.near(bar.pulse(p) + bar.pulseTicks / 2, bar.tolerance)) return false;
        return true;
    }

    private static boolean swungRide(Bar bar, Onsets cymbals) {
        if (!bar.everyPulse(cymbals)) return false;
        int skipped = 0;
        for (int p = 0; p < bar.pulses; p++) {
            long from = bar.pulse(p) + Math.round(SKIP_FROM * bar.pulseTicks);
            long to = bar.pulse(p) + Math.round(SKIP_TO * bar.pulseTicks);
            if (cymbals.anyIn(from, to)) skipped++;
        }
        return skipped > 0 && skipped < bar.pulses;
    }

    private static boolean hatRolls(Onsets hats, int ticksPerQuarter) {
        // A 16th triplet (2/3 of a 16th) and a 32nd are under 3/4 of a 16th; swung 16ths alternate a long and a short
        // gap, so they never give two short gaps in a row.
        double rollGap = 0.75 * ticksPerQuarter / 4;
        long flam = Math.max(1, ticksPerQuarter / 24); // hits closer than this are one hit doubled, not a roll
        int run = 0;
        long[] t = hats.ticks;
        long last = -1;
        for (long tick : t) {
            if (last >= 0 && tick - last < flam) continue;
            if (last >= 0 && tick - last < rollGap) {
                if (++run >= 2) return true;
            } else {
                run = 0;
            }
            last = tick;
        }
        return false;
    }

    /** One bar's pulse grid. */
    private record Bar(long startTick, long pulseTicks, int pulses, long tolerance) {
        long pulse(int p) {
            return startTick + p * pulseTicks;
        }

        boolean hasMiddlePulse() {
            return pulses >= 4 && pulses % 2 == 0;
        }

        long middle() {
            return pulse(pulses / 2);
        }

        boolean everyPulse(Onsets onsets) {
            for (int p = 0; p < pulses; p++) if (!onsets.near(pulse(p), tolerance)) return false;
            return true;
        }
    }

    /** Sorted onset ticks of some drum sounds, for "is there a hit near this tick" by binary search. */
    private record Onsets(long[] ticks) {
        static Onsets of(List<Note> notes, Set<Integer> pitches) {
            return new Onsets(notes.stream().filter(n -> pitches.contains(n.pitch())).mapToLong(Note::startTick).sorted().toArray());
        }

        boolean near(long tick, long tolerance) {
            return anyIn(tick - tolerance, tick + tolerance);
        }

        /** Whether an onset lies in [from, to]. */
        boolean anyIn(long from, long to) {
            int i = Arrays.binarySearch(ticks, from);
            if (i < 0) i = -i - 1;
            return i < ticks.length && ticks[i] <= to;
        }
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        java.util.HashSet<Integer> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
