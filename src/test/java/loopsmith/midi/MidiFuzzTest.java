package loopsmith.midi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.music.Piece;
import loopsmith.tokens.RemiDecoder;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.TokenizeException;
import loopsmith.tokens.Vocabulary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * 100,000 mutated and random inputs: the reader either reads them or throws {@link MidiFormatException}, never anything
 * else; whatever it reads can be written, read back, tokenized and decoded without an exception either.
 */
@CorpusTest
class MidiFuzzTest {
    private static final Path NAME = Path.of("fuzz.mid");
    private static final List<byte[]> SEEDS = seeds();
    private static final Vocabulary VOCABULARY = Vocabulary.defaults();

    /** Real files where the corpus is beside the repository; otherwise (a bare clone) a two-track file written here. */
    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        if (!SharedCorpus.present()) {
            loopsmith.music.Note kick = new loopsmith.music.Note(36, 100, 0, 60);
            loopsmith.music.Note bass = new loopsmith.music.Note(40, 90, 0, 480);
            out.add(MidiWriter.toBytes(new loopsmith.music.Piece(480, List.of(new loopsmith.music.TempoChange(0, 120)),
                    List.of(new loopsmith.music.TimeSignatureChange(0, loopsmith.music.TimeSignature.FOUR_FOUR)), java.util.Optional.empty(),
                    List.of(new loopsmith.music.Track("Drums", loopsmith.music.Role.DRUMS, 0, true, List.of(kick)),
                            new loopsmith.music.Track("Bass", loopsmith.music.Role.BASS, 33, false, List.of(bass))), 1920)));
            return out;
        }
        try {
            for (String f : List.of("gen-valid-reference.mid", "gen-rmid-wrapper.mid", "gen-type2.mid",
                    "gen-running-status-long-chain.mid", "test-running-status-sysex.mid", "gen-smpte-division.mid"))
                out.add(Files.readAllBytes(SharedCorpus.malformed(f)));
            out.add(Files.readAllBytes(SharedCorpus.root().resolve("groove/drummer1/session1/1_funk_80_beat_4-4.mid")));
            out.add(Files.readAllBytes(SharedCorpus.midiFiles("nottingham").get(3)));
            out.add(Files.readAllBytes(SharedCorpus.midiFiles("popk-examples").get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), Arbitraries.longs())
                .as((seedIndex, rngSeed) -> mutate(SEEDS.get(seedIndex), new Random(rngSeed)));
    }

    /** One to eight mutations of the kinds real damage takes: flipped bytes, cuts, inserts, bad lengths, pure noise. */
    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int mutations = 1 + rnd.nextInt(8);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            switch (rnd.nextInt(8)) {
                case 0 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 2 -> {
                    int at = rnd.nextInt(b.length + 1);
                    byte[] ins = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(ins);
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(ins, 0, out, at, ins.length);
                    System.arraycopy(b, at, out, at + ins.length, b.length - at);
                    b = out;
                }
                case 3 -> { // a chunk length field (bytes 4..7 of a chunk) set to something else
                    int at = Math.max(0, indexOfChunk(b, rnd) + 4);
                    for (int i = 0; i < 4 && at + i < b.length; i++) b[at + i] = (byte) rnd.nextInt(256);
                }
                case 4 -> b[rnd.nextInt(b.length)] = (byte) (new int[] {0x00, 0x7F, 0x80, 0xF0, 0xF7, 0xFF, 0x90, 0x2F})[rnd.nextInt(8)];
                case 5 -> { // delete a slice
                    int from = rnd.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + rnd.nextInt(32));
                    byte[] out = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, to, out, from, b.length - to);
                    b = out;
                }
                case 6 -> { // header fields: format, track count, division
                    if (b.length >= 14) {
                        int at = 8 + 2 * rnd.nextInt(3);
                        b[at] = (byte) rnd.nextInt(256);
                        b[at + 1] = (byte) rnd.nextInt(256);
                    }
                }
                default -> { // noise after a valid header
                    byte[] noise = new byte[rnd.nextInt(512)];
                    rnd.nextBytes(noise);
                    int keep = Math.min(b.length, 14 + rnd.nextInt(16));
                    byte[] out = java.util.Arrays.copyOf(b, keep + noise.length);
                    System.arraycopy(noise, 0, out, keep, noise.length);
                    b = out;
                }
            }
        }
        return b;
    }

    private static int indexOfChunk(byte[] b, Random rnd) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 4 <= b.length; i++) if (b[i] == 'M' && b[i + 1] == 'T') at.add(i);
        return at.isEmpty() ? rnd.nextInt(Math.max(1, b.length)) : at.get(rnd.nextInt(at.size()));
    }

    @Property(tries = 100_000, seed = "20261124", shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void readerNeverThrowsAnythingButMidiFormatException(@ForAll("inputs") byte[] input) {
        Piece piece;
        try {
            piece = MidiReader.read(input, NAME).piece();
        } catch (MidiFormatException e) {
            assertTrue(e.getMessage().startsWith("fuzz.mid: "), e.getMessage());
            return;
        }
        // What was read is usable downstream: written, read back, tokenized and decoded.
        Piece again = MidiReader.read(MidiWriter.toBytes(piece), NAME).piece();
        try {
            var decoded = new RemiDecoder(VOCABULARY).decode(new RemiEncoder(VOCABULARY).encode(again, Tags.NONE));
            assertTrue(!decoded.repaired(), "encoder output decodes without repair");
        } catch (TokenizeException e) {
            assertTrue(e.reason().contains("not supported") || e.reason().contains("bars long"), e.reason());
        }
    }
}
