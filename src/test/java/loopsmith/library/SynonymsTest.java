package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import loopsmith.UnitTest;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The synonym table, and folder names read through it. */
@UnitTest
class SynonymsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hip hop        | hip-hop
            hip-hop        | hip-hop
            HipHop         | hip-hop
            hiphop         | hip-hop
            dnb            | drum-and-bass
            drum and bass  | drum-and-bass
            drum'n'bass    | drum-and-bass
            d&b            | drum-and-bass
            Drum-n-Bass    | drum-and-bass
            lofi           | lo-fi
            Lo-Fi          | lo-fi
            lo fi          | lo-fi
            R&B            | rnb
            rnb            | rnb
            boom bap       | boom-bap
            BoomBap        | boom-bap
            neo soul       | neo-soul
            EDM            | edm
            Deep House     | house
            tech_house     | house
            techno         | techno
            funky          | funk
            UK Garage      | garage
            afrocuban      | afro-cuban
            neworleans     | new-orleans
            """)
    void genres(String raw, String canonical) {
        assertEquals(Optional.of(canonical), Synonyms.genre(raw));
    }

    @Test
    void compoundGenresImplyAStyle() {
        assertEquals(Optional.of("deep"), Synonyms.styleOfGenre("deep house"));
        assertEquals(Optional.of("tech"), Synonyms.styleOfGenre("Tech-House"));
        assertEquals(Optional.empty(), Synonyms.styleOfGenre("house"));
        assertEquals(Optional.empty(), Synonyms.genre("zydeco"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            drum       | DRUMS
            Drums      | DRUMS
            beat       | DRUMS
            kick       | DRUMS
            snare      | DRUMS
            hats       | DRUMS
            perc       | DRUMS
            bass       | BASS
            Basslines  | BASS
            sub        | BASS
            808        | BASS
            chords     | CHORDS
            keys       | CHORDS
            piano      | CHORDS
            Rhodes     | CHORDS
            stabs      | CHORDS
            melody     | MELODY
            Leads      | MELODY
            hook       | MELODY
            topline    | MELODY
            vocal      | MELODY
            pads       | PAD
            strings    | PAD
            atmos      | PAD
            FX         | FX
            risers     | FX
            sweep      | FX
            """)
    void roles(String raw, Role role) {
        assertEquals(Optional.of(role), Synonyms.role(raw));
    }

    @Test
    void moodsAndStyles() {
        assertEquals(Optional.of("chill"), Synonyms.mood("chilled"));
        assertEquals(Optional.of("melancholic"), Synonyms.mood("Melancholy"));
        assertEquals(Optional.of("dark"), Synonyms.mood("DARK"));
        assertEquals(Optional.empty(), Synonyms.mood("purple"));
        assertEquals(Optional.of("halftime"), Synonyms.style("half time"));
        assertEquals(Optional.empty(), Synonyms.style("purdieshuffle"));
    }

    @Test
    void keysAllSpellingsMeetInOneName() {
        for (String s : new String[] {"Am", "A minor", "A min", "A_minor", "a-moll", "Amin"})
            assertEquals(Optional.of("A minor"), Synonyms.key(s).map(Key::displayName), s);
        assertEquals(Optional.of("F# minor"), Synonyms.key("F#m").map(Key::displayName));
        // Gb and F# major are one key; Key spells it F#.
        assertEquals(Optional.of(new Key(6, Mode.MAJOR)), Synonyms.key("Gb:maj"));
        assertEquals(Optional.empty(), Synonyms.key("H#"));
    }

    @Test
    void unknownWordsAreNormalizedOrRefused() {
        assertEquals(Optional.of("zydeco"), Synonyms.word("Zydeco"));
        assertEquals(Optional.of("neo-trad"), Synonyms.word("Neo  Trad"));
        assertEquals(Optional.empty(), Synonyms.word("123"));
        assertEquals(Optional.empty(), Synonyms.word("???"));
        assertEquals(Optional.empty(), Synonyms.word(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            House/Basslines              | genre=house, roles=bass
            Hip Hop/Drums                | genre=hip-hop, roles=drums
            120 BPM                      | bpm=120
            Am                           | key=A minor
            Deep House/Pads/Dark         | genre=house, mood=dark, roles=pad, style=deep
            Samples/Project 3/Old        | ''
            002                          | ''
            120                          | ''
            C                            | ''
            Trap/Melodies/140 bpm/F#m    | bpm=140, genre=trap, key=F# minor, roles=melody
            """)
    void folderNames(String folder, String expected) {
        Findings f = FolderHints.of(Path.of(folder));
        String got = f.labels().stream().map(l -> l.field() + "=" + l.value()).sorted().collect(Collectors.joining(", "));
        assertEquals(expected, got);
        f.labels().forEach(l -> assertEquals(LabelSource.FOLDER_NAME, l.source()));
    }

    @Test
    void deeperFolderNamesComeLaterAndNameTheirFolder() {
        Findings f = FolderHints.of(Path.of("Techno", "House"));
        assertEquals("folder 'Techno'", f.labels().get(0).origin());
        Labels merged = Labels.merge(f.labels(), f.warnings());
        assertEquals(Optional.of("house"), merged.genre());
        assertEquals(2, merged.history(Label.GENRE).size());
    }
    @Test
    void namedInstrumentsCarryARoleAndAGeneralMidiProgram() {
        assertEquals(Optional.of(new Instrument(Role.BASS, 36)), Synonyms.instrument("Slap Bass"));
        assertEquals(Optional.of(new Instrument(Role.BASS, 38)), Synonyms.instrument("808s"));
        assertEquals(Optional.of(new Instrument(Role.CHORDS, 4)), Synonyms.instrument("e-piano"));
        assertEquals(Optional.of(new Instrument(Role.PAD, 48)), Synonyms.instrument("strings"));
        // Generic role words say what to play, not which sound.
        assertEquals(Optional.empty(), Synonyms.instrument("bass"));
        assertEquals(Optional.empty(), Synonyms.instrument("keys"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            upbeat       | happy
            Euphoric     | uplifting
            laid-back    | chill
            Laid Back    | chill
            nostalgic    | melancholic
            moody        | dark
            ethereal     | dreamy
            hard-hitting | aggressive
            hype         | energetic
            sexy         | romantic
            ominous      | tense
            cinematic    | epic
            soulful      | emotional
            funky        | funky
            warm         | mellow
            bouncy       | groovy
            serene       | calm
            """)
    void producerMoods(String raw, String canonical) {
        assertEquals(Optional.of(canonical), Synonyms.mood(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            shuffled          | shuffle
            swung             | swing
            Half-Time         | halftime
            4x4               | four-on-the-floor
            liquid            | liquid
            Jump Up           | jump-up
            neurofunk         | neurofunk
            acid              | acid
            dubwise           | dub
            vinyl             | dusty
            jazzy             | jazzy
            straight          | straight
            """)
    void producerStyles(String raw, String canonical) {
        assertEquals(Optional.of(canonical), Synonyms.style(raw));
    }

    @Test
    void drumAndBassSubGenresNameTheirGenre() {
        assertEquals(Optional.of("drum-and-bass"), Synonyms.genre("liquid"));
        assertEquals(Optional.of("liquid"), Synonyms.styleOfGenre("Liquid Funk"));
        assertEquals(Optional.of("neurofunk"), Synonyms.styleOfGenre("neurofunk"));
        assertEquals(Optional.of("drill"), Synonyms.genre("UK Drill"));
    }

    /** Tag values become tokens: one spelling each, lower case with '-' for spaces. */
    @Test
    void canonicalStylesAndMoodsAreTagShaped() {
        for (String v : Synonyms.styles()) assertTrue(v.matches("[a-z0-9]+(-[a-z0-9]+)*"), "style " + v);
        for (String v : Synonyms.moods()) assertTrue(v.matches("[a-z0-9]+(-[a-z0-9]+)*"), "mood " + v);
        for (String v : Synonyms.genres()) assertTrue(v.matches("[a-z0-9]+(-[a-z0-9]+)*"), "genre " + v);
    }

    @Test
    void promptOnlySpellings() {
        assertEquals(Optional.of("house"), Synonyms.genre("funky house"));
        assertEquals(Optional.of("funky"), Synonyms.styleOfGenre("Funky House"));
        assertEquals(Optional.of("four-on-the-floor"), Synonyms.style("4 on the floor"));
        assertTrue(Synonyms.genres().containsAll(List.of("house", "hip-hop", "drum-and-bass", "lo-fi")));
        assertFalse(Synonyms.genres().contains("deep"));
    }
}
