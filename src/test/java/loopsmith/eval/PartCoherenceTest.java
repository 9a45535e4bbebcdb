package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.UnitTest;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class PartCoherenceTest {
    static final int TPQ = 480;
    static final long BAR = 4L * TPQ;
    /** C major, A minor, F major, G major: one triad a bar, as pitch lists. */
    static final int[][] PROGRESSION = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}};

    /** Stabs on beats 1 and 3 (an 8th long, so between stabs nothing sounds), and a bass line from {@code bass}. */
    static Piece piece(int[][] chords, List<Note> bass, List<Note> drums) {
        List<Note> c = new ArrayList<>();
        for (int b = 0; b < chords.length; b++)
            for (int beat : new int[] {0, 2}) for (int p : chords[b]) c.add(new Note(p, 80, b * BAR + beat * TPQ, TPQ / 2));
        List<Track> tracks = new ArrayList<>(List.of(new Track("Chords", Role.CHORDS, 0, false, c), new Track("Bass", Role.BASS, 33, false, bass)));
        if (!drums.isEmpty()) tracks.add(new Track("Drums", Role.DRUMS, 0, true, drums));
        return Piece.of(TPQ, 100, TimeSignature.FOUR_FOUR, Optional.of(new Key(0, Mode.MAJOR)), tracks, chords.length * BAR);
    }

    /** 8th-note bass on each bar's chord tones (root, third, fifth, root…), an octave and a half down. */
    static List<Note> chordToneBass(int[][] chords) {
        List<Note> bass = new ArrayList<>();
        for (int b = 0; b < chords.length; b++)
            for (int e = 0; e < 8; e++) bass.add(new Note(chords[b][e % 3] - 24, 90, b * BAR + e * TPQ / 2L, TPQ / 2));
        return bass;
    }

    @Test
    void bassOnChordTonesScoresOneAndARandomLineDoesNot() {
        Piece tonal = piece(PROGRESSION, chordToneBass(PROGRESSION), List.of());
        PartCoherence.Counts own = PartCoherence.chordTones(tonal, tonal, 0);
        assertEquals(1.0, own.all());
        assertEquals(1.0, own.early());
        assertEquals(1.0, own.late());
        assertEquals(32, own.earlyCounted() + own.lateCounted(), "8ths between stabs count against the last stab of the bar");

        SplittableRandom r = new SplittableRandom(5);
        List<Note> random = new ArrayList<>();
        for (int i = 0; i < 32; i++) random.add(new Note(36 + r.nextInt(24), 90, i * TPQ / 2L, TPQ / 2));
        assertTrue(PartCoherence.chordTones(piece(PROGRESSION, random, List.of()), tonal, 0).all() < 0.6);
    }

    @Test
    void liftIsOwnMinusAnotherPiecesChordsAndACollapseShowsLate() {
        int[][] other = {PROGRESSION[2], PROGRESSION[3], PROGRESSION[0], PROGRESSION[1]}; // same key, chords shifted two bars
        Piece a = piece(PROGRESSION, chordToneBass(PROGRESSION), List.of());
        Piece b = piece(other, chordToneBass(other), List.of());
        double vsOther = PartCoherence.chordTones(a, b, 0).all();
        assertTrue(vsOther < 0.8, "another progression fits a line less well: " + vsOther);

        // The bass follows the chords for two bars, then plays a line a tritone away.
        List<Note> collapsing = new ArrayList<>();
        for (Note n : chordToneBass(PROGRESSION))
            collapsing.add(n.startTick() < 2 * BAR ? n : new Note(n.pitch() + 6, n.velocity(), n.startTick(), n.durationTicks()));
        PartCoherence.Counts c = PartCoherence.chordTones(piece(PROGRESSION, collapsing, List.of()), a, 0);
        assertEquals(1.0, c.early());
        assertTrue(c.late() < 0.2, "late " + c.late());
    }

    @Test
    void transposedChordsAreHeardInThisKey() {
        int[][] inD = new int[PROGRESSION.length][];
        for (int i = 0; i < PROGRESSION.length; i++) inD[i] = java.util.Arrays.stream(PROGRESSION[i]).map(p -> p + 2).toArray();
        Piece c = piece(PROGRESSION, chordToneBass(PROGRESSION), List.of());
        Piece d = piece(inD, chordToneBass(inD), List.of());
        assertEquals(1.0, PartCoherence.chordTones(c, d, PartCoherence.shift(new Key(2, Mode.MAJOR), new Key(0, Mode.MAJOR))).all());
    }

    @Test
    void bassOnTheKickLocksAndOffTheKickDoesNot() {
        List<Note> kicks = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) kicks.add(new Note(36, 110, beat * (long) TPQ, 60));
        List<Note> onBeat = new ArrayList<>();
        List<Note> offBeat = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            onBeat.add(new Note(36, 90, beat * (long) TPQ + 20, TPQ / 2)); // a little late, inside half a 16th
            offBeat.add(new Note(36, 90, beat * (long) TPQ + TPQ / 2, TPQ / 2));
        }
        Piece locked = piece(PROGRESSION, onBeat, kicks);
        Piece loose = piece(PROGRESSION, offBeat, kicks);
        assertEquals(1.0, PartCoherence.bassKickLock(locked, locked).all());
        assertEquals(0.0, PartCoherence.bassKickLock(loose, loose).all());
        assertTrue(Double.isNaN(PartCoherence.bassKickLock(locked, piece(PROGRESSION, onBeat, List.of())).all()), "no kick, no figure");
    }

    @Test
    void partnerPrefersTheSameKeyThenTheSameModeTransposed() {
        Key c = new Key(0, Mode.MAJOR), d = new Key(2, Mode.MAJOR), a = new Key(9, Mode.MINOR);
        List<PartCoherence.Candidate> pieces = List.of(new PartCoherence.Candidate(Optional.of(c), true),
                new PartCoherence.Candidate(Optional.of(a), true), new PartCoherence.Candidate(Optional.of(d), true),
                new PartCoherence.Candidate(Optional.of(c), false), new PartCoherence.Candidate(Optional.of(c), true));
        assertEquals(new PartCoherence.Partner(4, 0), PartCoherence.partner(pieces, 0).orElseThrow());
        assertEquals(new PartCoherence.Partner(4, 2), PartCoherence.partner(pieces, 2).orElseThrow());
        assertEquals(new PartCoherence.Partner(2, -5), PartCoherence.partner(pieces, 1).orElseThrow(), "no other minor piece: tonic to tonic");
        assertTrue(PartCoherence.partner(List.of(new PartCoherence.Candidate(Optional.of(c), true)), 0).isEmpty());
    }

    /** A line made of the chord part's own notes always scores 1, at any transposition of the whole piece. */
    @Property(tries = 40)
    void chordNotesAsMelodyScoreOne(@ForAll @IntRange(min = -12, max = 12) int transpose) {
        int[][] moved = new int[PROGRESSION.length][];
        for (int i = 0; i < PROGRESSION.length; i++) moved[i] = java.util.Arrays.stream(PROGRESSION[i]).map(p -> p + transpose).toArray();
        Piece p = piece(moved, chordToneBass(moved), List.of());
        assertEquals(1.0, PartCoherence.chordTones(p, p, 0).all());
        assertEquals(1.0, PartCoherence.chordTones(p, piece(PROGRESSION, chordToneBass(PROGRESSION), List.of()), transpose).all());
    }
}
