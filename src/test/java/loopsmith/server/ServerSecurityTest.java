package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loopsmith.UnitTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from clients never reach outside the output folder; oversized and mistyped input is refused. */
@UnitTest
class ServerSecurityTest {
    @TempDir
    static Path root;
    static Path out;
    static Server server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        out = Files.createDirectories(root.resolve("out"));
        // Something worth stealing beside the output folder, a result folder, and a link inside it pointing out.
        Files.writeString(root.resolve("secret.txt"), "secret");
        Path result = Files.createDirectories(out.resolve("20250101-000000_house_124bpm_s1"));
        Files.writeString(result.resolve("loopsmith.json"), "{}");
        Files.createSymbolicLink(result.resolve("link.txt"), root.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("escape"), root);
        Files.createDirectories(out.resolve(".uploads"));
        Files.writeString(out.resolve(".uploads").resolve("x.mid"), "hidden");
        server = Server.start(ServerConfig.tiny(ServerApiTest.HOME, out).withPorts(0, -1), Clock.systemDefaultZone(), "test");
        http = Http.to(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void downloadNamesCannotTraverse() throws Exception {
        assertEquals(200, http.get("/api/results/20250101-000000_house_124bpm_s1/loopsmith.json").statusCode());
        for (String path : List.of(
                "/api/results/..%2Fsecret.txt",
                "/api/results/..%2F..%2Fsecret.txt/x",
                "/api/results/20250101-000000_house_124bpm_s1/..%2F..%2Fsecret.txt",
                "/api/results/20250101-000000_house_124bpm_s1/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/api/results/20250101-000000_house_124bpm_s1/..",
                "/api/results/../secret.txt",
                "/api/results/%2e%2e/secret.txt",
                "/api/results/20250101-000000_house_124bpm_s1/link.txt",
                "/api/results/escape/secret.txt",
                "/api/results/escape.zip",
                "/api/results/.uploads/x.mid",
                "/api/results/20250101-000000_house_124bpm_s1/%2Fetc%2Fpasswd",
                "/api/results/20250101-000000_house_124bpm_s1/..%5C..%5Csecret.txt")) {
            HttpResponse<byte[]> r = http.get(path);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode() + " " + body);
            assertFalse(body.contains("secret") && !body.contains("reason"), path + " leaked: " + body);
            assertFalse(body.equals("secret"), path + " leaked the file");
        }
    }

    @Test
    void uploadNamesNeverReachTheFilesystem() throws Exception {
        Map<String, Object> request = Map.of("text", "techno", "bars", 1, "seed", 5, "audio", false, "roles", List.of("bass"));
        HttpResponse<byte[]> r = http.postMultipart(request, "seed_midi", "../../evil.mid", Midi.oneBar());
        assertEquals(202, r.statusCode(), new String(r.body()));
        JsonNode job = http.await(Http.JSON.readTree(r.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        assertFalse(Files.exists(root.resolve("evil.mid")));
        assertFalse(Files.exists(root.getParent().resolve("evil.mid")));
        try (Stream<Path> s = Files.walk(root)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("evil")), "the client's name was used on disk");
        }
        try (Stream<Path> s = Files.list(out.resolve(".uploads"))) {
            // x.mid, left there before the server started, went at start as a crash's leftover (ServerBudgetTest).
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList(), "the stored seed is removed after its job");
        }
    }

    @Test
    void oversizedUploadIs413() throws Exception {
        byte[] big = new byte[(int) server.config().maxUploadBytes() + 1];
        System.arraycopy(Midi.oneBar(), 0, big, 0, Midi.oneBar().length);
        HttpResponse<byte[]> r = http.postMultipart(Map.of("bars", 1), "seed_midi", "big.mid", big);
        assertEquals(413, r.statusCode(), new String(r.body()));
        byte[] huge = new byte[(int) server.config().maxUploadBytes() * 4];
        try {
            assertEquals(413, http.postMultipart(Map.of("bars", 1), "seed_midi", "huge.mid", huge).statusCode());
        } catch (java.io.IOException closedWhileSending) {
            // Far over the limit, the server may close the connection while the client is still sending, so the client
            // never reads the 413 (seen once in a full suite run): the upload is refused either way, which is checked next.
        }
        try (Stream<Path> s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(f -> f.toFile().length() >= big.length), "an oversized upload was stored");
        }
    }

    @Test
    void wrongFileTypeIs415() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        HttpResponse<byte[]> r = http.postMultipart(Map.of("bars", 1), "seed_midi", "song.mid", png);
        assertEquals(415, r.statusCode(), new String(r.body()));
        assertTrue(new String(r.body()).contains("not a Standard MIDI File"));
        assertEquals(415, http.postMultipart(Map.of("bars", 1), "audio", "clip.wav", png).statusCode());
        byte[] ogg = "OggS\0\2\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        r = http.postMultipart(Map.of("bars", 1), "audio", "clip.ogg", ogg);
        assertEquals(415, r.statusCode(), new String(r.body()));
        assertTrue(new String(r.body()).contains("not a WAV, AIFF or FLAC file"), new String(r.body()));
        r = http.postMultipart(Map.of("bars", 1), "audio", "clip.wav", Midi.oneBar());
        assertEquals(415, r.statusCode());
        assertTrue(new String(r.body()).contains("send it as seed_midi"), new String(r.body()));
        r = http.postMultipart(Map.of("bars", 1), "seed_midi", "seed.mid", "fLaC\0\0\0\"".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(415, r.statusCode(), "an audio file is not a seed MIDI");
    }

    @Test
    void anAudioClipWhoseHeaderDoesNotReadIs400AndIsNotKept() throws Exception {
        byte[] truncated = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<byte[]> r = http.postMultipart(Map.of("bars", 1), "audio", "clip.wav", truncated);
        assertEquals(400, r.statusCode(), new String(r.body()));
        assertTrue(new String(r.body()).contains("audio: "), new String(r.body()));
        try (Stream<Path> s = Files.list(out.resolve(".uploads"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".wav")), "a refused clip is removed at once");
        }
    }

    @Test
    void oversizedPromptIs400() throws Exception {
        HttpResponse<byte[]> r = http.postJson(Map.of("text", "a".repeat(501)));
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("at most 500 characters"), new String(r.body()));
        assertEquals(400, http.postJson(Map.of("genre", "g".repeat(65))).statusCode());
    }

    @Test
    void responsesForbidSniffingAndForeignContent() throws Exception {
        HttpResponse<byte[]> r = http.get("/");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    /** DNS rebinding: a page under another name reaches 127.0.0.1 with its own name in Host; only this server's names pass. */
    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        int port = server.httpPort();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "127.0.0.1.evil.example:" + port,
                "localhost:" + port + "@evil.example", "")) {
            for (String path : List.of("/api/health", "/", "/api/results")) {
                Http.Raw r = Http.raw(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + RequestGuard.HEADER + ": " + server.token()
                        + "\r\nConnection: close\r\n\r\n");
                // Jetty itself answers 400 to a Host it cannot parse (empty, or with '@'); the rest reach the guard.
                assertTrue(r.status() == 421 || r.status() == 400 && (host.isEmpty() || host.contains("@")), host + path + " -> " + r.status() + " " + r.body());
                assertFalse(r.body().contains(server.token()), "the page and its token went to " + host);
                if (r.status() == 421) assertTrue(r.body().contains("not a name this server answers to") || r.body().contains("not this server"), r.body());
            }
        }
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            Http.Raw r = Http.raw(port, "GET /api/health HTTP/1.1\r\nHost: " + host + "\r\n" + RequestGuard.HEADER + ": " + server.token()
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, r.status(), host + " -> " + r.body());
        }
    }

    /** --allow-host names pass; bound to every interface, the same checks hold (and a name not allowed is still refused). */
    @Test
    void allowedNamesAndTheWildcardBind() throws Exception {
        try (Server s = Server.start(ServerConfig.tiny(ServerApiTest.HOME, Files.createDirectories(root.resolve("out-any"))).withPorts(0, -1)
                .withHost("0.0.0.0").withAllowed(List.of("Studio.local"), List.of()), Clock.systemDefaultZone(), "test")) {
            int port = s.httpPort();
            String auth = RequestGuard.HEADER + ": " + s.token() + "\r\nConnection: close\r\n\r\n";
            assertEquals(200, Http.raw(port, "GET /api/health HTTP/1.1\r\nHost: studio.local:" + port + "\r\n" + auth).status());
            assertEquals(200, Http.raw(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + auth).status());
            assertEquals(421, Http.raw(port, "GET /api/health HTTP/1.1\r\nHost: evil.example:" + port + "\r\n" + auth).status());
            assertEquals(421, Http.raw(port, "GET / HTTP/1.1\r\nHost: 0.0.0.0.nip.io:" + port + "\r\nConnection: close\r\n\r\n").status());
        }
    }

    /**
     * {@code serve --host 0.0.0.0} warns that the page is open to the network, and the bind loosens no check: a foreign
     * Origin, a missing or wrong token and a foreign Host are refused as on loopback, and nothing is queued.
     */
    @Test
    void theWildcardBindWarnsAndKeepsEveryCheck() throws Exception {
        ServerConfig any = ServerConfig.tiny(ServerApiTest.HOME, Files.createDirectories(root.resolve("out-wildcard"))).withPorts(0, -1)
                .withHost("0.0.0.0").withAllowed(List.of("studio.local"), List.of());
        String warning = any.exposureWarning().orElseThrow();
        assertTrue(warning.startsWith("warning: listening on 0.0.0.0: anyone who can reach this machine can open the page"), warning);
        assertTrue(warning.contains("studio.local"), warning);
        assertTrue(ServerConfig.tiny(ServerApiTest.HOME, out).exposureWarning().isEmpty(), "no warning on loopback");
        try (Server s = Server.start(any, Clock.systemDefaultZone(), "test")) {
            int port = s.httpPort();
            String json = "{\"text\":\"techno\",\"bars\":1,\"audio\":false}";
            String post = "POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length() + "\r\nConnection: close\r\n";
            String token = RequestGuard.HEADER + ": " + s.token() + "\r\n";
            Http.Raw foreignOrigin = Http.raw(port, post + token + "Origin: http://evil.example\r\n\r\n" + json);
            assertEquals(403, foreignOrigin.status(), foreignOrigin.body());
            assertTrue(foreignOrigin.body().contains("cross-origin request refused"), foreignOrigin.body());
            Http.Raw crossSite = Http.raw(port, post + token + "Sec-Fetch-Site: cross-site\r\n\r\n" + json);
            assertEquals(403, crossSite.status(), crossSite.body());
            Http.Raw noToken = Http.raw(port, post + "\r\n" + json);
            assertEquals(403, noToken.status(), noToken.body());
            assertTrue(noToken.body().contains("missing " + RequestGuard.HEADER), noToken.body());
            Http.Raw wrongToken = Http.raw(port, post + RequestGuard.HEADER + ": x" + s.token() + "\r\n\r\n" + json);
            assertEquals(403, wrongToken.status(), wrongToken.body());
            Http.Raw foreignHost = Http.raw(port, post.replace("127.0.0.1:" + port, "evil.example:" + port) + token + "\r\n" + json);
            assertEquals(421, foreignHost.status(), foreignHost.body());
            assertEquals(0, s.jobs().accepted(), "a refused request created a job");
            Http.Raw own = Http.raw(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n" + token
                    + "Origin: http://127.0.0.1:" + port + "\r\n\r\n");
            assertEquals(200, own.status(), "the page's own request still passes: " + own.body());
        }
    }

    @Test
    void crossSiteRequestsAreRefused() throws Exception {
        long before = server.jobs().accepted();
        Map<String, Object> body = Map.of("text", "techno", "bars", 1, "audio", false);
        for (String[] header : List.of(new String[] {"Origin", "http://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Origin", "http://127.0.0.1:" + (server.httpPort() + 1)}, new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"})) {
            HttpResponse<byte[]> r = http.send(http.request("/api/generate").header("Content-Type", "application/json").header(header[0], header[1])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body))).build());
            assertEquals(403, r.statusCode(), header[0] + ": " + header[1]);
            assertTrue(new String(r.body()).contains("refused"), new String(r.body()));
        }
        assertEquals(before, server.jobs().accepted(), "a refused request created a job");
        HttpResponse<byte[]> own = http.send(http.request("/api/health").header("Origin", "http://127.0.0.1:" + server.httpPort())
                .header("Sec-Fetch-Site", "same-origin").GET().build());
        assertEquals(200, own.statusCode(), "the page's own origin passes");
    }

    /** What a no-cors fetch or a plain form may send without asking first is not JSON, and is refused. */
    @Test
    void jsonOnlyAsApplicationJson() throws Exception {
        long before = server.jobs().accepted();
        byte[] json = "{\"text\":\"techno\",\"bars\":1,\"audio\":false}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded")) {
            HttpResponse<byte[]> r = http.send(http.request("/api/generate").header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(json)).build());
            assertEquals(415, r.statusCode(), type);
            assertTrue(new String(r.body()).contains("Content-Type must be application/json"), new String(r.body()));
        }
        assertEquals(415, http.send(http.request("/api/generate").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(json)).build()).statusCode());
        assertEquals(before, server.jobs().accepted(), "a refused request created a job");
    }

    @Test
    void everyApiRequestNeedsTheToken() throws Exception {
        long before = server.jobs().accepted();
        java.net.http.HttpClient plain = http.client();
        String base = http.base();
        for (String path : List.of("/api/health", "/api/results", "/api/openapi.json", "/api/jobs/x",
                "/api/results/20250101-000000_house_124bpm_s1/loopsmith.json", "/api/results/20250101-000000_house_124bpm_s1.zip")) {
            HttpResponse<byte[]> r = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(403, r.statusCode(), path);
            assertTrue(new String(r.body()).contains("missing " + RequestGuard.HEADER), new String(r.body()));
        }
        HttpResponse<byte[]> wrong = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/generate"))
                .header(RequestGuard.HEADER, "x" + server.token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"bars\":1}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, wrong.statusCode());
        assertTrue(new String(wrong.body()).contains("wrong " + RequestGuard.HEADER), new String(wrong.body()));
        HttpResponse<byte[]> multipart = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/generate"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--b--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, multipart.statusCode(), "an upload without the token");
        assertEquals(before, server.jobs().accepted(), "a refused request created a job");
        // Result files, for <img>, <audio> and download links, may carry it as a query parameter; nothing else may.
        HttpResponse<byte[]> file = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                + "/api/results/20250101-000000_house_124bpm_s1/loopsmith.json?token=" + server.token())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        HttpResponse<byte[]> health = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/health?token=" + server.token()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, health.statusCode());
    }

    @Test
    void thePageCarriesTheTokenAndTheTokenFileIsTheOwners() throws Exception {
        HttpResponse<byte[]> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<meta name=\"loopsmith-token\" content=\"" + server.token() + "\">"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(server.token().length() >= 43, "256 bits");
        Path file = out.resolve(Server.TOKEN_FILE);
        assertEquals(server.token(), Files.readString(file).trim());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix"))
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        int status = http.get("/api/results/" + Server.TOKEN_FILE).statusCode();
        assertTrue(status == 400 || status == 404, "the token file is not a result: " + status);
    }

    /** Replies, the sidecar (served and zipped) and error reasons name files relative to the output folder, never absolutely. */
    @Test
    void noAbsolutePathInRepliesSidecarsOrZips() throws Exception {
        Map<String, Object> request = Map.of("mode", "accompany", "roles", List.of("bass"), "seed", 8, "audio", false);
        HttpResponse<byte[]> posted = http.postMultipart(request, "seed_midi", "mine.mid", Midi.oneBar());
        assertEquals(202, posted.statusCode(), new String(posted.body()));
        JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
        assertEquals("done", job.path("status").asText(), job.toString());
        String folder = job.path("results").get(0).path("folder").asText();
        List<String> seen = new java.util.ArrayList<>(List.of(job.toString(), new String(http.get("/api/results").body()),
                new String(http.get("/api/results/" + folder).body()), new String(http.get("/api/results/" + folder + "/loopsmith.json").body())));
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(http.get("/api/results/" + folder + ".zip").body()))) {
            for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) {
                assertFalse(e.getName().startsWith("/") || e.getName().contains(".."), e.getName());
                seen.add(e.getName());
                if (e.getName().endsWith(".json")) seen.add(new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        HttpResponse<byte[]> refused = http.postMultipart(Map.of("mode", "accompany"), "seed_midi", "empty.mid",
                java.util.Arrays.copyOf(Midi.oneBar(), 22)); // a header and an empty track: no notes
        assertEquals(400, refused.statusCode(), new String(refused.body()));
        seen.add(new String(refused.body()));
        for (String text : seen)
            for (Path p : List.of(out.toAbsolutePath(), root.toAbsolutePath(), ServerApiTest.HOME))
                assertFalse(text.contains(p.toString()), "an absolute path (" + p + ") went out: " + text);
        assertTrue(new String(refused.body()).contains("seed_midi: "), "the reason names the part, not the stored file: " + new String(refused.body()));
    }
}
