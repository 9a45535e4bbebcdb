package loopsmith.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loopsmith.UnitTest;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evaluation asks the model for what each reference file is, as ingest labelled it: a Groove fill is asked for as a
 * fill played by a human, not as the genre alone (which a model trained on programmed loops of that genre as well
 * answers with those).
 */
@UnitTest
class EvalRequestTagsTest {
    private static final Vocabulary V = Vocabulary.of(TokenizerConfig.defaults().withTags(
            List.of("rock"), List.of("fill"), List.of("dark")));

    @Test
    void aGrooveFillIsReadWithItsStyleAndFeel(@TempDir Path dir) throws Exception {
        List<Note> hits = new ArrayList<>();
        for (int i = 0; i < 16; i++) hits.add(new Note(i % 4 == 0 ? 36 : 42, 90, i * 120L, 60));
        Piece fill = Piece.of(480, 100, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, hits)), 1920 * 2);
        MidiWriter.write(fill, dir.resolve("drummer1__session1__7_rock_100_fill_4-4.mid"));
        MidiWriter.write(fill, dir.resolve("drummer1__session1__8_rock_100_beat_4-4.mid"));
        Files.writeString(dir.resolve("metadata.csv"), """
                path,source,genre,style,mood,bpm,key,time_signature,bars,roles,licence
                drummer1__session1__7_rock_100_fill_4-4.mid,groove,rock,,,100,,4/4,2,drums,CC-BY-4.0
                drummer1__session1__8_rock_100_beat_4-4.mid,groove,rock,,,100,,4/4,2,drums,CC-BY-4.0
                """);
        List<ReferenceSet.Item> items = ReferenceSet.read(dir, 2, 0, 1).items();
        assertEquals(new Tags(Optional.of("rock"), Optional.of("fill"), Optional.empty(), Optional.of("human")), items.get(0).tags());
        assertEquals(new Tags(Optional.of("rock"), Optional.empty(), Optional.empty(), Optional.of("human")), items.get(1).tags());
    }

    @Test
    void aPop909SongIsAskedForTheBassItsSplitPianoPlaysToo(@TempDir Path dir) throws Exception {
        List<Note> piano = new ArrayList<>(), melody = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            long t = beat * 480L;
            piano.add(new Note(36 + (beat / 4) * 2, 80, t, 480)); // a bass note under each chord
            for (int p : new int[] {60, 64, 67}) piano.add(new Note(p, 70, t, 480));
            melody.add(new Note(72 + beat % 5, 90, t, 240));
        }
        Piece song = Piece.of(480, 90, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(
                new Track("MELODY", Role.MELODY, 0, false, melody), new Track("PIANO", Role.CHORDS, 0, false, piano)), 1920 * 4);
        MidiWriter.write(song, dir.resolve("001.mid"));
        Files.writeString(dir.resolve("metadata.csv"), """
                path,source,genre,style,mood,bpm,key,time_signature,bars,roles,licence
                001.mid,pop909,pop,,,90,C major,4/4,4,chords;melody,MIT
                """);
        List<Role> roles = ReferenceSet.read(dir, 2, 0, 1).items().get(0).roles();
        assertEquals(List.of(Role.CHORDS, Role.MELODY, Role.BASS), roles,
                "the labels' parts first, then the bass the split piano plays: its features are measured on all three");
    }

    @Test
    void aPartTheLabelsNameByAnotherWordIsNotAskedForTwice(@TempDir Path dir) throws Exception {
        List<Note> pad = new ArrayList<>(), bass = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            for (int p : new int[] {57, 60, 64}) pad.add(new Note(p, 70, bar * 1920L, 1920));
            bass.add(new Note(33, 90, bar * 1920L, 960));
        }
        Piece loop = Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(
                new Track("Bass", Role.BASS, 38, false, bass), new Track("Pad", Role.PAD, 89, false, pad)), 1920 * 4);
        MidiWriter.write(loop, dir.resolve("loop.mid"));
        Files.writeString(dir.resolve("metadata.csv"), """
                path,source,genre,style,mood,bpm,key,time_signature,bars,roles,licence
                loop.mid,starter,trap,,,120,A minor,4/4,4,bass;chords,CC0-1.0
                """);
        assertEquals(List.of(Role.BASS, Role.CHORDS), ReferenceSet.read(dir, 2, 0, 1).items().get(0).roles(),
                "two parts labelled, two played: the pad is the labelled chords");
    }

    @Test
    void aRequestCarriesTheAskedTagsTheModelKnowsAndHeard() {
        Tags file = new Tags(Optional.of("rock"), Optional.of("fill"), Optional.of("dark"), Optional.of("human"));
        assertEquals(file, Evaluation.askable(file, EvalConfig.ASK_ALL, V, Optional.empty()));
        assertEquals(Tags.of("rock", null, null), Evaluation.askable(file, EvalConfig.ASK_GENRE, V, Optional.empty()),
                "the default asks the genre alone");
        assertEquals(new Tags(Optional.of("rock"), Optional.empty(), Optional.empty(), Optional.of("human")),
                Evaluation.askable(file, EvalConfig.ASK_ALL, V, Optional.of(Set.of("GENRE=rock", "FEEL=human", "STYLE=beat"))),
                "a tag the training data never held is left out");
        Tags unknown = new Tags(Optional.of("polka"), Optional.of("fill"), Optional.empty(), Optional.empty());
        assertEquals(Tags.of(null, "fill", null), Evaluation.askable(unknown, EvalConfig.ASK_ALL, V, Optional.empty()),
                "a genre outside the vocabulary is left out");
    }

    @Test
    void askedForItsInstrumentsASongIsAskedOnThePianoItIsPlayedOn() {
        Piece song = Piece.of(480, 90, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(
                new Track("MELODY", Role.MELODY, 0, false, List.of(new Note(72, 90, 0, 240))),
                new Track("LEAD 2", Role.MELODY, 81, false, List.of(new Note(76, 90, 0, 240))),
                new Track("Bass", Role.BASS, 0, false, List.of(new Note(36, 90, 0, 240))),
                new Track("Drums", Role.DRUMS, 0, true, List.of(new Note(36, 90, 0, 60)))), 1920);
        List<Role> roles = List.of(Role.DRUMS, Role.BASS, Role.MELODY, Role.CHORDS);
        java.util.Map<Role, Integer> programs = Evaluation.programs(song, roles);
        assertEquals(java.util.Map.of(Role.MELODY, 0, Role.BASS, 0), programs, "the first track of a role names its program; drums have none");

        EvalRequest asked = new EvalRequest(Tags.of("pop", null, null), 90, TimeSignature.FOUR_FOUR, Optional.empty(), 4, roles,
                1, "001.mid", programs);
        List<loopsmith.generate.TrackSpec> tracks = Evaluation.tracks(asked);
        loopsmith.generate.GenreInstruments pop = loopsmith.generate.GenreInstruments.forGenre(Optional.of("pop"));
        assertEquals(List.of(pop.track(Role.DRUMS), new loopsmith.generate.TrackSpec(Role.BASS, 0, false),
                new loopsmith.generate.TrackSpec(Role.MELODY, 0, false), pop.track(Role.CHORDS)), tracks,
                "asked parts on the file's programs, a part the file does not play on the genre's usual one");
        EvalRequest plain = new EvalRequest(asked.tags(), 90, TimeSignature.FOUR_FOUR, Optional.empty(), 4, roles, 1, "001.mid");
        assertEquals(roles.stream().map(pop::track).toList(), Evaluation.tracks(plain), "not asked: the genre's instruments");
    }

    @Test
    void theSampleLineNamesWhatWasAsked() {
        EvalRequest r = new EvalRequest(new Tags(Optional.of("rock"), Optional.of("fill"), Optional.empty(), Optional.of("human")),
                100, TimeSignature.FOUR_FOUR, Optional.empty(), 4, List.of(Role.DRUMS), 1, "a.mid");
        assertEquals("GENRE=rock STYLE=fill FEEL=human", r.tagText());
        assertEquals(Optional.of("rock"), r.genre());
    }
}
