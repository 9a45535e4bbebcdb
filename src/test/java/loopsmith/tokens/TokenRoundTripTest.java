package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import loopsmith.PieceArbitraries;
import loopsmith.music.Piece;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    /** encode(decode(t)) == t for valid t, with t drawn by random walks through the grammar. */
    @Property(tries = 1000)
    void encodeInvertsDecodeOnValidSequences(@ForAll long seed) {
        List<Token> t = randomValidSequence(new Random(seed));
        assertEquals(Optional.empty(), grammar.validate(t));
        Decoded d = decoder.decode(t);
        assertFalse(d.repaired(), "a valid sequence needs no repair");
        assertEquals(t, encoder.encode(d.piece(), d.tags()));
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

    /** Walks the grammar choosing among allowed tokens, steering towards short pieces. */
    static List<Token> randomValidSequence(Random rnd) {
        Grammar.State s = new Grammar(VOCABULARY).start();
        List<Token> out = new ArrayList<>();
        int targetTracks = rnd.nextInt(4);
        int targetBars = rnd.nextInt(5);
        while (!s.isComplete()) {
            List<Token> allowed = VOCABULARY.tokens().stream().filter(s::allows).toList();
            Token next = choose(allowed, s, rnd, targetTracks, targetBars);
            s.accept(next);
            out.add(next);
        }
        return out;
    }

    private static Token choose(List<Token> allowed, Grammar.State s, Random rnd, int targetTracks, int targetBars) {
        if (allowed.contains(Token.PIECE_END) && (s.tracks() >= targetTracks || rnd.nextInt(8) == 0)) return Token.PIECE_END;
        if (allowed.contains(Token.TRACK_START) && rnd.nextInt(3) > 0) return Token.TRACK_START;
        if (allowed.contains(Token.TRACK_END) && (!allowed.contains(Token.BAR_START) || s.barsInTrack() >= targetBars))
            return Token.TRACK_END;
        if (allowed.contains(Token.BAR_START)) return Token.BAR_START;
        if (allowed.contains(Token.BAR_END) && rnd.nextInt(3) == 0) return Token.BAR_END;
        List<Token> rest = allowed.stream().filter(t -> !t.equals(Token.BAR_END) || allowed.size() == 1).toList();
        // Prefer small steps so bars hold several notes.
        List<Token> positions = rest.stream().filter(t -> t instanceof Token.Position).toList();
        if (!positions.isEmpty() && rest.size() > positions.size() && rnd.nextBoolean())
            return rest.stream().filter(t -> !(t instanceof Token.Position)).toList().get(rnd.nextInt(rest.size() - positions.size()));
        if (!positions.isEmpty() && rnd.nextInt(4) > 0) return positions.get(Math.min(positions.size() - 1, rnd.nextInt(12)));
        return rest.get(rnd.nextInt(rest.size()));
    }
}
