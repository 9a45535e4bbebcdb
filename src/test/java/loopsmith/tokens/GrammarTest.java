package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrammarTest {
    private final Vocabulary v = Vocabulary.defaults();
    private final Grammar g = new Grammar(v);

    private List<Token> parse(String text) {
        List<Token> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) out.add(Token.parse(w).orElseThrow(() -> new AssertionError(w)));
        return out;
    }

    @Test
    void aSmallValidPiece() {
        List<Token> t = parse("""
            PIECE_START GENRE=house TEMPO=124 TIMESIG=4/4 KEY=Am
            TRACK_START INST=DRUMS ROLE=drums BAR_START POS=0 NOTE_ON=36 VEL=119 NOTE_ON=42 VEL=79 POS=12 NOTE_ON=42 VEL=64 BAR_END TRACK_END
            TRACK_START INST=33 ROLE=bass BAR_START POS=0 NOTE_ON=45 DUR=12 VEL=103 BAR_END TRACK_END
            PIECE_END""");
        assertEquals(Optional.empty(), g.validate(t));
    }

    @Test
    void rulesAreEnforced() {
        String head = "PIECE_START TEMPO=120 TIMESIG=4/4 TRACK_START INST=0 ROLE=chords BAR_START ";
        assertFalse(g.isValid(parse(head + "POS=12 NOTE_ON=60 DUR=6 VEL=79 POS=6 NOTE_ON=62 DUR=6 VEL=79 BAR_END TRACK_END PIECE_END")),
                "positions must increase");
        assertFalse(g.isValid(parse(head + "POS=0 NOTE_ON=64 DUR=6 VEL=79 NOTE_ON=60 DUR=6 VEL=79 BAR_END TRACK_END PIECE_END")),
                "pitches must increase within a position");
        assertFalse(g.isValid(parse(head + "POS=0 NOTE_ON=60 VEL=79 BAR_END TRACK_END PIECE_END")), "pitched notes need DUR");
        assertFalse(g.isValid(parse(head + "POS=96 NOTE_ON=60 DUR=6 VEL=79 BAR_END TRACK_END PIECE_END")), "POS beyond a 4/4 bar");
        assertTrue(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=8/4 TRACK_START INST=0 ROLE=chords BAR_START POS=96 NOTE_ON=60 DUR=6 VEL=79 BAR_END TRACK_END PIECE_END")));
        assertFalse(g.isValid(parse("PIECE_START TIMESIG=4/4 TEMPO=120 PIECE_END")), "tags in order");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 TRACK_START INST=0 ROLE=bass BAR_START BAR_END TRACK_END "
                + "TRACK_START INST=0 ROLE=bass BAR_START BAR_END BAR_START BAR_END TRACK_END PIECE_END")), "same bar count");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 UNK PIECE_END")), "UNK is never valid");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 TRACK_START INST=0 ROLE=bass BAR_START BAR_END TRACK_END")), "unfinished");
        assertFalse(g.isValid(parse("PIECE_START GENRE=house TIMESIG=4/4 PIECE_END")), "tempo is mandatory");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 PIECE_END")), "meter is mandatory");
        assertTrue(g.isValid(parse("PIECE_START MOOD=dark TEMPO=120 TIMESIG=4/4 KEY=F# PIECE_END")), "optional tags may be dropped");
    }

    @Test
    void requiredBarsIsHonoured() {
        Grammar.State s = g.start(2);
        for (Token t : parse("PIECE_START TEMPO=120 TIMESIG=4/4 TRACK_START INST=DRUMS ROLE=drums BAR_START BAR_END")) s.accept(t);
        assertFalse(s.allows(Token.TRACK_END));
        for (Token t : parse("BAR_START BAR_END")) s.accept(t);
        assertFalse(s.allows(Token.BAR_START));
        assertTrue(s.allows(Token.TRACK_END));
    }

    @Test
    void decoderRepairsCommonDamage() {
        RemiDecoder d = new RemiDecoder(v);
        // Missing PIECE_START, a BAR_END and a velocity; junk between; sequence cut off mid-track.
        Decoded r = d.decode(parse("TEMPO=100 TRACK_START INST=33 ROLE=bass BAR_START POS=0 NOTE_ON=40 DUR=12 "
                + "POS=24 NOTE_ON=43 DUR=12 VEL=87 BAR_START POS=0 NOTE_ON=45 DUR=24 VEL=87 TEMPO=120 PAD"));
        assertTrue(r.repaired());
        assertEquals(100.0, r.piece().initialBpm());
        assertEquals(3, r.piece().noteCount());
        assertEquals(2, r.piece().lengthBars());
        assertEquals(2, r.droppedTokens()); // the late TEMPO and the PAD inside the piece
    }
}
