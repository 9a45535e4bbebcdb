package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code loopsmith prompt explain}: one JSON object with fixed keys, or a readable summary. */
@UnitTest
class PromptCommandTest {
    private record Run(int exitCode, String out) {}

    private static synchronized Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new PromptCommand()).execute(args);
            System.out.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void jsonHasExactlyTheDocumentedKeys() throws Exception {
        Run r = run("explain", "funky house beat at 124 bpm in A minor with a slap bass and wonky hats", "--json");
        assertEquals(0, r.exitCode());
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("genre", "style", "mood", "bpm", "tempo_from", "key", "time_signature", "bars", "roles", "density", "feel",
                "instruments", "unparsed", "defaulted", "parts"), keys);
        assertEquals("house", j.get("genre").asText());
        assertEquals("funky", j.get("style").asText());
        assertTrue(j.get("mood").isNull());
        assertTrue(j.get("density").isNull());
        assertTrue(j.get("feel").isNull());
        assertTrue(j.get("bpm").isNumber());
        assertEquals(124, j.get("bpm").asInt());
        assertEquals("[\"at 124 bpm\"]", j.get("tempo_from").toString());
        assertEquals("A minor", j.get("key").asText());
        assertEquals("4/4", j.get("time_signature").asText());
        assertEquals(8, j.get("bars").asInt());
        assertEquals("[\"drums\",\"bass\"]", j.get("roles").toString());
        assertEquals("{\"bass\":36}", j.get("instruments").toString());
        assertEquals("[\"wonky\"]", j.get("unparsed").toString());
        assertEquals("[\"time_signature\",\"bars\"]", j.get("defaulted").toString());
        // Each part as generate asks for it: the kit, the named slap bass, nothing else asked.
        JsonNode parts = j.get("parts");
        assertEquals(2, parts.size(), parts.toString());
        assertEquals("drums", parts.get(0).get("role").asText());
        assertTrue(parts.get(0).get("program").isNull());
        assertEquals("bass", parts.get(1).get("role").asText());
        assertEquals(36, parts.get(1).get("program").asInt());
        assertEquals("prompt", parts.get(1).get("from").asText());
    }

    @Test
    void aPartNotNamedIsShownOnTheGenresUsualInstrument() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("explain", "--json", "reggae bass and chords").out());
        for (JsonNode p : j.get("parts")) assertEquals("genre", p.get("from").asText(), p.toString());
        Run r = run("explain", "reggae bass and chords");
        assertTrue(r.out().contains("played on") && r.out().contains("(the genre's usual)"), r.out());
    }

    /**
     * The bundled model's pop is POP909's piano songs, beside which the starter's pick bass and square lead are a stray
     * few; but the songs have no drums, and pop with drums is the starter's line-up.
     */
    @Test
    void popWithoutDrumsIsPlayedOnThePianoTheBundledModelHeardItOn() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("explain", "--json", "pop bass, chords and melody").out());
        for (JsonNode p : j.get("parts")) {
            assertEquals(0, p.get("program").asInt(), p.toString());
            assertEquals(p.get("role").asText().equals("chords") ? "genre" : "library", p.get("from").asText(), p.toString());
        }
        JsonNode band = new ObjectMapper().readTree(run("explain", "--json", "pop drums, bass, chords and melody").out());
        for (JsonNode p : band.get("parts")) assertEquals("genre", p.get("from").asText(), "beside drums: " + p);
        Run r = run("explain", "pop bass and melody");
        assertTrue(r.out().contains("(what the model's data played it on)"), r.out());
        Run asked = run("explain", "--json", "pop with slap bass");
        JsonNode bass = new ObjectMapper().readTree(asked.out()).get("parts").get(0);
        assertEquals("prompt", bass.get("from").asText(), "an instrument named in the prompt wins: " + bass);
    }

    @Test
    void wordsGivenSeparatelyAreOnePrompt() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("explain", "--json", "lofi", "92.5", "bpm", "sparse").out());
        assertEquals("lo-fi", j.get("genre").asText());
        assertEquals(92.5, j.get("bpm").asDouble());
        assertEquals("sparse", j.get("density").asText());
    }

    @Test
    void textSummaryMarksDefaultsAndUnknownWords() {
        Run r = run("explain", "trap with 808s, zydeco");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("genre           trap"), r.out());
        assertTrue(r.out().contains("tempo           140 BPM  (genre default)"), r.out());
        assertTrue(r.out().contains("bass: Synth Bass 1 (program 38)"), r.out());
        assertTrue(r.out().contains("not understood  zydeco"), r.out());
    }

    @Test
    void tempoWordsAndLeftOverWordsAreShown() throws Exception {
        Run text = run("explain", "laid-back shuffled lofi with dusty rhodes");
        assertTrue(text.out().contains("tempo           70 BPM  (from: laid back)"), text.out());
        assertTrue(text.out().contains("not understood  dusty"), text.out());
        JsonNode j = new ObjectMapper().readTree(run("explain", "--json", "slow dark trap, half-time, 808s, glitchy").out());
        assertEquals(130, j.get("bpm").asInt());
        assertEquals("[\"slow\"]", j.get("tempo_from").toString());
        assertEquals("halftime", j.get("style").asText());
        assertEquals("[\"glitchy\"]", j.get("unparsed").toString());
        assertEquals("[\"key\",\"time_signature\",\"bars\"]", j.get("defaulted").toString());
    }

    @Test
    void missingPromptIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("explain").exitCode());
    }
}
