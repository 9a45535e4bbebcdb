package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.library.Synonyms;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sound each genre gives a part the prompt names no instrument for. */
@UnitTest
class GenreInstrumentsTest {
    /** Names as {@link GeneralMidi} spells them, so a wrong (1-based) program number shows as a wrong name. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            techno        | bass   | Synth Bass 1
            house         | chords | Electric Piano 1
            trap          | bass   | Synth Bass 1
            trap          | melody | Music Box
            boom-bap      | chords | Acoustic Grand Piano
            jazz          | bass   | Acoustic Bass
            jazz          | chords | Acoustic Grand Piano
            rock          | bass   | Electric Bass (pick)
            rock          | chords | Overdriven Guitar
            reggae        | chords | Electric Guitar (clean)
            ambient       | pad    | Pad 2 (warm)
            ambient       | chords | Pad 1 (new age)
            funk          | bass   | Slap Bass 1
            funk          | chords | Clavinet
            gospel        | chords | Drawbar Organ
            bossa-nova    | chords | Acoustic Guitar (nylon)
            country       | melody | Fiddle
            """)
    void genresGetTheirUsualSound(String genre, String role, String instrument) {
        TrackSpec t = GenreInstruments.forGenre(Optional.of(genre)).track(Role.parse(role).orElseThrow());
        assertEquals(instrument, t.instrumentName());
    }

    @Test
    void everyGenreOfTheSynonymTableHasInstruments() {
        assertEquals(List.of(), Synonyms.genres().stream().filter(g -> !GenreInstruments.covers(g)).sorted().toList());
    }

    @Test
    void withoutAGenreThePartsKeepTheirGeneralDefaults() {
        for (Role role : Role.values())
            assertEquals(TrackSpec.of(role), GenreInstruments.forGenre(Optional.empty()).track(role));
        assertEquals(GenreInstruments.NO_GENRE, GenreInstruments.forGenre(Optional.of("zydeco")));
    }

    @Test
    void drumsAreAlwaysTheDrumKit() {
        for (String genre : Synonyms.genres())
            assertEquals(TrackSpec.of(Role.DRUMS), GenreInstruments.forGenre(Optional.of(genre)).track(Role.DRUMS), genre);
    }

    @Test
    void programsMustBeGeneralMidi() {
        assertThrows(IllegalArgumentException.class, () -> new GenreInstruments(38, 128, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new GenreInstruments(-1, 4, 0, 0));
    }

    @Test
    void aModelAnswersInItsLibrarysSoundsWhereTheLibraryNeverPlayedTheGenresUsualOnes() {
        // A folk library on piano, one tune's melody on a flute; a house library whose bass is the usual synth bass.
        List<loopsmith.model.PlayedInstrument> played = List.of(
                row("folk", "melody", 0, 170), row("folk", "melody", 73, 4),
                row("folk", "chords", 0, 160),
                row("house", "bass", 38, 20), row("house", "bass", 0, 90),
                row(null, "bass", 0, 3));
        GenreInstruments folk = GenreInstruments.forGenre(Optional.of("folk"));
        GenreInstruments heard = folk.heardIn(Optional.of("folk"), played, true);
        assertEquals(new GenreInstruments(folk.bass(), 0, 0, folk.pad()), heard,
                "melody and chords on the piano the library played them on, with drums or without; bass and pad, never played, as usual");
        GenreInstruments house = GenreInstruments.forGenre(Optional.of("house"));
        assertEquals(house, house.heardIn(Optional.of("house"), played, false), "the usual synth bass in 20 of 110 bass parts: kept");
        GenreInstruments techno = GenreInstruments.forGenre(Optional.of("techno"));
        assertEquals(techno, techno.heardIn(Optional.of("techno"), played, false), "a genre the library never played keeps its table");
        GenreInstruments none = GenreInstruments.forGenre(Optional.empty());
        assertEquals(0, none.heardIn(Optional.empty(), played, false).bass(), "no genre asked: the rows without one");
        assertEquals(folk, folk.heardIn(Optional.of("folk"), List.of(), false), "a model that recorded nothing: the table");
    }

    @Test
    void aSoundTheDataBarelyPlayedInTheGenreGivesWayToTheOneItPlayedMostInALineUpWithoutDrums() {
        // Pop as the bundled model heard it: songs on piano, a few programmed loops on the usual pick bass and lead.
        List<loopsmith.model.PlayedInstrument> played = List.of(
                row("pop", "bass", 0, 460), row("pop", "bass", 34, 9),
                row("pop", "bass", 33, 6),
                row("pop", "melody", 0, 440), row("pop", "melody", 80, 55),
                row("pop", "chords", 0, 470), row("pop", "chords", 4, 8));
        GenreInstruments pop = GenreInstruments.forGenre(Optional.of("pop"));
        GenreInstruments heard = pop.heardIn(Optional.of("pop"), played, false);
        assertEquals(0, heard.bass(), "pick bass in 9 of 475 bass parts: the piano they were played on");
        assertEquals(pop.melody(), heard.melody(), "the square lead in 55 of 495 melodies, over a tenth: kept");
        assertEquals(pop.chords(), heard.chords(), "the usual piano is what was played most");
        assertEquals(pop.pad(), heard.pad(), "no pad was played: the table's");
        assertEquals(pop, pop.heardIn(Optional.of("pop"), played, true),
                "beside drums the rare sound stays: the rows do not say which line-up the piano parts came in");
    }

    private static loopsmith.model.PlayedInstrument row(String genre, String role, int program, int parts) {
        return new loopsmith.model.PlayedInstrument(genre, role, program, parts);
    }
}
