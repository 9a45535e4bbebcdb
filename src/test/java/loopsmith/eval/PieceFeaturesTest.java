package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

/** Every feature on hand-built pieces whose values can be worked out on paper. */
@UnitTest
class PieceFeaturesTest {
    private static final int TPQ = 480;
    private static final int BAR = 4 * TPQ;

    static Piece piece(int bars, Track... tracks) {
        return Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(tracks), (long) bars * BAR);
    }

    static Track melody(List<Note> notes) {
        return new Track("Lead", Role.MELODY, 0, false, notes);
    }

    static Track drums(List<Note> notes) {
        return new Track("Drums", Role.DRUMS, 0, true, notes);
    }

    /** C4 D E F G A B C5 in quarter notes at velocity 100: two bars of 4/4. */
    static Piece cMajorScale() {
        int[] pitches = {60, 62, 64, 65, 67, 69, 71, 72};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(new Note(pitches[i], 100, (long) i * TPQ, TPQ));
        return piece(2, melody(notes));
    }

    static Piece fourOnTheFloor(int bars) {
        List<Note> kicks = new ArrayList<>();
        for (int beat = 0; beat < bars * 4; beat++) kicks.add(new Note(36, 110, (long) beat * TPQ, TPQ / 4));
        return piece(bars, drums(kicks));
    }

    @Test
    void cMajorScaleHasScaleConsistencyOneAndKnownPitchFigures() {
        PieceFeatures f = PieceFeatures.of(cMajorScale());
        assertEquals(1.0, f.scaleConsistency(), 1e-12);
        assertEquals(12, f.pitchRange());
        assertEquals(7, f.usedPitchClasses());
        // C twice (2/8), six other classes once (1/8 each): 0.25·2 + 6·0.125·3 = 2.75 bits
        assertEquals(2.75, f.pitchClassEntropy(), 1e-12);
        assertEquals(1.0, f.polyphony(), 1e-12);
        assertEquals(0.0, f.emptyBeatRate(), 1e-12);
        assertEquals(4.0, f.notesPerBar(), 1e-12);
        assertEquals(1.0, f.ioiHistogram()[3], 1e-12, "every onset a quarter (4 sixteenths) apart");
        assertEquals(1.0, f.durationHistogram()[3], 1e-12, "every note a quarter long");
        assertEquals(1.0, f.velocityHistogram()[100 / 16], 1e-12);
        assertTrue(Double.isNaN(f.drumsPerBar().get(PieceFeatures.DrumClass.KICK)), "no drum track, no drum density");
    }

    @Test
    void chromaticNotesLowerScaleConsistency() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) notes.add(new Note(60 + i, 90, (long) i * TPQ, TPQ));
        PieceFeatures f = PieceFeatures.of(piece(3, melody(notes)));
        assertEquals(7.0 / 12, f.scaleConsistency(), 1e-12);
        assertEquals(Math.log(12) / Math.log(2), f.pitchClassEntropy(), 1e-12);
    }

    @Test
    void fourOnTheFloorHasGrooveConsistencyOne() {
        PieceFeatures f = PieceFeatures.of(fourOnTheFloor(4));
        assertEquals(1.0, f.grooveConsistency(), 1e-12);
        assertEquals(4.0, f.drumsPerBar().get(PieceFeatures.DrumClass.KICK), 1e-12);
        assertEquals(0.0, f.drumsPerBar().get(PieceFeatures.DrumClass.SNARE), 1e-12);
        assertEquals(0.0, f.emptyBeatRate(), 1e-12);
        assertTrue(Double.isNaN(f.pitchRange()) && Double.isNaN(f.scaleConsistency()) && Double.isNaN(f.polyphony()),
                "drums alone have no pitch features");
    }

    @Test
    void grooveConsistencyIsOneMinusMeanHammingDistance() {
        // bar 1: onsets on the 4 beats; bar 2: on beats 1 and 3 → 2 of 16 positions differ → 1 − 2/16
        List<Note> hits = new ArrayList<>();
        for (int beat = 0; beat < 4; beat++) hits.add(new Note(42, 80, (long) beat * TPQ, 60));
        hits.add(new Note(42, 80, BAR, 60));
        hits.add(new Note(42, 80, BAR + 2L * TPQ, 60));
        PieceFeatures f = PieceFeatures.of(piece(2, drums(hits)));
        assertEquals(0.875, f.grooveConsistency(), 1e-12);
        assertEquals(3.0, f.drumsPerBar().get(PieceFeatures.DrumClass.HAT), 1e-12);
    }

    @Test
    void polyphonyCountsNotesSoundingTogether() {
        // a C major triad for two beats, then one note for two beats: (3 + 1) / 2
        List<Note> notes = List.of(new Note(60, 90, 0, 2 * TPQ), new Note(64, 90, 0, 2 * TPQ), new Note(67, 90, 0, 2 * TPQ),
                new Note(72, 90, 2 * TPQ, 2 * TPQ));
        PieceFeatures f = PieceFeatures.of(piece(1, new Track("Keys", Role.CHORDS, 0, false, notes)));
        assertEquals(2.0, f.polyphony(), 1e-12);
    }

    @Test
    void emptyBeatRateCountsBeatsWithoutSound() {
        PieceFeatures f = PieceFeatures.of(piece(2, melody(List.of(new Note(60, 90, 0, TPQ)))));
        assertEquals(7.0 / 8, f.emptyBeatRate(), 1e-12);
    }

    @Test
    void drumClassesFollowGeneralMidi() {
        assertEquals(PieceFeatures.DrumClass.KICK, PieceFeatures.DrumClass.of(35));
        assertEquals(PieceFeatures.DrumClass.SNARE, PieceFeatures.DrumClass.of(38));
        assertEquals(PieceFeatures.DrumClass.SNARE, PieceFeatures.DrumClass.of(39));
        assertEquals(PieceFeatures.DrumClass.HAT, PieceFeatures.DrumClass.of(46));
        assertEquals(PieceFeatures.DrumClass.OTHER, PieceFeatures.DrumClass.of(49));
    }

    @Test
    void inKeyRateSharesNotesInTheScale() {
        assertEquals(1.0, PieceFeatures.inKeyRate(cMajorScale(), Key.parse("A minor").orElseThrow()), 1e-12);
        // C# major holds C (twice) and F of the C major scale: 3 of 8
        assertEquals(3.0 / 8, PieceFeatures.inKeyRate(cMajorScale(), Key.parse("C# major").orElseThrow()), 1e-12);
        assertTrue(Double.isNaN(PieceFeatures.inKeyRate(fourOnTheFloor(1), Key.parse("C").orElseThrow())));
    }

    @Test
    void scalarNamesMatchScalars() {
        assertEquals(PieceFeatures.scalarNames(), List.copyOf(PieceFeatures.of(cMajorScale()).scalars().keySet()));
        assertEquals(12, PieceFeatures.scalarNames().size());
    }
}
