package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class GrammarTest {
    private final Vocabulary v = Vocabulary.defaults();
    private final Grammar g = new Grammar(v);

    static List<Token> parse(String text) {
        List<Token> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) out.add(Token.parse(w).orElseThrow(() -> new AssertionError(w)));
        return out;
    }

    private static final String HOUSE = """
            PIECE_START GENRE=house TEMPO=124 TIMESIG=4/4 KEY=Am SWING=16:57
            ROLE=drums INST=DRUMS DENS=1 ROLE=bass INST=33 DENS=0 POLY=0
            BAR_START TRK=0 POS=0 HIT=36:111 HIT=42:79 POS=12 HIT=42:64 TRK=1 POS=0 VEL=103 NOTE_ON=45 DUR=12
            BAR_START TRK=0 POS=0 HIT=36:111 TRK=1 POS=0 VEL=103 NOTE_ON=45 DUR=12 POS=12 NOTE_ON=48 DUR=6 VEL=64 NOTE_ON=52 DUR=6
            PIECE_END""";

    @Test
    void aSmallValidPiece() {
        assertEquals(Optional.empty(), g.validate(parse(HOUSE)));
        Decoded d = new RemiDecoder(v).decode(parse(HOUSE));
        assertFalse(d.repaired());
        assertEquals(Optional.of(new Token.Swing(16, 57)), d.swing());
        assertEquals(2, d.piece().lengthBars());
        Track bass = d.piece().tracks().get(1);
        assertEquals(Role.BASS, bass.role());
        assertEquals(List.of(103, 103, 103, 64), bass.notes().stream().map(Note::velocity).toList(), "VEL holds until the next one");
        assertEquals(4, d.piece().tracks().get(0).notes().size());
    }

    @Test
    void rulesAreEnforced() {
        String head = "PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=chords INST=0 BAR_START TRK=0 ";
        assertTrue(g.isValid(parse(head + "POS=0 VEL=79 NOTE_ON=60 DUR=6 PIECE_END")));
        assertFalse(g.isValid(parse(head + "POS=12 VEL=79 NOTE_ON=60 DUR=6 POS=6 NOTE_ON=62 DUR=6 PIECE_END")), "positions must increase");
        assertFalse(g.isValid(parse(head + "POS=0 VEL=79 NOTE_ON=64 DUR=6 NOTE_ON=60 DUR=6 PIECE_END")), "pitches must increase within a position");
        assertFalse(g.isValid(parse(head + "POS=0 VEL=79 NOTE_ON=60 PIECE_END")), "pitched notes need DUR");
        assertFalse(g.isValid(parse(head + "POS=0 NOTE_ON=60 DUR=6 PIECE_END")), "a part's first pitched note needs a VEL");
        assertFalse(g.isValid(parse(head + "POS=0 HIT=36:127 PIECE_END")), "no drum hits in a pitched part");
        assertFalse(g.isValid(parse(head + "POS=96 VEL=79 NOTE_ON=60 DUR=6 PIECE_END")), "POS beyond a 4/4 bar");
        assertTrue(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=8/4 ROLE=chords INST=0 BAR_START TRK=0 POS=96 VEL=79 NOTE_ON=60 DUR=6 PIECE_END")));
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=drums INST=DRUMS BAR_START TRK=0 POS=0 VEL=79 HIT=36:127 PIECE_END")),
                "drum hits carry their own velocity");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=drums INST=DRUMS POLY=1 PIECE_END")), "no polyphony control on drums");
        assertFalse(g.isValid(parse("PIECE_START TIMESIG=4/4 TEMPO=120 ROLE=bass INST=33 PIECE_END")), "tags in order");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=bass INST=33 ROLE=chords INST=0 BAR_START TRK=1 PIECE_END")),
                "every part in every bar, in order");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=bass INST=33 ROLE=chords INST=0 BAR_START TRK=0 PIECE_END")),
                "a bar ends only after its last part");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 TIMESIG=4/4 UNK PIECE_END")), "UNK is never valid");
        assertFalse(g.isValid(parse("PIECE_START GENRE=house TIMESIG=4/4 ROLE=bass INST=33 PIECE_END")), "tempo is mandatory");
        assertFalse(g.isValid(parse("PIECE_START TEMPO=120 ROLE=bass INST=33 PIECE_END")), "meter is mandatory");
        assertTrue(g.isValid(parse("PIECE_START MOOD=dark TEMPO=120 TIMESIG=4/4 KEY=F# ROLE=bass INST=33 PIECE_END")), "optional tags may be dropped");
    }

    @Test
    void fillsComeAfterTheBarsInOrder() {
        String piece = "PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=drums INST=DRUMS ROLE=bass INST=33 "
                + "BAR_START TRK=0 POS=0 HIT=36:111 TRK=1 FILL BAR_START TRK=0 FILL TRK=1 POS=0 VEL=79 NOTE_ON=40 DUR=6 ";
        assertFalse(g.isValid(parse(piece + "PIECE_END")), "FILLs must be written out");
        List<Token> filled = parse(piece + "FILL_START POS=6 VEL=64 NOTE_ON=43 DUR=6 FILL_END FILL_START POS=0 HIT=38:95 FILL_END PIECE_END");
        assertEquals(Optional.empty(), g.validate(filled));
        assertFalse(g.isValid(parse(piece + "FILL_START POS=0 HIT=38:95 FILL_END FILL_START FILL_END PIECE_END")),
                "the first fill is the bass's: no drum hits");
        Decoded d = new RemiDecoder(v).decode(filled);
        assertFalse(d.repaired());
        long bar = d.piece().barGrid().barStartTick(1);
        assertEquals(List.of(0L, bar), d.piece().tracks().get(0).notes().stream().map(Note::startTick).toList(),
                "the drums' fill lands in bar 2");
        assertEquals(List.of(43, 40), d.piece().tracks().get(1).notes().stream().map(Note::pitch).toList(), "the bass's fill lands in bar 1");
        assertEquals(PieceTokens.parse(filled).tokens(), new RemiEncoder(v).encode(d.piece(), Tags.NONE).stream()
                .filter(t -> !(t instanceof Token.Density || t instanceof Token.Polyphony)).toList());
    }

    @Test
    void requiredBarsIsHonoured() {
        Grammar.State s = g.start(2);
        for (Token t : parse("PIECE_START TEMPO=120 TIMESIG=4/4 ROLE=drums INST=DRUMS BAR_START TRK=0")) s.accept(t);
        assertFalse(s.allows(Token.PIECE_END));
        assertTrue(s.allows(Token.BAR_START));
        for (Token t : parse("BAR_START TRK=0")) s.accept(t);
        assertFalse(s.allows(Token.BAR_START));
        assertTrue(s.allows(Token.PIECE_END));
    }

    @Test
    void decoderRepairsCommonDamage() {
        RemiDecoder d = new RemiDecoder(v);
        // Missing PIECE_START, an empty part skipped, a velocity and a duration cut off; junk between.
        Decoded r = d.decode(parse("TEMPO=100 ROLE=drums INST=DRUMS ROLE=bass INST=33 BAR_START TRK=1 POS=0 NOTE_ON=40 DUR=12 "
                + "POS=24 VEL=87 NOTE_ON=43 DUR=12 BAR_START TRK=0 TRK=1 POS=0 NOTE_ON=45 TEMPO=120 PAD"));
        assertTrue(r.repaired());
        assertEquals(100.0, r.piece().initialBpm());
        assertEquals(3, r.piece().noteCount());
        assertEquals(2, r.piece().lengthBars());
        assertEquals(2, r.droppedTokens()); // the late TEMPO and the PAD inside the piece
    }
}
