package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import loopsmith.CorpusTest;
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

/** POST /api/interpolate with the bundled model: two bass lines, the result folder, and bad pairs; behind the same guards. */
@CorpusTest
class InterpolateApiTest {
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

    /** A bass line of {@code bars} bars: roots on the beats, {@code shift} semitones up, or none. */
    static byte[] bass(int bars, int shift, boolean withNotes) throws Exception {
        List<Note> notes = new ArrayList<>();
        if (withNotes)
            for (int bar = 0; bar < bars; bar++)
                for (long t : shift == 0 ? new long[] {0, 480, 960, 1440} : new long[] {0, 720, 1200, 1680})
                    notes.add(new Note(36 + shift + (int) (t / 480), 100, bar * 1920L + t, 200));
        Path f = Files.createTempFile("bass", ".mid");
        try {
            MidiWriter.write(Piece.of(480, 100, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Bass", Role.BASS, 33, false, notes)),
                    bars * 1920L), f);
            return Files.readAllBytes(f);
        } finally {
            Files.delete(f);
        }
    }

    private static Map<String, Object> request(int steps) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("steps", steps);
        r.put("seed", 2);
        r.put("audio", false);
        return r;
    }

    @Test
    void twoClipsGiveAFolderOfSteps() throws Exception {
        HttpResponse<byte[]> posted = http.postFiles("/api/interpolate", request(5),
                Map.of("clip_a", bass(2, 0, true), "clip_b", bass(2, 5, true)));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        Path folder = out.resolve(job.path("results").get(0).path("folder").asText());
        assertTrue(Files.exists(folder.resolve("Interpolation_100bpm.mid")), folder.toString());
        for (int i = 1; i <= 5; i++) assertTrue(Files.exists(folder.resolve(String.format("Step%02d_100bpm.mid", i))), "step " + i);
        JsonNode g = Http.JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("generation");
        assertEquals(5, g.path("similarity_to_b").size(), g.toString());
        assertEquals(1.0, g.path("similarity_to_b").get(4).path("rhythm").asDouble(), 1e-9, g.toString());
        try (var s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".mid")), "the clips are removed after the job");
        }
    }

    /** Bars 2 and 3 of a real Nottingham tune's melody, as a 2-bar MIDI clip. */
    static byte[] tune(String name) throws Exception {
        Piece p = loopsmith.midi.MidiReader.read(loopsmith.SharedCorpus.root().resolve("nottingham").resolve(name)).piece();
        Track melody = p.tracks().get(0);
        long from = p.barGrid().barStartTick(1), to = p.barGrid().barStartTick(3);
        List<Note> notes = melody.notes().stream().filter(n -> n.startTick() >= from && n.startTick() < to)
                .map(n -> new Note(n.pitch(), n.velocity(), n.startTick() - from, Math.min(n.durationTicks(), to - n.startTick()))).toList();
        Path f = Files.createTempFile("tune", ".mid");
        try {
            MidiWriter.write(Piece.of(p.ticksPerQuarter(), p.initialBpm(), p.initialTimeSignature(), p.key(),
                    List.of(new Track("Melody", Role.MELODY, 0, false, notes)), to - from), f);
            return Files.readAllBytes(f);
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void twoRealTunesMoveFromOneToTheOther() throws Exception {
        HttpResponse<byte[]> posted = http.postFiles("/api/interpolate", request(4),
                Map.of("clip_a", tune("ashover19.mid"), "clip_b", tune("hpps10.mid")));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        JsonNode g = Http.JSON.readTree(out.resolve(job.path("results").get(0).path("folder").asText()).resolve("loopsmith.json").toFile())
                .path("generation");
        assertEquals("model", g.path("order").asText(), g.toString());
        double last = -1;
        for (JsonNode s : g.path("similarity_to_b")) {
            double near = (s.path("rhythm").asDouble() + s.path("pitch").asDouble()) / 2;
            assertTrue(near >= last - 1e-9, "each step nearer B: " + g.path("similarity_to_b"));
            last = near;
        }
        assertEquals(1.0, last, 1e-9);
    }

    @Test
    void badPairsAreRefusedWithTheReason() throws Exception {
        HttpResponse<byte[]> lengths = http.postFiles("/api/interpolate", request(5), Map.of("clip_a", bass(2, 0, true), "clip_b", bass(4, 5, true)));
        assertEquals(400, lengths.statusCode(), new String(lengths.body()));
        assertTrue(new String(lengths.body()).contains("clip_a is 2 bars and clip_b is 4 bars"), new String(lengths.body()));

        HttpResponse<byte[]> empty = http.postFiles("/api/interpolate", request(5), Map.of("clip_a", bass(2, 0, false), "clip_b", bass(2, 5, true)));
        assertEquals(400, empty.statusCode());
        assertTrue(new String(empty.body()).contains("clip_a: empty clip"), new String(empty.body()));

        HttpResponse<byte[]> missing = http.postFiles("/api/interpolate", request(5), Map.of("clip_a", bass(2, 0, true)));
        assertEquals(400, missing.statusCode());
        assertTrue(new String(missing.body()).contains("clip_b: required"), new String(missing.body()));

        HttpResponse<byte[]> text = http.postFiles("/api/interpolate", request(5), Map.of("clip_a", "hello".getBytes(), "clip_b", bass(2, 5, true)));
        assertEquals(415, text.statusCode(), new String(text.body()));

        assertEquals(400, http.postFiles("/api/interpolate", request(40), Map.of("clip_a", bass(2, 0, true), "clip_b", bass(2, 5, true))).statusCode());
        try (var s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".mid")), "refused clips are not kept");
        }
    }

    @Test
    void theOpenApiDocumentDescribesInterpolate() throws Exception {
        JsonNode doc = http.getJson("/api/openapi.json");
        assertTrue(doc.at("/paths/~1api~1interpolate/post").isObject());
        assertTrue(doc.at("/components/schemas/InterpolateRequest/properties/steps").isObject());
    }
}
