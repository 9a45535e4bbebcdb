package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import loopsmith.CorpusTest;
import loopsmith.midi.MidiReader;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** What ingest does to the public corpora it knows: Roland kits to GM, fills apart, POP909 in 4/4 with a bass. */
@CorpusTest
class CorpusRulesTest {
    private static Labels labels(String... fieldValues) {
        List<Label> l = new java.util.ArrayList<>();
        for (int i = 0; i < fieldValues.length; i += 2) {
            String f = fieldValues[i];
            l.add(Label.FIELDS.contains(f) ? new Label(f, fieldValues[i + 1], LabelSource.CSV, "metadata.csv row 2")
                    : Label.tag(f, fieldValues[i + 1], LabelSource.CSV, "metadata.csv row 2"));
        }
        return Labels.merge(l, List.of());
    }

    @Test
    void rolandHiHatEdgesAndRimsBecomeTheirGmSounds() {
        Track kit = new Track("drums", Role.DRUMS, 0, true, List.of(new Note(22, 80, 0, 10), new Note(26, 80, 10, 10),
                new Note(58, 80, 20, 10), new Note(36, 100, 30, 10)));
        List<Integer> pitches = DrumKit.toGeneralMidi(kit, false).notes().stream().map(Note::pitch).toList();
        assertEquals(List.of(42, 46, 43, 36), pitches);
    }

    @Test
    void aGmKitWithoutRolandOnlyPitchesIsLeftAlone() {
        Track kit = new Track("drums", Role.DRUMS, 0, true, List.of(new Note(58, 80, 0, 10), new Note(40, 80, 10, 10)));
        assertEquals(kit, DrumKit.toGeneralMidi(kit, false), "58 is a vibraslap and 40 an electric snare in a GM kit");
        assertEquals(List.of(43, 38), DrumKit.toGeneralMidi(kit, true).notes().stream().map(Note::pitch).toList());
    }

    @Test
    void grooveFillsGetTheirOwnStyleAndPerformedCorporaFeelHuman() {
        Labels fill = CorpusRules.labels(labels("source", "groove", "genre", "funk", "style", "purdieshuffle"),
                "drummer1/session1/240_funk-purdieshuffle_130_fill_4-4.mid");
        assertEquals(Optional.of("fill"), fill.style());
        assertEquals(Optional.of("funk"), fill.genre());
        Labels beat = CorpusRules.labels(labels("source", "groove", "style", "purdieshuffle"), "drummer1/x/1_funk_80_beat_4-4.mid");
        assertEquals(Optional.of("purdieshuffle"), beat.style());
        assertEquals(Optional.of("human"), CorpusRules.feel(beat));
        assertEquals(Optional.of("tight"), CorpusRules.feel(labels("source", "starter")));
        assertEquals(Optional.empty(), CorpusRules.feel(labels("genre", "house")), "a producer's own library is taken as labelled");
        assertEquals(Optional.of("human"), CorpusRules.feel(labels("source", "starter", "feel", "Live")), "a feel label wins");
    }

    @Test
    void pop909TwoFourIsCountedAsFourFourAndOtherSourcesKeepTheirMeter() {
        assertEquals(Optional.of(TimeSignature.FOUR_FOUR),
                CorpusRules.labels(labels("source", "pop909", "time_signature", "2/4"), "002/002.mid").timeSignature());
        assertEquals(Optional.of(new TimeSignature(3, 4)),
                CorpusRules.labels(labels("source", "pop909", "time_signature", "3/4"), "003/003.mid").timeSignature());
        assertEquals(Optional.of(new TimeSignature(2, 4)),
                CorpusRules.labels(labels("source", "nottingham", "time_signature", "2/4"), "a.mid").timeSignature());
    }

    @Test
    void pianoSplitPutsTheLowestHeldNoteInTheBassAndLeavesArpeggiosOverAHeldRootWithTheChords() {
        int q = 480;
        // Bar: C2 held a whole bar under an arpeggio G2 E3 (left hand), right-hand chord E4 G4 C5 on beat 1.
        Track piano = new Track("PIANO", Role.CHORDS, 0, false, List.of(
                new Note(36, 90, 0, 4 * q), new Note(64, 80, 0, q), new Note(67, 80, 0, q), new Note(72, 80, 0, q),
                new Note(43, 70, q, q), new Note(52, 70, 2 * q, q),
                new Note(41, 90, 4 * q, 2 * q), new Note(45, 90, 6 * q, 2 * q)));
        List<Track> parts = PianoSplit.split(piano, q);
        Track bass = parts.get(0);
        Track chords = parts.get(1);
        assertEquals(Role.BASS, bass.role());
        assertEquals(List.of(36, 41, 45), bass.notes().stream().map(Note::pitch).toList());
        assertEquals(Set.of(64, 67, 72, 43, 52), chords.notes().stream().map(Note::pitch).collect(Collectors.toSet()));
    }

    @Property(tries = 200)
    void pianoSplitLosesNoNoteAndItsBassNeverOverlaps(@ForAll("pianos") List<Note> notes) {
        Track piano = new Track("PIANO", Role.CHORDS, 0, false, notes);
        List<Track> parts = PianoSplit.split(piano, 480);
        assertEquals(piano.notes().size(), parts.get(0).notes().size() + parts.get(1).notes().size());
        List<Note> bass = parts.get(0).notes();
        for (int i = 1; i < bass.size(); i++) assertTrue(bass.get(i - 1).endTick() <= bass.get(i).startTick());
        for (Note n : bass) assertTrue(n.pitch() <= PianoSplit.BASS_MAX_PITCH);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Note>> pianos() {
        net.jqwik.api.Arbitrary<Note> note = net.jqwik.api.Combinators.combine(
                net.jqwik.api.Arbitraries.integers().between(24, 96), net.jqwik.api.Arbitraries.integers().between(1, 127),
                net.jqwik.api.Arbitraries.longs().between(0, 20 * 480), net.jqwik.api.Arbitraries.longs().between(1, 4 * 480))
                .as(Note::new);
        return note.list().ofMaxSize(60);
    }

    @Test
    void aRealGrooveFileKeepsItsHiHatsAndAPop909SongGetsABassLine() {
        Path corpus = loopsmith.SharedCorpus.root();
        Piece groove = MidiReader.read(corpus.resolve("groove/drummer1/session1/1_funk_80_beat_4-4.mid")).piece();
        Piece mapped = CorpusRules.piece(groove, labels("source", "groove"));
        Set<Integer> pitches = mapped.tracks().get(0).notes().stream().map(Note::pitch).collect(Collectors.toSet());
        assertFalse(pitches.contains(22) || pitches.contains(26), "no Roland-only pitch is left: " + pitches);
        assertTrue(pitches.contains(42), "closed hi-hat present: " + pitches);

        Piece song = MidiReader.read(corpus.resolve("pop909/002/002.mid")).piece();
        Piece split = CorpusRules.piece(song, labels("source", "pop909"));
        List<Role> roles = split.tracks().stream().map(Track::role).toList();
        assertTrue(roles.contains(Role.BASS) && roles.contains(Role.CHORDS), roles.toString());
        assertEquals(1, roles.stream().filter(r -> r == Role.MELODY).count(), "BRIDGE left out, one melody: " + roles);
        assertEquals(song.noteCount() - song.tracks().stream().filter(t -> t.name().trim().equalsIgnoreCase("BRIDGE"))
                .mapToInt(t -> t.notes().size()).sum(), split.noteCount());
    }

    @Property(tries = 50)
    void drumMapKeepsEveryHitAndItsTiming(@ForAll @IntRange(min = 0, max = 40) int n) {
        List<Note> hits = new java.util.ArrayList<>();
        int[] pitches = {22, 26, 36, 38, 40, 42, 44, 46, 49, 51, 55, 58};
        for (int i = 0; i < n; i++) hits.add(new Note(pitches[i % pitches.length], 1 + i % 127, i * 37L, 5));
        Track kit = new Track("kit", Role.DRUMS, 0, true, hits);
        Track out = DrumKit.toGeneralMidi(kit, false);
        assertEquals(kit.notes().size(), out.notes().size());
        assertEquals(kit.notes().stream().map(Note::startTick).sorted().toList(), out.notes().stream().map(Note::startTick).sorted().toList());
        for (Note x : out.notes()) assertTrue(x.pitch() >= 27 && x.pitch() <= 87);
    }
}
