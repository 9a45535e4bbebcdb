package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names → labels, including names that must give nothing. */
@UnitTest
class FileNameHintsTest {
    /** The labels a name gives, as "field=value" in the order found; "" for none. */
    static String hints(String fileName) {
        Findings f = FileNameHints.of(fileName);
        assertTrue(f.labels().stream().allMatch(l -> l.source() == LabelSource.FILE_NAME && l.origin().equals("file name")));
        return f.labels().stream().map(l -> l.field() + "=" + l.value()).sorted().collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            FunkyBeat_120bpm_Am.mid                 | bpm=120, genre=funk, key=A minor, roles=drums
            dnb-174-Fm-drums.mid                    | bpm=174, genre=drum-and-bass, key=F minor, roles=drums
            lofi chords 85 BPM.mid                  | bpm=85, genre=lo-fi, roles=chords
            trap_hats_140_C#min.mid                 | bpm=140, genre=trap, key=C# minor, roles=drums
            Deep House - Pad - 122bpm - Gm.mid      | bpm=122, genre=house, key=G minor, roles=pad, style=deep
            waltz_3-4.mid                           | style=waltz, time_signature=3/4
            jig_in_6-8_D_major.mid                  | key=D major, style=jig, time_signature=6/8
            1_funk_80_beat_4-4.mid                  | bpm=80, genre=funk, roles=drums, style=beat, time_signature=4/4
            100_neworleans-secondline_94_beat_4-4.mid | bpm=94, genre=new-orleans, roles=drums, style=secondline, time_signature=4/4
            12_rock-halftime_140_fill_4-4.mid       | bpm=140, genre=rock, roles=drums, style=halftime, time_signature=4/4
            HipHop_Keys_90_Ebmaj.mid                | bpm=90, genre=hip-hop, key=Eb major, roles=chords
            hip-hop bass 92.mid                     | bpm=92, genre=hip-hop, roles=bass
            Drum and Bass Reese 172.mid             | bpm=172, genre=drum-and-bass
            d&b_lead_A_minor.mid                    | genre=drum-and-bass, key=A minor, roles=melody
            RnB_Chords_Bbmaj_75bpm.mid              | bpm=75, genre=rnb, key=Bb major, roles=chords
            boom bap drums 88.mid                   | bpm=88, genre=boom-bap, roles=drums
            Neo Soul Rhodes Dbmaj7.mid              | genre=neo-soul, key=Db major, roles=chords
            Tech House Bassline 126 BPM.mid         | bpm=126, genre=house, roles=bass, style=tech
            dark_trap_808_150.mid                   | bpm=150, genre=trap, mood=dark, roles=bass
            chill lofi keys F#m 80bpm.mid           | bpm=80, genre=lo-fi, key=F# minor, mood=chill, roles=chords
            Amin_arp_128.mid                        | bpm=128, key=A minor, roles=melody
            melody_Cmaj_bpm100.mid                  | bpm=100, key=C major, roles=melody
            house 124 128.mid                       | genre=house
            techno_kick_130.mid                     | bpm=130, genre=techno, roles=drums
            bass_chords_Am.mid                      | key=A minor, roles=bass;chords
            reggae_skank_3-4_70.mid                 | bpm=70, genre=reggae, time_signature=3/4
            dubstep 70 halftime.mid                 | bpm=70, genre=dubstep, style=halftime
            footwork_160_perc.mid                   | bpm=160, roles=drums
            riser_fx_8bars.mid                      | roles=fx
            01_intro.mid                            | ''
            track 2.mid                             | ''
            Untitled.mid                            | ''
            Song 100.mid                            | ''
            120.mid                                 | ''
            3AM Vibes.mid                           | ''
            Take C.mid                              | ''
            Part B 2.mid                            | ''
            2024-08-16 session.mid                  | ''
            ashover11.mid                           | ''
            002.mid                                 | ''
            popk_dataset_000451.mid                 | ''
            jigs100.mid                             | style=jig
            Trap140 Melody.mid                      | genre=trap, roles=melody
            drummer1 take120 house.mid              | genre=house
            """)
    void fileNames(String fileName, String expected) {
        assertEquals(expected, hints(fileName));
    }

    @Test
    void firstGenreInANameWins() {
        assertEquals("genre=trap, roles=drums", hints("trap_soul_drums.mid"));
    }

    @Test
    void tempoWithUnitNeedsNoOtherLabel() {
        assertEquals("bpm=97", hints("idea 97bpm.mid"));
        assertEquals("bpm=97", hints("idea_97_BPM.mid"));
    }

    @Test
    void bareNumberNextToGenreMayBeOutsideTheUsualRange() {
        // 40..300 next to a genre word, 60..200 anywhere else in a labelled name.
        assertEquals("bpm=220, genre=drum-and-bass", hints("dnb 220.mid"));
        assertEquals("roles=drums", hints("drums intro 220.mid"));
        assertEquals("bpm=50, genre=ambient", hints("ambient_50.mid"));
    }

    @Test
    void loneCapitalLettersAreNeverKeys() {
        assertEquals("roles=bass", hints("Bass_C_01.mid"));
        assertEquals("key=C major, roles=bass", hints("Bass_C_major_01.mid"));
    }

    @Test
    void tempoOutOfRangeWithUnitIsDropped() {
        assertEquals("", hints("glitch 1500bpm.mid"));
        assertEquals("", hints("slow 12bpm.mid"));
    }
}
