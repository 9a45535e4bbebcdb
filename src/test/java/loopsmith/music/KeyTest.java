package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import loopsmith.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@UnitTest
class KeyTest {
    @ParameterizedTest
    @CsvSource({
        "A minor, A minor", "Am, A minor", "A min, A minor", "a-moll, A minor", "F#m, F# minor", "F# major, F# major",
        "Gb:maj, F# major", "Eb minor, Eb minor", "Ebm, Eb minor", "C, C major", "Cmaj, C major", "Bb, Bb major",
        "bbm, Bb minor", "C-Dur, C major", "Db major, Db major", "C#m, C# minor", "G#min, G# minor", "E:min, E minor",
        "D minor, D minor", "B, B major", "Bm, B minor", "AM, A major"
    })
    void parsesTheWaysPeopleWriteKeys(String text, String expected) {
        assertEquals(expected, Key.parse(text).orElseThrow().displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "H", "minor", "C##", "X major", "Am7b5", "124bpm"})
    void rejectsNonKeys(String text) {
        assertEquals(Optional.empty(), Key.parse(text));
    }

    @Test
    void keySignatureRoundTripForAllKeys() {
        for (Mode m : Mode.values()) {
            for (int pc = 0; pc < 12; pc++) {
                Key k = new Key(pc, m);
                assertEquals(k, Key.fromKeySignature(k.sharps(), m == Mode.MINOR).orElseThrow(), k.toString());
                assertTrue(k.sharps() >= -6 && k.sharps() <= 6);
            }
        }
        assertEquals("A major", Key.fromKeySignature(3, false).orElseThrow().displayName());
        assertEquals("D minor", Key.fromKeySignature(-1, true).orElseThrow().displayName());
        assertFalse(Key.fromKeySignature(9, false).isPresent());
    }

    @Test
    void scaleMembership() {
        Key c = new Key(0, Mode.MAJOR);
        int inScale = 0;
        for (int p = 60; p < 72; p++) if (c.inScale(p)) inScale++;
        assertEquals(7, inScale);
        assertTrue(Key.parse("Am").orElseThrow().inScale(67)); // G natural in A natural minor
        assertFalse(Key.parse("Am").orElseThrow().inScale(68));
    }
}
