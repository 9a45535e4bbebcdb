package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import loopsmith.UnitTest;
import loopsmith.library.Synonyms;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free-text prompts read into tags: a table of phrasings, then defaults and record validation. */
@UnitTest
class TextPromptTest {
    /**
     * Each row names only the fields it is about, as {@code field=value; field=value}. Fields: genre, style, mood,
     * bpm, tempofrom, key, meter, bars, roles, density, feel, inst (role:program), unparsed, defaulted; "-" means empty.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            funky house beat at 124 bpm in A minor with a slap bass | genre=house; style=funky; bpm=124; key=A minor; roles=drums,bass; inst=bass:36; feel=-; unparsed=-; defaulted=time_signature,bars
            hip hop beat                               | genre=hip-hop; roles=drums; bpm=90; defaulted=bpm,key,time_signature,bars
            hiphop drums and bass                      | genre=hip-hop; roles=drums,bass
            Hip-Hop                                    | genre=hip-hop; roles=drums,bass,chords; defaulted=bpm,key,time_signature,bars,roles
            hip hop beats                              | genre=hip-hop; roles=drums; unparsed=-
            drum and bass at 174                       | genre=drum-and-bass; bpm=174; roles=drums,bass,pad
            dnb                                        | genre=drum-and-bass; bpm=174
            drum'n'bass with a dark pad                | genre=drum-and-bass; mood=dark; roles=pad
            d&b rolling bassline                       | genre=drum-and-bass; roles=bass; density=busy; unparsed=-
            drum & bass                                | genre=drum-and-bass; unparsed=-
            deep house chords                          | genre=house; style=deep; roles=chords
            tech-house groove 126bpm                   | genre=house; style=tech; bpm=126; unparsed=-
            minimal techno                             | genre=techno; style=minimal; density=-; bpm=130
            boom bap drums                             | genre=boom-bap; bpm=90; roles=drums; bars=4
            boom-bap at 92 bpm                         | genre=boom-bap; bpm=92
            lo fi hip hop with rhodes                  | genre=lo-fi; roles=chords; inst=chords:4; bpm=80
            lofi hip hop beat                          | genre=lo-fi; roles=drums
            lo-fi chill keys                           | genre=lo-fi; mood=chill; roles=chords; inst=-
            2 step garage                              | genre=garage; bpm=132; bars=8; unparsed=-
            uk garage 2-step                           | genre=garage; unparsed=-
            neo soul electric piano in Eb              | genre=neo-soul; roles=chords; inst=chords:4; key=Eb major
            r&b slow jam                               | genre=rnb; bpm=65; tempofrom=slow jam; unparsed=-
            afrobeats groove                           | genre=afrobeat; bpm=110
            reggae one drop                            | genre=reggae; unparsed=one,drop
            trap with 808s and hats                    | genre=trap; roles=drums,bass; inst=bass:38; bpm=140
            dubstep halftime                           | genre=dubstep; style=halftime; bpm=140
            half-time trap beat                        | style=halftime; genre=trap
            house four on the floor                    | genre=house; style=four-on-the-floor
            disco 4 on the floor beat                  | genre=disco; style=four-on-the-floor; bpm=120; unparsed=-
            shuffle blues                              | style=shuffle; genre=blues; bars=12
            swing jazz trio                            | style=swing; genre=jazz; unparsed=trio
            a waltz                                    | style=waltz; meter=3/4; defaulted=bpm,key,bars,roles
            jazz waltz in 6/8                          | genre=jazz; style=waltz; meter=6/8
            folk song in 3/4                           | genre=folk; meter=3/4; unparsed=-
            prog in 7/8                                | meter=7/8; unparsed=prog
            odd meter 7/9                              | meter=4/4; unparsed=odd,meter,7/9
            124 bpm                                    | bpm=124; genre=-
            124BPM house                               | bpm=124; genre=house
            tempo 95 soul                              | bpm=95; genre=soul
            tempo of 100                               | bpm=100
            house at 122                               | bpm=122; unparsed=-
            92.5 bpm lofi                              | bpm=92.5; genre=lo-fi
            140 beats per minute                       | bpm=140
            techno 135                                 | genre=techno; bpm=135; unparsed=-
            techno 135 at 128 bpm                      | bpm=128; unparsed=135
            house 500 bpm                              | bpm=124; unparsed=500 bpm; defaulted=bpm,key,time_signature,bars,roles
            pop 7                                      | bpm=110; unparsed=7
            fast techno                                | genre=techno; bpm=140; tempofrom=fast; defaulted=key,time_signature,bars,roles
            slow house                                 | genre=house; bpm=118; tempofrom=slow
            fast house at 128 bpm                      | bpm=128; tempofrom=at 128 bpm; unparsed=-
            in A minor                                 | key=A minor; unparsed=-
            Am chords                                  | key=A minor; roles=chords
            piano in A min                             | key=A minor; inst=chords:0
            a-moll                                     | key=A minor
            c-moll melody                              | key=C minor; roles=melody
            F# major lead                              | key=F# major; roles=melody
            f#m arp                                    | key=F# minor; roles=melody
            in the key of Eb                           | key=Eb major; unparsed=-
            key of Bb minor                            | key=Bb minor
            in C                                       | key=C major
            in c# minor                                | key=C# minor
            C sharp minor pad                          | key=C# minor; roles=pad
            e flat major strings                       | key=Eb major; roles=pad; inst=pad:48
            house in Gb                                | key=F# major
            in em                                      | key=E minor
            a chill beat                               | key=C major; mood=chill; roles=drums; unparsed=-; defaulted=bpm,key,time_signature,bars
            A dark melody                              | key=C major; mood=dark; roles=melody
            in a happy mood                            | key=C major; mood=happy; unparsed=mood
            am i late                                  | key=C major; unparsed=am,late
            8 bars                                     | bars=8; defaulted=bpm,key,time_signature,roles
            16-bar house loop                          | bars=16; genre=house; unparsed=-
            eight bars of funk                         | bars=8; genre=funk
            a 4 bar loop                               | bars=4; unparsed=-
            thirty two bars                            | bars=32
            one bar                                    | bars=1
            64 bars                                    | bars=32; unparsed=64 bars
            0 bars                                     | bars=1; unparsed=0 bars
            16bars                                     | bars=16
            drums                                      | roles=drums; defaulted=bpm,key,time_signature,bars
            beat                                       | roles=drums
            kick and snare                             | roles=drums
            bass and chords                            | roles=bass,chords
            melody over chords and drums               | roles=drums,chords,melody; unparsed=over
            synth lead with strings                    | roles=melody,pad; inst=melody:81,pad:48
            organ                                      | roles=chords; inst=chords:16
            808                                        | roles=bass; inst=bass:38; bpm=120
            rhodes keys                                | roles=chords; inst=chords:4
            rhodes and piano                           | inst=chords:4; unparsed=piano
            fx riser                                   | roles=fx
            house without drums                        | genre=house; roles=bass,chords; defaulted=bpm,key,time_signature,bars,roles
            drums and bass, no chords                  | roles=drums,bass
            sparse                                     | density=sparse
            minimal house                              | density=sparse; genre=house
            busy drums                                 | density=busy; roles=drums
            dense complex                              | density=busy; unparsed=-
            sparse and busy                            | density=sparse; unparsed=busy
            dark sad trap                              | mood=dark; unparsed=sad; genre=trap
            laid back groove                           | mood=chill
            tight boom bap                             | feel=tight; genre=boom-bap; unparsed=-
            live funk drums                            | feel=human; genre=funk; roles=drums; unparsed=-
            loose humanized groove                     | feel=human; unparsed=-
            performed piano ballad                     | feel=human; inst=chords:0; unparsed=ballad
            programmed robotic techno                  | feel=tight; genre=techno; unparsed=-
            quantized house                            | feel=tight; style=straight; genre=house; unparsed=-
            on-grid techno                             | feel=tight; genre=techno; unparsed=-
            human but tight                            | feel=human; unparsed=tight
            house for Ableton Live                     | feel=-; genre=house; unparsed=Ableton,Live
            live in ableton live                       | feel=human; unparsed=ableton,live
            zydeco accordion wonk                      | genre=-; unparsed=zydeco,accordion,wonk
            ""                                         | genre=-; bpm=120; key=C major; meter=4/4; bars=8; roles=drums,bass,chords,melody; unparsed=-
            house and techno                           | genre=house; unparsed=techno
            jazzy hip hop                              | genre=hip-hop; style=jazzy; unparsed=-
            jazzy trap                                 | genre=trap; style=jazzy; unparsed=-
            Please make me a DEEP HOUSE loop at 120BPM | genre=house; style=deep; bpm=120; unparsed=-
            """)
    void readsPhrasings(String prompt, String expectations) {
        PromptTags tags = TextPrompt.parse(prompt == null ? "" : prompt);
        Map<String, String> actual = render(tags);
        List<Executable> checks = new ArrayList<>();
        for (String expectation : expectations.split(";")) {
            String[] kv = expectation.trim().split("=", 2);
            assertTrue(actual.containsKey(kv[0]), "unknown field in test table: " + kv[0]);
            checks.add(() -> assertEquals(kv[1], actual.get(kv[0]), kv[0] + " of '" + prompt + "'; all: " + actual));
        }
        assertAll(checks);
    }

    /** What producers type: tempo words, moods, styles, density, and what is left over. Same format as above. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            upbeat liquid drum and bass, fast, with a rolling bassline | genre=drum-and-bass; style=liquid; mood=happy; bpm=180; tempofrom=fast; density=busy; roles=bass; unparsed=-
            slow dark trap, half-time, 808s            | genre=trap; style=halftime; mood=dark; bpm=130; tempofrom=slow; roles=bass; inst=bass:38; unparsed=-
            laid-back shuffled lofi with dusty rhodes  | genre=lo-fi; style=shuffle; mood=chill; bpm=70; tempofrom=laid back; inst=chords:4; unparsed=dusty
            half-time trap                             | style=halftime; bpm=140; tempofrom=-; defaulted=bpm,key,time_signature,bars,roles
            halftime dubstep at 140                    | style=halftime; bpm=140; tempofrom=at 140
            fast trap                                  | bpm=160
            mid-tempo trap                             | bpm=145; tempofrom=mid tempo
            uptempo house                              | bpm=130
            driving techno                             | bpm=140; tempofrom=driving
            downtempo                                  | genre=-; bpm=80; tempofrom=downtempo
            slow                                       | bpm=80; defaulted=key,time_signature,bars,roles
            fast                                       | bpm=140
            mid tempo                                  | bpm=110
            slow boom bap                              | genre=boom-bap; bpm=84
            fast hip hop                               | bpm=100
            slow lofi                                  | bpm=70
            slow reggae                                | bpm=60
            fast dnb                                   | bpm=180
            double-time hip hop                        | bpm=100; style=-; tempofrom=double time
            slow house at 126 bpm                      | bpm=126; tempofrom=at 126 bpm; unparsed=-
            fast 128 house                             | bpm=128; tempofrom=128; unparsed=-
            slow and fast house                        | bpm=118; tempofrom=slow; unparsed=fast
            laid back slow groove                      | mood=chill; bpm=80; tempofrom=laid back,slow; unparsed=-
            relaxed house                              | mood=chill; bpm=124; tempofrom=-
            euphoric trance                            | mood=uplifting
            melancholic piano                          | mood=melancholic; inst=chords:0
            nostalgic synthwave                        | mood=melancholic; genre=synthwave
            moody gloomy                               | mood=dark; unparsed=-
            ethereal ambient pads                      | mood=dreamy; genre=ambient; roles=pad
            ambient techno                             | genre=techno; mood=dreamy
            hype energetic                             | mood=energetic; unparsed=-
            groovy bouncy                              | mood=groovy; unparsed=-
            sexy rnb                                   | mood=romantic; genre=rnb
            ominous                                    | mood=tense
            cinematic                                  | genre=cinematic; mood=-
            epic cinematic strings                     | genre=cinematic; mood=epic; roles=pad; unparsed=-
            cinematic trap                             | genre=trap; mood=epic; unparsed=-
            warm mellow keys                           | mood=mellow; roles=chords
            soulful house                              | genre=house; mood=emotional
            funky                                      | genre=funk; mood=-
            funky disco                                | genre=disco; mood=funky
            jazzy                                      | genre=jazz; style=-
            dub                                        | genre=dub; style=-
            dub techno                                 | genre=techno; style=dub; unparsed=-
            techno dub                                 | genre=techno; style=dub; unparsed=-
            liquid                                     | genre=drum-and-bass; style=liquid; bpm=174
            liquid funk                                | genre=drum-and-bass; style=liquid
            jump-up dnb                                | genre=drum-and-bass; style=jump-up; unparsed=-
            neurofunk                                  | genre=drum-and-bass; style=neurofunk
            acid techno                                | genre=techno; style=acid
            melodic techno                             | genre=techno; style=melodic
            uk drill                                   | genre=drill; unparsed=-
            shuffled                                   | style=shuffle
            swung hats                                 | style=swing; roles=drums
            straight                                   | style=straight
            4x4 house                                  | style=four-on-the-floor; genre=house
            four to the floor                          | style=four-on-the-floor
            vinyl                                      | style=dusty
            stripped-back house                        | density=sparse; unparsed=-
            stripped down                              | density=sparse; unparsed=-
            full                                       | density=busy
            rolling                                    | density=busy
            lots of notes                              | density=busy; unparsed=-
            few notes                                  | density=sparse
            intricate jazz                             | density=busy; genre=jazz
            medium                                     | density=medium
            make me a beat with some kinda dark vibe   | mood=dark; roles=drums; unparsed=-
            a track in the style of zydeco             | unparsed=zydeco
            upbeat wonky house                         | mood=happy; genre=house; unparsed=wonky
            """)
    void readsProducerWords(String prompt, String expectations) {
        readsPhrasings(prompt, expectations);
    }

    /** Tempo words sit at the ends and the middle of each genre's range; the typical tempo lies inside it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            house         | 118 | 124 | 130
            techno        | 125 | 133 | 140
            trap          | 130 | 145 | 160
            drum-and-bass | 160 | 170 | 180
            hip-hop       | 80  | 90  | 100
            boom-bap      | 84  | 91  | 98
            lo-fi         | 70  | 80  | 90
            reggae        | 60  | 70  | 80
            """)
    void tempoWordsFollowTheGenreRange(String genre, double slow, double middle, double fast) {
        assertEquals(OptionalDouble.of(slow), TextPrompt.parse("slow " + genre).bpm());
        assertEquals(OptionalDouble.of(middle), TextPrompt.parse("mid-tempo " + genre).bpm());
        assertEquals(OptionalDouble.of(fast), TextPrompt.parse("fast " + genre).bpm());
        assertEquals(OptionalDouble.of(fast), TextPrompt.parse(genre + " uptempo").bpm());
        assertEquals(List.of("key", "time_signature", "bars", "roles"), TextPrompt.parse("fast " + genre).defaulted());
    }

    @Test
    void everyGenreRangeHoldsItsTypicalTempo() {
        for (String genre : Synonyms.genres()) {
            GenreDefaults d = GenreDefaults.forGenre(Optional.of(genre));
            assertTrue(d.minBpm() < d.bpm() && d.bpm() < d.maxBpm(), genre + ": " + d);
            assertTrue(d.bpm(GenreDefaults.Pace.MIDDLE) > d.minBpm() && d.bpm(GenreDefaults.Pace.MIDDLE) < d.maxBpm(), genre);
        }
        assertThrows(IllegalArgumentException.class, () -> new GenreDefaults(140, 100, 130, Key.parse("C major").orElseThrow(),
                TimeSignature.FOUR_FOUR, 8, List.of(Role.DRUMS)));
    }

    private static Map<String, String> render(PromptTags t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("genre", t.genre().orElse("-"));
        m.put("style", t.style().orElse("-"));
        m.put("mood", t.mood().orElse("-"));
        m.put("bpm", t.bpm().isPresent() ? number(t.bpm().getAsDouble()) : "-");
        m.put("tempofrom", orDash(String.join(",", t.tempoFrom())));
        m.put("key", t.key().map(Key::displayName).orElse("-"));
        m.put("meter", t.timeSignature().map(TimeSignature::toString).orElse("-"));
        m.put("bars", t.bars().isPresent() ? Integer.toString(t.bars().getAsInt()) : "-");
        m.put("roles", orDash(t.roles().stream().map(Role::label).collect(Collectors.joining(","))));
        m.put("density", t.density().map(Density::label).orElse("-"));
        m.put("feel", t.feel().orElse("-"));
        m.put("inst", orDash(t.instruments().entrySet().stream().map(e -> e.getKey().label() + ":" + e.getValue())
                .collect(Collectors.joining(","))));
        m.put("unparsed", orDash(String.join(",", t.unparsed())));
        m.put("defaulted", orDash(String.join(",", t.defaulted())));
        return m;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    @Test
    void promptWithoutGenreGetsTheDocumentedFallback() {
        PromptTags t = TextPrompt.parse("something nice");
        assertEquals(OptionalDouble.of(120), t.bpm());
        assertEquals(Key.parse("C major"), t.key());
        assertEquals(Optional.of(TimeSignature.FOUR_FOUR), t.timeSignature());
        assertEquals(OptionalInt.of(8), t.bars());
        assertEquals(List.of(Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY), t.roles());
        assertEquals(List.of("bpm", "key", "time_signature", "bars", "roles"), t.defaulted());
        assertEquals(List.of("something", "nice"), t.unparsed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            house         | 124 | A minor
            techno        | 130 | F minor
            hip-hop       | 90  | C minor
            boom-bap      | 90  | D minor
            lo-fi         | 80  | F major
            trap          | 140 | F# minor
            drum-and-bass | 174 | F minor
            funk          | 105 | E minor
            pop           | 110 | C major
            rock          | 120 | E major
            reggae        | 75  | G major
            jazz          | 120 | Bb major
            neo-soul      | 85  | Eb major
            ambient       | 80  | D major
            folk          | 100 | G major
            disco         | 120 | G minor
            dubstep       | 140 | F minor
            garage        | 132 | G minor
            afrobeat      | 110 | A minor
            latin         | 100 | D minor
            """)
    void genreDefaults(String genre, double bpm, String key) {
        GenreDefaults d = GenreDefaults.forGenre(Optional.of(genre));
        assertEquals(bpm, d.bpm());
        assertEquals(key, d.key().displayName());
        assertEquals(TimeSignature.FOUR_FOUR, d.timeSignature());
        // The prompt naming only the genre gets exactly these values, each listed as defaulted.
        PromptTags t = TextPrompt.parse(genre);
        assertEquals(Optional.of(genre), t.genre());
        assertEquals(OptionalDouble.of(bpm), t.bpm());
        assertEquals(Optional.of(d.key()), t.key());
        assertEquals(d.roles(), t.roles());
        assertEquals(List.of("bpm", "key", "time_signature", "bars", "roles"), t.defaulted());
    }

    @Test
    void everyGenreOfTheSynonymTableHasDefaults() {
        List<String> missing = Synonyms.genres().stream().filter(g -> !GenreDefaults.covers(g)).sorted().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void instrumentProgramsNameTheRightGeneralMidiSound() {
        assertEquals("Slap Bass 1", GeneralMidi.programName(TextPrompt.parse("slap bass").instruments().get(Role.BASS)));
        assertEquals("Synth Bass 1", GeneralMidi.programName(TextPrompt.parse("808").instruments().get(Role.BASS)));
        assertEquals("Electric Piano 1", GeneralMidi.programName(TextPrompt.parse("rhodes").instruments().get(Role.CHORDS)));
        assertEquals("String Ensemble 1", GeneralMidi.programName(TextPrompt.parse("strings").instruments().get(Role.PAD)));
        assertTrue(GeneralMidi.programName(TextPrompt.parse("synth lead").instruments().get(Role.MELODY))
                .toLowerCase(Locale.ROOT).startsWith("lead"));
    }

    @Test
    void thePartNamedRightAfterAnInstrumentIsTheOneItPlays() {
        PromptTags t = TextPrompt.parse("trap with 808s and a piano melody");
        assertEquals(List.of(Role.BASS, Role.MELODY), t.roles());
        assertEquals(0, t.instruments().get(Role.MELODY), "the piano plays the melody, not chords nobody asked for");
        assertEquals(null, t.instruments().get(Role.CHORDS));
        PromptTags u = TextPrompt.parse("rhodes chords and a guitar melody");
        assertEquals(4, u.instruments().get(Role.CHORDS));
        assertEquals(Role.MELODY, u.instruments().entrySet().stream().filter(e -> e.getValue() != 4).findFirst().orElseThrow().getKey());
        assertEquals(0, TextPrompt.parse("house with a synth bass and piano").instruments().get(Role.CHORDS), "alone, piano is chords");
        assertEquals(List.of(Role.DRUMS), TextPrompt.parse("drum kit beat, no piano melody").roles());
    }

    @Test
    void parsingIsDeterministicAndNeverFails() {
        String prompt = "¿qué? 3/0 ### -- 1e9 bpm ♭♭ C## 99999999999999999999 bars \u0000 in";
        assertEquals(TextPrompt.parse(prompt), TextPrompt.parse(prompt));
        assertEquals(OptionalDouble.of(120), TextPrompt.parse(prompt).bpm());
        assertEquals(TextPrompt.parse(null), TextPrompt.parse("   "));
    }

    @Test
    void tagsValidateTheirFields() {
        PromptTags ok = TextPrompt.parse("house");
        assertThrows(IllegalArgumentException.class, () -> new PromptTags(ok.genre(), ok.style(), ok.mood(), ok.bpm(), ok.tempoFrom(), ok.key(),
                ok.timeSignature(), OptionalInt.of(33), ok.roles(), ok.density(), ok.feel(), ok.instruments(), ok.unparsed(), ok.defaulted()));
        assertThrows(IllegalArgumentException.class, () -> new PromptTags(ok.genre(), ok.style(), ok.mood(), ok.bpm(), ok.tempoFrom(), ok.key(),
                ok.timeSignature(), ok.bars(), List.of(Role.BASS, Role.DRUMS), ok.density(), ok.feel(), ok.instruments(), ok.unparsed(),
                ok.defaulted()));
        assertThrows(IllegalArgumentException.class, () -> new PromptTags(ok.genre(), ok.style(), ok.mood(), ok.bpm(), ok.tempoFrom(), ok.key(),
                ok.timeSignature(), ok.bars(), List.of(Role.DRUMS), ok.density(), ok.feel(), Map.of(Role.BASS, 36), ok.unparsed(),
                ok.defaulted()));
        assertThrows(IllegalArgumentException.class, () -> new PromptTags(ok.genre(), ok.style(), ok.mood(), OptionalDouble.of(-1), ok.tempoFrom(),
                ok.key(), ok.timeSignature(), ok.bars(), ok.roles(), ok.density(), ok.feel(), ok.instruments(), ok.unparsed(),
                List.of("tempo")));
        assertThrows(IllegalArgumentException.class, () -> new PromptTags(ok.genre(), ok.style(), ok.mood(), ok.bpm(), ok.tempoFrom(),
                ok.key(), ok.timeSignature(), ok.bars(), ok.roles(), ok.density(), Optional.of("sloppy"), ok.instruments(), ok.unparsed(),
                ok.defaulted()));
    }
}
