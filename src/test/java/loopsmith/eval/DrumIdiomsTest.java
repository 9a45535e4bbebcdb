package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import loopsmith.UnitTest;
import loopsmith.eval.DrumIdioms.Idiom;
import loopsmith.eval.DrumIdioms.PartVerdict;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.starter.StarterConfig;
import loopsmith.starter.StarterCorpus;
import loopsmith.starter.StarterLoop;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class DrumIdiomsTest {
    static final int TPQ = 480;
    static final int SIXTEENTH = TPQ / 4;
    static final int KICK = 36, SNARE = 38, CLAP = 39, RIM = 37, HAT = 42, OPEN_HAT = 46, RIDE = 51, PEDAL_HAT = 44;

    /** {@code bars} bars of 4/4 repeating one bar given as (16th step, drum key) pairs. */
    static Piece drums(int bars, int[][] hits) {
        return drums(bars, TimeSignature.FOUR_FOUR, hits);
    }

    static Piece drums(int bars, TimeSignature ts, int[][] hits) {
        long barTicks = ts.ticksPerBar(TPQ);
        List<Note> notes = new ArrayList<>();
        for (int b = 0; b < bars; b++)
            for (int[] h : hits) notes.add(new Note(h[1], 100, b * barTicks + (long) h[0] * SIXTEENTH, SIXTEENTH / 2));
        return Piece.of(TPQ, 120, ts, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), bars * barTicks);
    }

    static final int[][] FOUR_ON_THE_FLOOR = {{0, KICK}, {4, KICK}, {8, KICK}, {12, KICK}, {4, CLAP}, {12, CLAP},
        {2, OPEN_HAT}, {6, OPEN_HAT}, {10, OPEN_HAT}, {14, OPEN_HAT}};
    static final int[][] HALF_TIME = {{0, KICK}, {7, KICK}, {10, KICK}, {8, CLAP}, {0, HAT}, {2, HAT}, {4, HAT}, {6, HAT},
        {8, HAT}, {10, HAT}, {12, HAT}, {14, HAT}};
    static final int[][] ROCK = {{0, KICK}, {8, KICK}, {4, SNARE}, {12, SNARE}, {0, HAT}, {2, HAT}, {4, HAT}, {6, HAT},
        {8, HAT}, {10, HAT}, {12, HAT}, {14, HAT}};

    private static PartVerdict judge(Piece p) {
        return DrumIdioms.judge(p).orElseThrow();
    }

    @Test
    void fourOnTheFloorBarPassesHouse() {
        PartVerdict v = judge(drums(4, FOUR_ON_THE_FLOOR));
        assertTrue(v.holds(Idiom.FOUR_ON_THE_FLOOR));
        assertTrue(v.holds(Idiom.OFF_BEAT_HATS));
        assertTrue(v.holds(Idiom.BACKBEAT));
        assertFalse(v.holds(Idiom.HALF_TIME));
        assertEquals(Optional.of(true), v.passes("house"));
        assertEquals(Optional.of(false), v.passes("trap"));
    }

    @Test
    void halfTimeBarPassesTrapWithRollsAndFailsRock() {
        Piece plain = drums(4, HALF_TIME);
        PartVerdict v = judge(plain);
        assertTrue(v.holds(Idiom.HALF_TIME));
        assertFalse(v.holds(Idiom.BACKBEAT));
        assertFalse(v.holds(Idiom.HAT_ROLLS));
        assertEquals(Optional.of(false), v.passes("rock"));
        assertEquals(Optional.of(true), v.passes("dubstep"));
        assertEquals(Optional.of(false), v.passes("trap"), "trap also needs a hat roll");

        List<Note> notes = new ArrayList<>(plain.tracks().get(0).notes());
        // A 32nd-note roll on beat 4 of the last bar.
        for (int i = 0; i < 4; i++) notes.add(new Note(HAT, 80, 3 * 4 * SIXTEENTH * 4 + 12 * SIXTEENTH + i * SIXTEENTH / 2, 30));
        PartVerdict rolled = judge(plain.withTracks(List.of(plain.tracks().get(0).withNotes(notes))));
        assertTrue(rolled.holds(Idiom.HAT_ROLLS));
        assertEquals(Optional.of(true), rolled.passes("trap"));
    }

    @Test
    void rockBeatHasABackbeatAndNoHalfTime() {
        PartVerdict v = judge(drums(8, ROCK));
        assertEquals(Optional.of(true), v.passes("rock"));
        assertEquals(Optional.of(false), v.passes("house"));
        assertEquals(Optional.of(false), v.passes("jazz"), "straight 8ths on the hat are not a jazz ride");
    }

    @Test
    void oneDropAndSteppersBothPassReggae() {
        PartVerdict oneDrop = judge(drums(4, new int[][] {{8, KICK}, {8, RIM}, {0, HAT}, {2, HAT}, {4, HAT}, {6, HAT}}));
        assertTrue(oneDrop.holds(Idiom.ONE_DROP));
        assertEquals(Optional.of(true), oneDrop.passes("reggae"));
        PartVerdict steppers = judge(drums(4, new int[][] {{0, KICK}, {4, KICK}, {8, KICK}, {12, KICK}, {8, RIM}}));
        assertFalse(steppers.holds(Idiom.ONE_DROP));
        assertEquals(Optional.of(true), steppers.passes("reggae"));
        assertEquals(Optional.of(false), judge(drums(4, ROCK)).passes("reggae"));
    }

    @Test
    void spangALangPassesJazzSwungOrStraight() {
        // Ride on every beat, the skip note before beats 2 and 4 at triplet swing (2/3 of the beat), hat foot on 2 and 4.
        List<Note> notes = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            long bar = (long) b * 4 * TPQ;
            for (int beat = 0; beat < 4; beat++) notes.add(new Note(RIDE, 80, bar + (long) beat * TPQ, 60));
            notes.add(new Note(RIDE, 60, bar + TPQ + 2 * TPQ / 3, 60));
            notes.add(new Note(RIDE, 60, bar + 3 * TPQ + 2 * TPQ / 3, 60));
            notes.add(new Note(PEDAL_HAT, 70, bar + TPQ, 60));
            notes.add(new Note(PEDAL_HAT, 70, bar + 3 * TPQ, 60));
        }
        Piece swung = Piece.of(TPQ, 140, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), 16L * TPQ);
        assertEquals(Optional.of(true), judge(swung).passes("jazz"));
        assertEquals(Optional.of(true), judge(drums(4, new int[][] {{0, RIDE}, {4, RIDE}, {6, RIDE}, {8, RIDE}, {12, RIDE}, {14, RIDE}}))
                .passes("jazz"), "cleaning straightens the skip notes; the pattern is still the jazz ride");
    }

    @Test
    void oneBarInFourMayBreakTheIdiomButNotTwo() {
        List<Note> notes = new ArrayList<>(drums(4, FOUR_ON_THE_FLOOR).tracks().get(0).notes());
        long bar = 4L * TPQ;
        List<Note> oneBreak = notes.stream().filter(n -> !(n.startTick() >= 3 * bar && n.pitch() == KICK && n.startTick() % bar != 0)).toList();
        List<Note> twoBreaks = oneBreak.stream().filter(n -> !(n.startTick() >= 2 * bar && n.startTick() < 3 * bar && n.pitch() == KICK && n.startTick() % bar != 0)).toList();
        Piece p = drums(4, FOUR_ON_THE_FLOOR);
        assertTrue(judge(p.withTracks(List.of(p.tracks().get(0).withNotes(oneBreak)))).holds(Idiom.FOUR_ON_THE_FLOOR));
        assertFalse(judge(p.withTracks(List.of(p.tracks().get(0).withNotes(twoBreaks)))).holds(Idiom.FOUR_ON_THE_FLOOR));
    }

    @Test
    void backbeatInSixEightIsTheSecondPulse() {
        TimeSignature sixEight = new TimeSignature(6, 8);
        PartVerdict v = judge(drums(4, sixEight, new int[][] {{0, KICK}, {6, SNARE}, {0, HAT}, {2, HAT}, {4, HAT}, {6, HAT}, {8, HAT}, {10, HAT}}));
        assertTrue(v.holds(Idiom.BACKBEAT));
        assertFalse(v.holds(Idiom.HALF_TIME), "half-time needs four pulses");
    }

    @Test
    void piecesWithoutDrumsAreNotJudgedAndUnknownGenresHaveNoVerdict() {
        Piece noDrums = Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Bass", Role.BASS, 33, false, List.of(new Note(40, 90, 0, 480)))), 4L * 4 * TPQ);
        assertTrue(DrumIdioms.judge(noDrums).isEmpty());
        assertEquals(Optional.empty(), judge(drums(4, ROCK)).passes("folk"));
        assertEquals(Optional.empty(), judge(drums(4, ROCK)).passes("ambient"), "ambient requires no fixed idiom");
    }

    /** Timing drift inside the tolerance (±1/32 note) never changes a verdict. */
    @Property(tries = 60)
    void driftWithinAThirtySecondKeepsTheVerdict(@ForAll @IntRange(min = -59, max = 59) int drift) {
        Piece p = drums(4, ROCK);
        List<Note> moved = p.tracks().get(0).notes().stream()
                .map(n -> new Note(n.pitch(), n.velocity(), Math.max(0, n.startTick() + drift), n.durationTicks())).toList();
        PartVerdict v = judge(p.withTracks(List.of(p.tracks().get(0).withNotes(moved))));
        assertEquals(Optional.of(true), v.passes("rock"));
        assertEquals(Optional.of(false), v.passes("trap"));
    }

    /** The starter corpus is the authority on what each idiom means: its own drum parts must pass their genre. */
    @Test
    void starterCorpusPassesItsOwnGenres() {
        List<StarterLoop> loops = StarterCorpus.loops(new StarterConfig(40, 3, StarterCorpus.GENRES));
        Map<String, Proportion> byGenre = new TreeMap<>();
        for (StarterLoop l : loops) {
            Optional<PartVerdict> v = DrumIdioms.judge(l.piece());
            if (v.isEmpty()) continue;
            v.get().passes(l.genre()).ifPresent(pass -> byGenre.merge(l.genre(), new Proportion(pass ? 1 : 0, 1),
                    (a, b) -> new Proportion(a.passed() + b.passed(), a.judged() + b.judged())));
        }
        for (Map.Entry<String, Proportion> e : byGenre.entrySet())
            assertTrue(e.getValue().share() >= 0.95, e.getKey() + " " + e.getValue());
        assertEquals(13, byGenre.size(), "every starter genre but ambient has a required idiom: " + byGenre.keySet());
    }

    @Test
    void theBarsThatBreakAGenresIdiomAreNamedAgainstTheSetMostBarsHold() {
        // Eight bars of steppers (reggae's second accepted set); bars 2 and 7 play a rock bar instead.
        int[][] steppers = {{0, KICK}, {4, KICK}, {8, KICK}, {12, KICK}, {8, RIM}, {2, HAT}, {6, HAT}, {10, HAT}, {14, HAT}};
        Piece groove = drums(8, steppers);
        Piece rock = drums(8, ROCK);
        long bar = TimeSignature.FOUR_FOUR.ticksPerBar(TPQ);
        List<Note> notes = new ArrayList<>();
        for (Note n : groove.tracks().get(0).notes()) if (n.startTick() / bar != 2 && n.startTick() / bar != 7) notes.add(n);
        for (Note n : rock.tracks().get(0).notes()) if (n.startTick() / bar == 2 || n.startTick() / bar == 7) notes.add(n);
        notes.sort(java.util.Comparator.comparingLong(Note::startTick));
        PartVerdict v = judge(groove.withTracks(List.of(groove.tracks().get(0).withNotes(notes))));
        assertEquals(List.of(2, 7), v.barsBreaking("reggae"));
        assertEquals(Optional.of(true), v.passes("reggae"), "6 of 8 bars is the share a part needs");
        assertEquals(List.of(), judge(groove).barsBreaking("reggae"));
        assertEquals(List.of(0, 1, 3, 4, 5, 6), v.barsBreaking("rock"));
        assertEquals(List.of(), v.barsBreaking("ambient"), "a genre with no idiom has no bar breaking it");
        assertEquals(8, v.bars());
        assertEquals(6, v.barsHolding().get(Idiom.FOUR_ON_THE_FLOOR));
    }
}
