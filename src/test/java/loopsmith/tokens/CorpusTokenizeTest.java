package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import loopsmith.music.Piece;
import org.junit.jupiter.api.Test;

/** Every real corpus file tokenizes to a valid sequence that decodes to exactly its quantized piece. */
@CorpusTest
class CorpusTokenizeTest {
    @Test
    void wholeCorpusRoundTrips() {
        Vocabulary v = Vocabulary.defaults();
        RemiEncoder enc = new RemiEncoder(v);
        RemiDecoder dec = new RemiDecoder(v);
        Grammar g = new Grammar(v);
        List<String> failures = new ArrayList<>();
        int encoded = 0;
        for (Path f : SharedCorpus.allMusic()) {
            Piece p = MidiReader.read(f).piece();
            List<Token> tokens;
            try {
                tokens = enc.encode(p, Tags.of("pop", null, null));
            } catch (TokenizeException e) {
                // Only overlong files may be refused; nothing in the corpus has an unsupported meter.
                assertTrue(e.reason().contains("bars long"), f + ": " + e.reason());
                continue;
            }
            encoded++;
            g.validate(tokens).ifPresent(err -> failures.add(f + ": " + err));
            Decoded d = dec.decode(tokens);
            if (d.repaired() || !d.piece().equals(enc.quantize(p))) failures.add(f + ": round trip differs");
        }
        assertEquals(List.of(), failures);
        assertTrue(encoded > 1600, "encoded " + encoded);
    }
}
