package loopsmith.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.eval.DrumIdioms;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class OnsetCoverTest {
    private static final int TPQ = 480;
    private static final long SIXTEENTH = TPQ / 4;

    private static Piece clip(List<Note> notes, int bars) {
        return Piece.of(TPQ, 100, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false, notes)),
                (long) bars * 4 * TPQ);
    }

    private static Note n(int pitch, long tick, int velocity) {
        return new Note(pitch, velocity, tick, SIXTEENTH);
    }

    @Test
    void chordsAreOneOnsetAndBeatsOneAndThreeAndAccentsAreStrong() {
        List<Note> notes = new ArrayList<>();
        notes.add(n(40, 0, 80));
        notes.add(n(47, 10, 80));                  // a chord's second note, 10 ticks late: the same onset
        notes.add(n(40, 3 * SIXTEENTH, 80));       // the "a" of beat 1
        notes.add(n(40, 2 * TPQ, 80));             // beat 3
        notes.add(n(40, 5 * SIXTEENTH, 80));
        notes.add(n(40, 7 * SIXTEENTH, 80));
        notes.add(n(40, 11 * SIXTEENTH, 127));     // the loudest: an accent
        notes.add(n(40, 13 * SIXTEENTH, 80));
        notes.add(n(40, 14 * SIXTEENTH, 80));
        notes.add(n(40, 15 * SIXTEENTH, 80));
        notes.add(n(40, TPQ, 80));                 // beat 2: not strong
        List<OnsetCover.Onset> onsets = OnsetCover.onsets(clip(notes, 1));
        assertEquals(10, onsets.size(), onsets.toString());
        assertEquals(List.of(0L, 2L * TPQ, 11 * SIXTEENTH), onsets.stream().filter(OnsetCover.Onset::strong).map(OnsetCover.Onset::tick).sorted().toList());
    }

    @Test
    void followAddsOnlyWhatIsMissingAndKeepsEveryModelHit() {
        // The model's part: hats on the 8ths, a kick on 1, a snare on 2 and 4 (a backbeat, as pop's idiom asks).
        List<Note> drums = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++) {
            long b = bar * 4L * TPQ;
            for (int e = 0; e < 8; e++) drums.add(n(GeneralMidi.CLOSED_HAT, b + e * TPQ / 2, 70));
            drums.add(n(GeneralMidi.KICK, b, 110));
            drums.add(n(GeneralMidi.SNARE, b + TPQ, 100));
            drums.add(n(GeneralMidi.SNARE, b + 3 * TPQ, 100));
        }
        Track part = new Track("Drums", Role.DRUMS, 0, true, drums);
        // The clip: 16th syncopations the 8th hats miss, and beat 3 with no kick or snare.
        List<Note> bass = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++) {
            long b = bar * 4L * TPQ;
            for (long t : new long[] {0, 3 * SIXTEENTH, 2 * TPQ, 2 * TPQ + 3 * SIXTEENTH, 3 * TPQ}) bass.add(n(36, b + t, 90));
        }
        Piece clip = clip(bass, 2);
        List<OnsetCover.Onset> onsets = OnsetCover.onsets(clip);
        OnsetCover.Coverage before = OnsetCover.coverage(onsets, part, TPQ);
        assertEquals(10, before.onsets());
        assertEquals(6, before.covered(), "the 8th hats cover 0, beat 3 and beat 4 of each bar");
        assertEquals(4, before.strong());
        assertEquals(2, before.strongWithKickOrSnare(), "beat 1 has its kick, beat 3 none");

        Piece piece = clip.withTracks(List.of(part));
        OnsetCover.Followed f = OnsetCover.follow(piece, part, List.of(), onsets, Optional.of("pop"));
        OnsetCover.Coverage after = OnsetCover.coverage(onsets, f.drums(), TPQ);
        assertEquals(after.onsets(), after.covered(), "every onset carries a hit");
        assertEquals(after.strong(), after.strongWithKickOrSnare(), "every strong onset a kick or snare");
        assertEquals(4 + 2, f.added(), "two syncopations a bar, and beat 3's kick");
        assertTrue(f.drums().notes().containsAll(drums), "no hit of the model's is lost");
        for (Note added : f.drums().notes()) {
            if (drums.contains(added)) continue;
            if (added.startTick() % (4L * TPQ) == 2 * TPQ) assertEquals(GeneralMidi.KICK, added.pitch(), "beat 3 gets a kick");
            else assertEquals(GeneralMidi.CLOSED_HAT, added.pitch(), "an off-beat gets the part's hat");
        }
        assertTrue(DrumIdioms.judge(piece.withTracks(List.of(f.drums()))).orElseThrow().passes("pop").orElseThrow());
    }

    @Test
    void anAdditionThatWouldBreakTheIdiomTakesTheNextChoice() {
        // A trap half-time bar: kick on 1, snare on 3, hats on 8ths. The clip's loudest note is on beat 2, and the other
        // candidate has a snare there: a snare on 2 would break half-time, so the kick is added instead.
        List<Note> drums = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++) {
            long b = bar * 4L * TPQ;
            for (int s = 0; s < 16; s++) drums.add(n(GeneralMidi.CLOSED_HAT, b + s * SIXTEENTH, 70));
            drums.add(n(GeneralMidi.CLOSED_HAT, b + 12 * SIXTEENTH + 40, 60)); // a roll: 32nds after beat 4
            drums.add(n(GeneralMidi.CLOSED_HAT, b + 12 * SIXTEENTH + 80, 60));
            drums.add(n(GeneralMidi.KICK, b, 110));
            drums.add(n(GeneralMidi.SNARE, b + 2 * TPQ, 100));
        }
        Track part = new Track("Drums", Role.DRUMS, 0, true, drums);
        Track other = new Track("Drums", Role.DRUMS, 0, true, List.of(n(GeneralMidi.SNARE, TPQ, 100), n(GeneralMidi.SNARE, 5L * TPQ, 100)));
        List<Note> melody = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++) {
            melody.add(n(60, bar * 4L * TPQ, 70));
            melody.add(n(62, bar * 4L * TPQ + TPQ, 127));
            melody.add(n(64, bar * 4L * TPQ + 2 * TPQ, 70));
        }
        Piece clip = clip(melody, 2);
        Piece piece = clip.withTracks(List.of(part));
        assertTrue(DrumIdioms.judge(piece).orElseThrow().passes("trap").orElseThrow(), "the part starts out half-time with rolls");
        OnsetCover.Followed f = OnsetCover.follow(piece, part, List.of(other), OnsetCover.onsets(clip), Optional.of("trap"));
        assertEquals(2, f.added());
        assertTrue(f.drums().notes().stream().filter(x -> !drums.contains(x)).allMatch(x -> x.pitch() == GeneralMidi.KICK), f.drums().toString());
        assertTrue(DrumIdioms.judge(piece.withTracks(List.of(f.drums()))).orElseThrow().passes("trap").orElseThrow());
        // Without a genre, the other candidate's snare is the model's choice and is taken.
        OnsetCover.Followed free = OnsetCover.follow(piece, part, List.of(other), OnsetCover.onsets(clip), Optional.empty());
        assertFalse(free.drums().notes().stream().filter(x -> !drums.contains(x)).anyMatch(x -> x.pitch() == GeneralMidi.KICK));
    }

    @Test
    void kickAndSnareOnOnsetsCountsTheAccentsThatFollow() {
        Track part = new Track("Drums", Role.DRUMS, 0, true, List.of(n(GeneralMidi.KICK, 0, 100), n(GeneralMidi.SNARE, TPQ, 100)));
        List<OnsetCover.Onset> onsets = OnsetCover.onsets(clip(List.of(n(40, 0, 90), n(40, 2 * TPQ, 90)), 1));
        OnsetCover.Coverage c = OnsetCover.coverage(onsets, part, TPQ);
        assertEquals(2, c.kickSnareHits());
        assertEquals(1, c.kickSnareOnOnsets());
        assertEquals(0.5, c.share());
    }
}
