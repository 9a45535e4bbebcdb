package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import loopsmith.PieceArbitraries;
import loopsmith.UnitTest;
import loopsmith.music.Piece;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@UnitTest
class TokenRoundTripTest {
    private static final Vocabulary VOCABULARY = Vocabulary.defaults();
    private final RemiEncoder encoder = new RemiEncoder(VOCABULARY);
    private final RemiDecoder decoder = new RemiDecoder(VOCABULARY);
    private final Grammar grammar = new Grammar(VOCABULARY);

    @Provide
    Arbitrary<Piece> pieces() {
        return PieceArbitraries.messyPieces();
    }

    @Provide
    Arbitrary<Tags> tags() {
        Arbitrary<String> genre = Arbitraries.of("house", "trap", "jazz", "zydeco", "Hip Hop").injectNull(0.3);
        Arbitrary<String> mood = Arbitraries.of("dark", "chill", "sleepy").injectNull(0.5);
        return net.jqwik.api.Combinators.combine(genre, mood).as((g, m) -> Tags.of(g, null, m));
    }

    /** decode(encode(p)) == quantize(p), and encoder output is always grammatical. */
    @Property(tries = 1000)
    void decodeInvertsEncode(@ForAll("pieces") Piece piece, @ForAll("tags") Tags tags) {
        List<Token> tokens = encoder.encode(piece, tags);
        assertEquals(Optional.empty(), grammar.validate(tokens));
        Decoded d = decoder.decode(tokens);
        assertFalse(d.repaired());
        assertEquals(encoder.quantize(piece), d.piece());
        Tags known = Tags.of(tags.genre().filter(g -> !g.equals("zydeco")).orElse(null), null,
                tags.mood().filter(m -> !m.equals("sleepy")).orElse(null));
        assertEquals(known, d.tags());
    }

    /** Quantizing is idempotent: a quantized piece encodes to the same tokens as the original. */
    @Property(tries = 300)
    void quantizeIsIdempotent(@ForAll("pieces") Piece piece) {
        Piece q = encoder.quantize(piece);
        assertEquals(q, encoder.quantize(q));
        assertEquals(encoder.encode(piece, Tags.NONE), encoder.encode(q, Tags.NONE));
    }

    /** Any valid sequence decodes without repair, and its piece encodes to tokens that decode to the same music. */
    @Property(tries = 1000)
    void encodeInvertsDecodeOnValidSequences(@ForAll long seed) {
        List<Token> t = randomValidSequence(new Random(seed));
        assertEquals(Optional.empty(), grammar.validate(t));
        Decoded d = decoder.decode(t);
        assertFalse(d.repaired(), "a valid sequence needs no repair");
        List<Token> again = encoder.encode(d.piece(), d.tags(), d.swing());
        assertEquals(Optional.empty(), grammar.validate(again));
        assertEquals(encoder.quantize(d.piece()), decoder.decode(again).piece());
        // A chord or pad part's note a step after its chord joins the chord; only a pitch struck again there is one
        // note too many, and only that is lost.
        assertEquals(d.piece().noteCount() - restruckInChords(d.piece()), decoder.decode(again).piece().noteCount());
    }

    /** Notes of chord and pad parts that repeat a pitch of the chord begun a grid step or less before them. */
    private static int restruckInChords(Piece p) {
        long step = p.ticksPerQuarter() / VOCABULARY.config().positionsPerQuarter();
        int restruck = 0;
        for (loopsmith.music.Track t : p.tracks()) {
            if (t.role() != loopsmith.music.Role.CHORDS && t.role() != loopsmith.music.Role.PAD) continue;
            long chord = Long.MIN_VALUE / 2;
            java.util.Set<Integer> pitches = new java.util.HashSet<>();
            for (loopsmith.music.Note n : t.notes()) {
                long at = n.startTick() / step;
                if (at - chord > RemiEncoder.CHORD_SPREAD_STEPS) {
                    chord = at;
                    pitches.clear();
                }
                if (!pitches.add(n.pitch())) restruck++;
            }
        }
        return restruck;
    }

    /** Bars left out as FILLs and parts in another order decode to the same music: infill moves tokens, it loses none. */
    @Property(tries = 500)
    void infillAndPartOrderKeepTheMusic(@ForAll("pieces") Piece piece, @ForAll long seed) {
        List<Token> tokens = encoder.encode(piece, Tags.NONE);
        PieceTokens p = PieceTokens.parse(tokens);
        if (p == null) return;
        assertEquals(tokens, p.tokens());
        Random rnd = new Random(seed);
        int[] order = PieceTokens.identity(p.parts());
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        int maskedPart = rnd.nextInt(p.parts());
        int from = p.bars().isEmpty() ? 0 : rnd.nextInt(p.bars().size());
        List<Token> arranged = p.tokens(0, p.bars().size(), order, (bar, part) -> part == maskedPart && bar >= from && bar <= from + 1);
        assertEquals(Optional.empty(), grammar.validate(arranged));
        Decoded d = decoder.decode(arranged);
        assertFalse(d.repaired());
        Piece q = encoder.quantize(piece);
        assertEquals(q.lengthBars(), d.piece().lengthBars());
        for (int k = 0; k < order.length; k++) assertEquals(q.tracks().get(order[k]).notes(), d.piece().tracks().get(k).notes());
    }

    /** Any token soup decodes without an exception, and the result re-encodes to a valid sequence. */
    @Property(tries = 2000)
    void decodingGarbageNeverThrows(@ForAll long seed) {
        Random rnd = new Random(seed);
        int[] ids = new int[rnd.nextInt(400)];
        List<Token> valid = randomValidSequence(rnd);
        for (int i = 0; i < ids.length; i++) {
            // Half pure noise, half a valid sequence with tokens swapped, dropped or repeated.
            ids[i] = rnd.nextBoolean() || valid.isEmpty() ? rnd.nextInt(VOCABULARY.size() + 5) - 2
                    : VOCABULARY.id(valid.get(Math.max(0, Math.min(valid.size() - 1, i + rnd.nextInt(3) - 1))));
        }
        Decoded d = decoder.decodeIds(ids);
        assertTrue(d.droppedTokens() >= 0 && d.insertedTokens() >= 0);
        assertEquals(Optional.empty(), grammar.validate(encoder.encode(d.piece(), d.tags())));
    }

    /** Walks the grammar choosing among allowed tokens, steering towards short pieces with a few fills. */
    static List<Token> randomValidSequence(Random rnd) {
        Grammar.State s = new Grammar(VOCABULARY).start();
        List<Token> out = new ArrayList<>();
        int targetTracks = 1 + rnd.nextInt(4);
        int targetBars = rnd.nextInt(5);
        while (!s.isComplete()) {
            List<Token> allowed = VOCABULARY.tokens().stream().filter(s::allows).toList();
            if (allowed.isEmpty()) throw new AssertionError("the grammar has no way on after " + out);
            Token next = choose(allowed, s, rnd, targetTracks, targetBars);
            s.accept(next);
            out.add(next);
        }
        return out;
    }

    private static Token choose(List<Token> allowed, Grammar.State s, Random rnd, int targetTracks, int targetBars) {
        List<Token> roles = allowed.stream().filter(t -> t instanceof Token.RoleTag).toList();
        if (!roles.isEmpty() && (s.tracks() < targetTracks || s.phase() == Grammar.Phase.TAGS) && rnd.nextInt(4) > 0)
            return roles.get(rnd.nextInt(roles.size()));
        if (allowed.contains(Token.PIECE_END) && (s.bars() >= targetBars || rnd.nextInt(8) == 0)) return Token.PIECE_END;
        if (allowed.contains(Token.FILL_START)) return Token.FILL_START;
        if (allowed.contains(Token.BAR_START) && (s.phase() == Grammar.Phase.DECL_OPTIONS || rnd.nextInt(3) == 0)) return Token.BAR_START;
        if (allowed.contains(Token.FILL) && rnd.nextInt(6) == 0) return Token.FILL;
        List<Token> ends = allowed.stream().filter(t -> t instanceof Token.TrackRef || t.equals(Token.FILL_END)).toList();
        if (!ends.isEmpty() && (rnd.nextInt(3) == 0 || allowed.size() == ends.size())) return ends.get(0);
        List<Token> rest = allowed.stream().filter(t -> !(t instanceof Token.Special || t instanceof Token.TrackRef)).toList();
        if (rest.isEmpty()) return allowed.get(rnd.nextInt(allowed.size()));
        // Prefer small steps so bars hold several notes.
        List<Token> positions = rest.stream().filter(t -> t instanceof Token.Position).toList();
        if (!positions.isEmpty() && rest.size() > positions.size() && rnd.nextBoolean())
            return rest.stream().filter(t -> !(t instanceof Token.Position)).toList().get(rnd.nextInt(rest.size() - positions.size()));
        if (!positions.isEmpty() && rnd.nextInt(4) > 0) return positions.get(Math.min(positions.size() - 1, rnd.nextInt(12)));
        return rest.get(rnd.nextInt(rest.size()));
    }
}
