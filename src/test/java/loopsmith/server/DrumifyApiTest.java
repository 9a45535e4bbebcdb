package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.midi.MidiWriter;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/drumify with the bundled model: a MIDI and an audio clip, the result, and bad input; behind the same guards. */
@UnitTest
class DrumifyApiTest {
    @TempDir
    static Path out;
    static Server server;
    static Http http;

    @BeforeAll
    static void start() {
        server = Server.start(ServerConfig.tiny(ServerApiTest.HOME, out).withPorts(0, -1), Clock.systemDefaultZone(), "test");
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] bassLine(boolean withNotes) throws Exception {
        List<Note> notes = new ArrayList<>();
        if (withNotes)
            for (int bar = 0; bar < 2; bar++) for (long t : new long[] {0, 360, 960, 1200, 1440}) notes.add(new Note(36, 100, bar * 1920L + t, 200));
        Path f = Files.createTempFile("bass", ".mid");
        try {
            MidiWriter.write(Piece.of(480, 96, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false, notes)), 3840), f);
            return Files.readAllBytes(f);
        } finally {
            Files.delete(f);
        }
    }

    private static Map<String, Object> request(String genre) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("genre", genre);
        r.put("seed", 3);
        r.put("candidates", 2);
        r.put("audio", false);
        return r;
    }

    @Test
    void aMidiClipGetsDrumsThatCarryItsOnsets() throws Exception {
        HttpResponse<byte[]> posted = http.postMultipart("/api/drumify", request("rock"), "clip", "my bass.mid", bassLine(true));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        JsonNode result = job.path("results").get(0);
        Path folder = out.resolve(result.path("folder").asText());
        assertTrue(Files.exists(folder.resolve("Drums_96bpm.mid")), folder.toString());
        JsonNode g = Http.JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("generation");
        assertEquals(10, g.path("onsets").asInt(), g.toString());
        assertEquals(10, g.path("covered").asInt(), g.toString());
        assertEquals(g.path("strong_onsets").asInt(), g.path("strong_with_kick_or_snare").asInt(), g.toString());
        try (var s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".mid")), "the clip is removed after its job");
        }
    }

    @Test
    void anAudioClipIsDrumifiedFromItsOnsets() throws Exception {
        HttpResponse<byte[]> posted = http.postMultipart("/api/drumify", request("house"), "clip", "loop.wav", ServerApiTest.clickLoop());
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        assertEquals(120.0, job.path("results").get(0).path("bpm").asDouble(), 2.4, "the clip's tempo");
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        HttpResponse<byte[]> empty = http.postMultipart("/api/drumify", request("rock"), "clip", "empty.mid", bassLine(false));
        assertEquals(400, empty.statusCode());
        assertTrue(new String(empty.body()).contains("clip: empty clip"), new String(empty.body()));

        HttpResponse<byte[]> text = http.postMultipart("/api/drumify", request("rock"), "clip", "notes.txt", "hello".getBytes());
        assertEquals(415, text.statusCode(), new String(text.body()));

        HttpResponse<byte[]> noClip = http.postMultipart("/api/drumify", request("rock"), "other", "x.mid", bassLine(true));
        assertEquals(400, noClip.statusCode());
        assertTrue(new String(noClip.body()).contains("clip: required"), new String(noClip.body()));

        Map<String, Object> tooMany = request("rock");
        tooMany.put("candidates", 99);
        assertEquals(400, http.postMultipart("/api/drumify", tooMany, "clip", "b.mid", bassLine(true)).statusCode());

        HttpResponse<byte[]> genre = http.postMultipart("/api/drumify", request("polka-zz"), "clip", "b.mid", bassLine(true));
        assertEquals(202, genre.statusCode());
        JsonNode job = http.await(Http.JSON.readTree(genre.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("failed", job.path("status").asText(), job.toString());
        assertTrue(job.path("error").asText().contains("unknown genre 'polka-zz'"), job.toString());

        HttpResponse<byte[]> json = http.send(http.request("/api/drumify").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, json.statusCode(), new String(json.body()));

        HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/drumify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), noToken.body());
    }

    @Test
    void theOpenApiDocumentDescribesDrumify() throws Exception {
        JsonNode doc = http.getJson("/api/openapi.json");
        assertTrue(doc.at("/paths/~1api~1drumify/post").isObject());
        assertTrue(doc.at("/components/schemas/DrumifyRequest/properties/genre").isObject());
    }
}
