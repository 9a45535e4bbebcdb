package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class VocabularyTest {
    private final Vocabulary v = Vocabulary.defaults();

    @Test
    void saveLoadRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("vocab.json");
        v.save(f);
        Vocabulary back = Vocabulary.load(f);
        assertEquals(v, back);
        assertEquals(v.config(), back.config());
        Vocabulary custom = Vocabulary.of(TokenizerConfig.defaults().withTags(List.of("Zydeco", "house"), List.of(), List.of("sleepy")));
        custom.save(f);
        assertEquals(custom, Vocabulary.load(f));
        assertTrue(custom.contains(new Token.Tag(Token.TagKind.GENRE, "zydeco")));
    }

    @Test
    void everyTokenHasOneIdAndParsesBackFromItsString() {
        for (int id = 0; id < v.size(); id++) {
            Token t = v.token(id);
            assertEquals(id, v.id(t));
            assertEquals(t, v.parse(t.toString()), t.toString());
        }
        assertEquals(0, v.id(Token.PAD));
        assertTrue(v.size() > 500 && v.size() < 1500, "size " + v.size());
    }

    @Test
    void unknownInputMapsToUnkAndNeverThrows() {
        assertEquals(Token.UNK, v.parse("GENRE=zydeco"));
        assertEquals(Token.UNK, v.parse("NOTE_ON=300"));
        assertEquals(Token.UNK, v.parse("POS=9999"));
        assertEquals(Token.UNK, v.parse("complete nonsense"));
        assertEquals(Token.UNK, v.parse("TEMPO=abc"));
        assertEquals(Token.UNK, v.token(-5));
        assertEquals(Token.UNK, v.token(1_000_000));
        assertEquals(v.id(Token.UNK), v.id(new Token.Tag(Token.TagKind.MOOD, "sleepy")));
    }

    @Test
    void versionAndConsistencyAreChecked(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("vocab.json");
        v.save(f);
        String json = Files.readString(f);
        Files.writeString(f, json.replace("\"version\" : 2", "\"version\" : 99"));
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
        assertTrue(e.reason().contains("version 99"), e.reason());
        // A newer file is named as newer before its fields are read, even one whose fields no longer bind.
        Files.writeString(f, json.replace("\"version\" : 2", "\"version\" : 4294967298").replace("\"tokens\" : [", "\"tokens\" : 7, \"old\" : ["));
        e = assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
        assertTrue(e.reason().contains("version 4294967298 is newer"), e.reason());
        Files.writeString(f, json.replace("\"tokenFormat\" : 2,", ""));
        e = assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
        assertTrue(e.reason().contains("token format version 1"), "a file of the old format names it: " + e.reason());
        Files.writeString(f, json.replace("\"tokenFormat\" : 2,", "").replace("\"version\" : 2", "\"version\" : 1"));
        e = assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
        assertTrue(e.reason().contains("token format version 1"), "an older vocabulary file names its token format: " + e.reason());
        Files.writeString(f, json.replace("\"NOTE_ON=60\"", "\"NOTE_ON=61\""));
        assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
        Files.writeString(f, "not json");
        assertThrows(LoopsmithException.class, () -> Vocabulary.load(f));
    }

    @Test
    void gridHoldsStraightTripletAndThirtySecondDurations() {
        TokenGrid g = v.grid();
        assertEquals(24, v.config().positionsPerQuarter());
        for (int steps : new int[] {2, 3, 4, 6, 8, 12, 16, 24, 48, 96, 192, 384})
            assertEquals(steps, g.durationBin(steps), "duration bin " + steps);
        assertEquals(124, g.tempoBin(124.0));
        assertEquals(174, g.tempoBin(174.2));
        assertEquals(240, g.tempoBin(400));
        assertEquals(127, g.velocityLevel(127));
        assertEquals(g.velocityLevel(100), g.velocityLevel(g.velocityLevel(100)));
    }
}
