package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import loopsmith.UnitTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API end to end with the bundled model: generate, poll, download, zip, history, failures and load. */
@UnitTest
class ServerApiTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    static Path out;
    static Server server;
    static Http http;

    @BeforeAll
    static void start() {
        server = Server.start(ServerConfig.tiny(HOME, out).withPorts(0, -1), Clock.systemDefaultZone(), "test");
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> request(String text, int bars, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("bars", bars);
        m.put("seed", seed);
        m.put("audio", false);
        return m;
    }

    @Test
    void oneWaitingRequestHearsTheJobEnd() throws Exception {
        HttpResponse<byte[]> posted = http.postJson(request("techno bassline", 1, 5));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        String id = Http.JSON.readTree(posted.body()).path("job").asText();
        JsonNode job = Http.JSON.readTree(http.get("/api/jobs/" + id + "?wait=30").body());
        assertEquals("done", job.path("status").asText(), "answered when it ended, not before: " + job);
        assertEquals(400, http.get("/api/jobs/" + id + "?wait=soon").statusCode());
        assertEquals(400, http.get("/api/jobs/" + id + "?wait=-1").statusCode());
        long t0 = System.nanoTime();
        assertEquals("done", Http.JSON.readTree(http.get("/api/jobs/" + id + "?wait=30").body()).path("status").asText());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "an ended job is answered at once");
    }

    @Test
    void generateThenPollThenDownloadEveryFile() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> posted = http.postJson(request("funk beat at 100 bpm in E minor with bass", 2, 7));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        String id = Http.JSON.readTree(posted.body()).path("job").asText();
        JsonNode job = http.await(id, Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generate request to done (2 bars, MIDI only): %.2f s%n", seconds);
        assertEquals("done", job.path("status").asText(), job.toString());
        assertEquals(1.0, job.path("progress").asDouble());
        JsonNode result = job.path("results").get(0);
        Path folder = out.resolve(result.path("folder").asText());
        assertTrue(Files.isDirectory(folder), folder.toString());
        assertEquals(7, result.path("seed").asLong());
        assertEquals(100.0, result.path("bpm").asDouble());

        Set<String> names = new HashSet<>();
        for (JsonNode f : result.path("files")) {
            names.add(f.path("name").asText());
            HttpResponse<byte[]> file = http.get(f.path("url").asText());
            assertEquals(200, file.statusCode(), f.toString());
            assertArrayEquals(Files.readAllBytes(folder.resolve(f.path("name").asText())), file.body(), f.toString());
        }
        assertTrue(names.contains("piano-roll.png") && names.contains("loopsmith.json"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("Full_") && n.endsWith(".mid")), names.toString());

        HttpResponse<byte[]> zip = http.get(result.path("zip_url").asText());
        assertEquals(200, zip.statusCode());
        Set<String> entries = new HashSet<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) entries.add(e.getName());
        }
        for (String n : names) assertTrue(entries.contains(folder.getFileName() + "/" + n), n + " not in " + entries);

        JsonNode history = http.getJson("/api/results");
        List<String> folders = new ArrayList<>();
        history.path("results").forEach(r -> folders.add(r.path("folder").asText()));
        assertTrue(folders.contains(folder.getFileName().toString()), folders.toString());
    }

    /**
     * Two bars of noise-burst clicks on every beat at 120 BPM, accent on the one: a mono 16-bit WAV at 8 kHz, so it
     * fits the test server's 64 KiB upload limit.
     */
    static byte[] clickLoop() throws Exception {
        int rate = 8000;
        double bpm = 120;
        int frames = (int) Math.round(8 * 60.0 / bpm * rate);
        float[] clicks = new float[frames];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int beat = 0; beat < 8; beat++) {
            int at = (int) Math.round(beat * 60.0 / bpm * rate);
            for (int i = 0; i < rate / 20 && at + i < frames; i++)
                clicks[at + i] += (float) ((beat % 4 == 0 ? 0.8 : 0.5) * Math.exp(-i / (rate * 0.01)) * (rnd.nextDouble() * 2 - 1));
        }
        Path file = Files.createTempFile("clicks", ".wav");
        try {
            loopsmith.audio.WavWriter.write(file, new float[][] {clicks}, rate, 16);
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anUploadedAudioClipSteersTheJob() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("roles", List.of("bass"));
        r.put("seed", 11);
        r.put("audio", false);
        byte[] wav = clickLoop();
        HttpResponse<byte[]> posted = http.postMultipart(r, "audio", "my loop.wav", wav);
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        JsonNode result = job.path("results").get(0);
        assertEquals(120.0, result.path("bpm").asDouble(), 2.4, "the clip's tempo: " + result);
        JsonNode sidecar = Http.JSON.readTree(out.resolve(result.path("folder").asText()).resolve("loopsmith.json").toFile());
        JsonNode clip = sidecar.at("/request/audio");
        assertEquals(120.0, clip.path("bpm").asDouble(), 2.4, sidecar.toString());
        assertEquals(2, clip.path("bars").asInt());
        assertEquals("drums", clip.path("kind").asText());
        assertEquals(8, clip.path("drum_hits").asInt(), "a hit on each of the 8 beats, the first at 0 s too: " + clip);
        try (var s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".wav")), "the clip is removed after its job");
        }
    }

    /** A feel is accepted and becomes a tag like the genre (the bundled model drops one it never saw, with a warning). */
    @Test
    void aFeelIsAccepted() throws Exception {
        Map<String, Object> r = request("house drums", 1, 5);
        r.put("feel", "human");
        HttpResponse<byte[]> posted = http.postJson(r);
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
    }

    @Test
    void aJobThatFailsSaysWhy() throws Exception {
        Map<String, Object> r = request("techno", 2, 3);
        r.put("mode", "vary");
        r.put("vary_bars", "5-8"); // the seed has two bars: found out only when the job reads it
        HttpResponse<byte[]> posted = http.postMultipart(r, "seed_midi", "two bars.mid",
                Midi.bars(2, 1));
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(30));
        assertEquals("failed", job.path("status").asText());
        assertEquals("vary_bars: 5-8: the seed has bars 1-2", job.path("error").asText(), job.toString());
    }

    /** DELETE stops a running generation between tokens: it ends at once, writes nothing, and the worker takes the next job. */
    @Test
    void aRunningJobIsCancelledByDelete() throws Exception {
        Map<String, Object> big = request("house with drums, bass, chords and melody", 32, 21);
        big.put("roles", List.of("drums", "bass", "chords", "melody"));
        HttpResponse<byte[]> posted = http.postJson(big);
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        String id = Http.JSON.readTree(posted.body()).path("job").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!http.getJson("/api/jobs/" + id).path("status").asText().equals("running") && System.nanoTime() < deadline) Thread.sleep(20);
        Thread.sleep(500); // well inside the generator's token loop
        long foldersBefore = resultFolders();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> cancelled = http.send(http.request("/api/jobs/" + id).DELETE().build());
        assertEquals(200, cancelled.statusCode(), new String(cancelled.body()));
        assertEquals("cancelled", Http.JSON.readTree(cancelled.body()).path("status").asText());
        HttpResponse<byte[]> next = http.postJson(request("techno", 1, 4));
        JsonNode done = http.await(Http.JSON.readTree(next.body()).path("job").asText(), Duration.ofSeconds(60));
        System.out.printf("DELETE of a running 32-bar job to the next 1-bar job done: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(foldersBefore + 1, resultFolders(), "the cancelled job wrote nothing; the next one its folder");
        assertEquals("cancelled", http.getJson("/api/jobs/" + id).path("status").asText());
        HttpResponse<byte[]> again = http.send(http.request("/api/jobs/" + id).DELETE().build());
        assertEquals(409, again.statusCode());
        assertTrue(new String(again.body()).contains("already ended"), new String(again.body()));
        assertEquals(404, http.send(http.request("/api/jobs/no-such-job").DELETE().build()).statusCode());
    }

    private static long resultFolders() throws java.io.IOException {
        try (var s = Files.list(out)) {
            return s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        HttpResponse<byte[]> r = http.postJson("{\"text\": ");
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("invalid JSON"), new String(r.body()));
        r = http.postJson(Map.of("text", "x", "colour", "blue"));
        assertEquals(400, r.statusCode(), "unknown fields are refused, not ignored");
        r = http.postJson(Map.of("bars", 99));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("bars: expected 1 to 32"), new String(r.body()));
        r = http.postJson(Map.of("mode", "sideways"));
        assertEquals(400, r.statusCode());
        r = http.postJson(Map.of("text", "house", "swing", 90));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("swing: expected 0 (straight) or 50 to 75"), new String(r.body()));
        r = http.postJson(Map.of("text", "house", "density", "loud"));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("density"), new String(r.body()));
        r = http.postJson(Map.of("text", "house", "feel", "sloppy"));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("feel: expected human (performed) or tight (programmed on the grid)"), new String(r.body()));
        r = http.postJson(Map.of("text", "house", "in_key", "loose"));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("in_key: expected strict, soft or off, not loose"), new String(r.body()));
        r = http.postJson(Map.of("text", "house", "key", "H#"));
        assertEquals(400, r.statusCode(), "the key is read before a job is queued");
        assertTrue(new String(r.body()).contains("key: not a key: H#") && !new String(r.body()).contains("--"),
                "the API's own field names, no CLI flags: " + new String(r.body()));
        assertEquals(404, http.get("/api/jobs/no-such-job").statusCode());
    }

    @Test
    void healthModelsAndOpenApi() throws Exception {
        JsonNode health = http.getJson("/api/health");
        assertEquals("ok", health.path("status").asText());
        assertEquals(1, health.path("workers").asInt());
        List<String> keys = new java.util.ArrayList<>();
        health.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("status", "version", "workers", "running", "queued", "queue_capacity", "refused_requests"), keys);
        JsonNode models = http.getJson("/api/models").path("models");
        assertTrue(models.size() >= 1);
        assertTrue(models.findValuesAsText("name").contains("default"), models.toString());
        JsonNode bundled = models.get(models.findValuesAsText("name").indexOf("default"));
        assertTrue(bundled.path("default").asBoolean() && bundled.path("bytes").asLong() > 0, bundled.toString());
        JsonNode api = http.getJson("/api/openapi.json");
        assertTrue(api.path("openapi").asText().startsWith("3."), api.toString());
        for (String p : List.of("/api/generate", "/api/jobs/{id}", "/api/results", "/api/results/{folder}/{file}", "/api/models", "/api/health"))
            assertFalse(api.path("paths").path(p).isMissingNode(), p + " is not documented");
        assertFalse(api.at("/paths/~1api~1jobs~1{id}/delete/responses/409").isMissingNode(), "DELETE and its 409 are not documented");
        for (String code : List.of("403", "413", "415", "421", "429", "507"))
            assertFalse(api.at("/paths/~1api~1generate/post/responses/" + code).isMissingNode(), code + " is not documented");
        assertEquals("X-Loopsmith-Token", api.at("/components/securitySchemes/token/name").asText());
        HttpResponse<byte[]> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body()).contains("Loopsmith"));
    }

    /**
     * 50 requests at once against 1 worker and a queue of 2: each is accepted and finishes, or is refused with 429
     * and a Retry-After; none is lost, and the heap stays bounded.
     */
    @Test
    void fiftyConcurrentRequestsCompleteOrGet429() throws Exception {
        Path loadOut = Files.createDirectories(out.resolve("load"));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        try (Server s = Server.start(ServerConfig.tiny(HOME, loadOut).withPorts(0, -1).withPool(1, 2), Clock.systemDefaultZone(), "test")) {
            Http h = Http.to(s);
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++)
                sent.add(h.client().sendAsync(h.postJsonRequest(request("house groove", 1, 1000 + i)), HttpResponse.BodyHandlers.ofByteArray()));
            List<String> accepted = new ArrayList<>();
            int refused = 0;
            for (CompletableFuture<HttpResponse<byte[]>> f : sent) {
                HttpResponse<byte[]> r = f.get();
                if (r.statusCode() == 202) accepted.add(Http.JSON.readTree(r.body()).path("job").asText());
                else {
                    assertEquals(429, r.statusCode(), new String(r.body()));
                    assertTrue(Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow()) >= 1);
                    refused++;
                }
            }
            double answerSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(50, accepted.size() + refused);
            assertTrue(accepted.size() >= 3, "a worker and a queue of 2 take at least 3: " + accepted.size());
            long peakHeap = 0;
            for (String id : accepted) {
                JsonNode j = h.await(id, Duration.ofSeconds(120));
                assertEquals("done", j.path("status").asText(), j.toString());
                peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            }
            double allSeconds = (System.nanoTime() - t0) / 1e9;
            try (var folders = Files.list(loadOut)) {
                assertEquals(accepted.size(), folders.filter(p -> !p.getFileName().toString().startsWith(".")).count());
            }
            System.gc();
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            System.out.printf("load: 50 concurrent -> %d accepted, %d refused (429) answered in %.2f s; all accepted done in %.2f s; "
                    + "heap before %d MB, peak seen %d MB, after %d MB%n", accepted.size(), refused, answerSeconds, allSeconds,
                    heapBefore >> 20, peakHeap >> 20, heapAfter >> 20);
            assertTrue(heapAfter - heapBefore < 256L << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
        }
    }
}
