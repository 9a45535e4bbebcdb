package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import loopsmith.music.Piece;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@CorpusTest
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helpListsSubcommandsWithExamplesAndVersionPrints() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        for (String c : new String[] {"inspect", "tokenize", "detokenize", "bench"}) assertTrue(help.out().contains(c), c);
        assertTrue(help.out().contains("Examples:"));
        Cli version = Cli.run("--version");
        assertTrue(version.out().startsWith("loopsmith "), version.out());
        assertTrue(version.out().contains("starter loops (CC0-1.0)") && version.out().contains("Groove MIDI Dataset (Google Magenta, CC BY 4.0)")
                && version.out().contains("models/NOTICE"), "the bundled model's data and the real-data recipe's are named: " + version.out());
    }

    @Test
    void inspectJsonOnTheReferenceFile() throws Exception {
        Cli r = Cli.run("inspect", SharedCorpus.malformed("gen-valid-reference.mid").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(46, j.at("/summary/noteCount").asInt());
        assertEquals(2, j.at("/summary/lengthBars").asInt());
        assertEquals("4/4", j.at("/summary/timeSignature").asText());
        assertEquals(120.0, j.at("/summary/bpm").asDouble());
        assertEquals("bass", j.at("/summary/tracks/1/role").asText());
        assertEquals(36, j.at("/summary/tracks/1/lowestPitch").asInt());
        assertEquals(0, j.at("/warnings").size());
    }

    @Test
    void inspectTextShowsWarnings() {
        Cli r = Cli.run("inspect", SharedCorpus.malformed("gen-truncated-real-groove.mid").toString());
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("truncated"), r.out());
        assertTrue(r.out().contains("drums"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gen-not-midi-png.mid", "gen-zero-length.mid", "gen-truncated-header.mid", "gen-division-zero.mid"})
    void badInputIsOneLineAndExitTwo(String name) {
        Path f = SharedCorpus.malformed(name);
        for (String cmd : new String[] {"inspect", "tokenize"}) {
            Cli r = Cli.run(cmd, f.toString());
            assertEquals(2, r.exitCode());
            assertTrue(r.err().startsWith("error: " + f + ": "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        }
    }

    @Test
    void missingFileAndDebugFlag() {
        Cli r = Cli.run("inspect", "no/such/file.mid");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: no/such/file.mid: cannot read file"), r.err());
        Cli debug = Cli.run("inspect", "no/such/file.mid", "--debug");
        assertTrue(debug.err().contains("at loopsmith."), "stack trace with --debug");
        assertEquals(2, Cli.run("inspect").exitCode(), "usage error");
    }

    @Test
    void tokenizeThenDetokenizeGivesTheQuantizedPiece(@TempDir Path dir) throws Exception {
        Path src = SharedCorpus.root().resolve("groove/drummer1/session1/1_funk_80_beat_4-4.mid");
        Path tokens = dir.resolve("beat.tokens");
        Path out = dir.resolve("beat.mid");
        Cli t = Cli.run("tokenize", src.toString(), "--out", tokens.toString(), "--genre", "funk");
        assertEquals(0, t.exitCode(), t.err());
        var lines = Files.readAllLines(tokens);
        assertEquals("PIECE_START", lines.get(0));
        assertEquals("GENRE=funk", lines.get(1));
        assertEquals("TEMPO=80", lines.get(2));
        assertEquals("PIECE_END", lines.get(lines.size() - 1));
        Cli d = Cli.run("detokenize", tokens.toString(), "--out", out.toString());
        assertEquals(0, d.exitCode(), d.err());
        Piece back = MidiReader.read(out).piece();
        Piece expected = new RemiEncoder(Vocabulary.defaults()).quantize(MidiReader.read(src).piece());
        assertEquals(expected.noteCount(), back.noteCount());
        // Drum hits are written a 16th long and cut where the same drum strikes again, so compare onsets and levels.
        assertEquals(hits(expected), hits(back));
        assertEquals(expected.endTick(), back.endTick());
    }

    private static java.util.List<String> hits(Piece p) {
        return p.tracks().get(0).notes().stream().map(n -> n.startTick() + ":" + n.pitch() + ":" + n.velocity()).toList();
    }

    @Test
    void detokenizeRepairsAndReportsGarbage(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("junk.tokens");
        Files.writeString(tokens, "TRACK_START\nINST=33\nROLE=bass\nBAR_START\nPOS=0\nNOTE_ON=40\nDUR=12\nhello\nVEL=80\n");
        Cli d = Cli.run("detokenize", tokens.toString(), "--out", dir.resolve("o.mid").toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.err().contains("repaired"), d.err());
        assertEquals(1, MidiReader.read(dir.resolve("o.mid")).piece().noteCount());
        Files.write(tokens, new byte[] {(byte) 0xC3, (byte) 0x28});
        Cli bad = Cli.run("detokenize", tokens.toString(), "--out", dir.resolve("o.mid").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: " + tokens), bad.err());
        assertTrue(Files.exists(dir.resolve("o.mid")), "the earlier output is not lost");
    }

    @Test
    void unknownTagIsAWarningNotAFailure(@TempDir Path dir) {
        Cli t = Cli.run("tokenize", SharedCorpus.malformed("gen-valid-reference.mid").toString(), "--genre", "zydeco");
        assertEquals(0, t.exitCode());
        assertTrue(t.err().contains("GENRE=zydeco is not in the vocabulary"), t.err());
        assertFalse(t.out().contains("zydeco"));
    }
}
