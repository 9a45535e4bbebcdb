package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

/**
 * A played chord's notes land on neighbouring grid steps; the encoder writes them as one chord in chord and pad parts
 * (and counts them in the polyphony control), and leaves every other part's timing as played.
 */
@UnitTest
class ChordOnsetsTest {
    private static final int TPQ = 480;
    /** One grid step at 24 steps a quarter. */
    private static final int STEP = TPQ / 24;
    private final RemiEncoder encoder = new RemiEncoder(Vocabulary.defaults());

    private static Piece part(Role role, int program, Note... notes) {
        return Piece.of(TPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Part", role, program, false, List.of(notes))), 4L * TPQ);
    }

    /** A four-note chord played over 28 ticks (~29 ms at 120 BPM): onsets on steps 0, 0, 1 and 1 of the grid. */
    private static Note[] rolledChord() {
        return new Note[] {new Note(48, 80, 0, TPQ), new Note(52, 80, 8, TPQ), new Note(55, 82, STEP + 2, TPQ),
                new Note(60, 84, 28, TPQ)};
    }

    private static List<Long> onsets(Piece quantized) {
        return quantized.tracks().get(0).notes().stream().map(Note::startTick).toList();
    }

    @Test
    void aChordPlayedAStepApartIsOneChordWithItsPolyphony() {
        Piece q = encoder.quantize(part(Role.CHORDS, 0, rolledChord()));
        assertEquals(List.of(0L, 0L, 0L, 0L), onsets(q), "every note a step or less after the chord's first is in it");
        List<Token> tokens = encoder.encode(part(Role.CHORDS, 0, rolledChord()), Tags.of(null, null, null));
        assertEquals(1, tokens.stream().filter(t -> t instanceof Token.Position).count(), tokens.toString());
        assertEquals(2, ((Token.Polyphony) tokens.stream().filter(t -> t instanceof Token.Polyphony).findFirst().orElseThrow()).level(),
                "four notes together: 4 and more");
    }

    @Test
    void aMovedNoteKeepsItsEnd() {
        Note late = new Note(55, 80, STEP, 4 * STEP);
        Piece q = encoder.quantize(part(Role.PAD, 89, new Note(48, 80, 0, 5 * STEP), late));
        assertEquals(5L * STEP, q.tracks().get(0).notes().get(1).durationTicks());
    }

    @Test
    void notesTwoStepsApartAreTwoOnsets() {
        // A 32nd-note triplet figure is two steps apart: written, not played loosely.
        Piece q = encoder.quantize(part(Role.CHORDS, 0, new Note(60, 80, 0, STEP), new Note(64, 80, 2 * STEP, STEP)));
        assertEquals(List.of(0L, 2L * STEP), onsets(q));
    }

    @Test
    void aMelodyKeepsItsTimingAsPlayed() {
        // A grace note a step before the main note is the melody's, not a chord.
        Piece q = encoder.quantize(part(Role.MELODY, 73, new Note(71, 70, 0, STEP), new Note(72, 90, STEP, TPQ)));
        assertEquals(List.of(0L, (long) STEP), onsets(q));
    }
}
