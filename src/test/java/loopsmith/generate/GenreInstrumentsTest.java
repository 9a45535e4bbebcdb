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
}
