package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import loopsmith.UnitTest;
import loopsmith.audio.WavReader;
import loopsmith.audio.WavWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GenerateService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One request cannot ask for unbounded work, and the output folder cannot fill the disk: the product of bars, parts,
 * variations and audio seconds is budgeted (413), seeds and clips are capped (413/400), the quota and free space are
 * checked (507), --keep deletes the oldest results, and leftovers of a crash are removed. Each refusal creates no job.
 */
@UnitTest
class ServerBudgetTest {
    @TempDir
    Path root;

    private Server start(String name, UnaryOperator<ServerConfig> tweak) throws Exception {
        Path out = Files.createDirectories(root.resolve(name));
        return Server.start(tweak.apply(ServerConfig.tiny(ServerApiTest.HOME, out).withPorts(0, -1)), Clock.systemDefaultZone(), "test");
    }

    private static Map<String, Object> request(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static String assertRefused(int status, HttpResponse<byte[]> r, String reason) {
        String body = new String(r.body());
        assertEquals(status, r.statusCode(), body);
        assertTrue(body.contains(reason), body);
        return body;
    }

    @Test
    void requestsOverTheWorkBudgetAre413() throws Exception {
        try (Server s = start("work", c -> c)) {
            Http http = Http.to(s);
            String body = assertRefused(413, http.postJson(request("text", "house", "bars", 32, "variations", 8, "audio", false,
                    "roles", List.of("drums", "bass", "chords", "melody", "pad", "fx"))), "too much work");
            assertTrue(body.contains("32 bars × 6 parts × 8 variations = 1536 part-bars; this server allows 1024"), body);
            // The parts the prompt names count as much as a roles list.
            assertRefused(413, http.postJson(request("text", "house with drums, bass, chords, melody and a pad", "bars", 32,
                    "variations", 8, "audio", false)), "5 parts");
            // 32 bars at 20 BPM is a 384 s loop: two parts and the mix are 1152 s of WAV.
            body = assertRefused(413, http.postJson(request("text", "ambient", "bpm", 20, "bars", 32, "roles", List.of("pad", "bass"))),
                    "too much audio");
            assertTrue(body.contains("384.0 s loop × (2 parts + the mix) × 1 variations = 1152 s of WAV"), body);
            assertEquals(0, s.jobs().accepted());
        }
    }

    @Test
    void seedsAreCappedInBarsAndTracks() throws Exception {
        try (Server s = start("seed", c -> c.withBudget(new ServerConfig.Budget(1024, 960, 4, 120)))) {
            Http http = Http.to(s);
            Map<String, Object> accompany = request("mode", "accompany", "roles", List.of("bass"), "audio", false);
            assertRefused(413, http.postMultipart(accompany, "seed_midi", "long.mid", Midi.bars(40, 1)),
                    "seed_midi: 40 bars; at most 32");
            assertRefused(413, http.postMultipart(accompany, "seed_midi", "wide.mid", Midi.bars(2, 6)), "seed_midi: 6 tracks; at most 4");
            // Accompanying writes as many bars as the seed has, whatever "bars" says: the budget counts the seed's.
            Map<String, Object> many = request("mode", "accompany", "roles", List.of("bass"), "bars", 1, "bpm", 50, "variations", 8);
            assertRefused(413, http.postMultipart(many, "seed_midi", "seed.mid", Midi.bars(20, 1)), "a 96.0 s loop × (2 parts + the mix)");
            assertEquals(0, s.jobs().accepted());
            try (Stream<Path> f = Files.list(s.config().outDir().resolve(Uploads.FOLDER))) {
                assertEquals(0, f.count(), "refused seeds are not kept");
            }
        }
    }

    /** The service holds the seed's bar limit itself, so the CLI cannot accompany 40 bars either. */
    @Test
    void theServiceRefusesASeedLongerThanTheBarLimit() throws Exception {
        Path seed = root.resolve("long.mid");
        Files.write(seed, Midi.bars(40, 1));
        GenerateForm form = Http.JSON.readValue("{\"mode\":\"accompany\",\"roles\":[\"bass\"],\"audio\":false}", GenerateForm.class);
        GenerateService service = new GenerateService(ServerApiTest.HOME, Clock.systemDefaultZone(), "test");
        LoopsmithException e = assertThrows(LoopsmithException.class,
                () -> service.generate(form.toOptions(Files.createDirectories(root.resolve("cli")), Optional.of(seed))));
        assertTrue(e.reason().contains("seed MIDI has 40 bars; at most 32"), e.reason());
    }

    /**
     * Before analysis, a clip's tempo and bars are unknown: the estimate takes the slowest tempo and the most bars, but a
     * clip that decides both makes a loop as long as itself (and a bar), so a two-bar loop with audio is not refused.
     */
    @Test
    void theEstimateOfAClipRequest() throws Exception {
        Path clip = root.resolve("clicks.wav");
        Files.write(clip, ServerApiTest.clickLoop()); // 4 s: two bars at 120 BPM
        GenerateService service = new GenerateService(ServerApiTest.HOME, Clock.systemDefaultZone(), "test");
        Path out = Files.createDirectories(root.resolve("estimate"));
        GenerateForm form = Http.JSON.readValue("{\"roles\":[\"bass\",\"chords\"],\"variations\":8}", GenerateForm.class);
        GenerateService.Work w = service.estimate(form.toOptions(out, Optional.empty(), Optional.of(clip)));
        assertEquals(32, w.bars());
        assertEquals(3, w.parts(), "bass, chords and the clip's transcription");
        assertEquals(4 + 4.8, w.loopSeconds(), 0.01, "the clip's 4 s and a bar at 50 BPM");
        assertEquals(8.8 * 4 * 8, w.audioSeconds(), 0.1);
        form = Http.JSON.readValue("{\"roles\":[\"bass\"],\"bars\":8}", GenerateForm.class);
        w = service.estimate(form.toOptions(out, Optional.empty(), Optional.of(clip)));
        assertEquals(8 * 4.8, w.loopSeconds(), 0.01, "8 bars at the slowest tempo the analysis reports");
    }

    /** A RIFF/WAVE header of 16-bit PCM whose data chunk claims {@code declaredSeconds}, followed by {@code actualBytes} of silence. */
    private static byte[] wav(int rateHz, int channels, double declaredSeconds, int actualBytes) {
        int blockAlign = 2 * channels;
        int declared = (int) Math.round(declaredSeconds * rateHz) * blockAlign;
        ByteBuffer b = ByteBuffer.allocate(44 + actualBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + declared).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rateHz).putInt(rateHz * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16);
        b.put("data".getBytes()).putInt(declared);
        return b.array();
    }

    @Test
    void audioClipsAreCappedInLengthRateAndChannels() throws Exception {
        try (Server s = start("clip", c -> c)) {
            Http http = Http.to(s);
            Map<String, Object> r = request("roles", List.of("bass"), "audio", false);
            assertRefused(400, http.postMultipart(r, "audio", "slow.wav", wav(1000, 1, 2, 4000)), "audio: sample rate 1000 Hz; 8 to 96 kHz");
            assertRefused(400, http.postMultipart(r, "audio", "many.wav", wav(8000, 6, 1, 4000)), "audio: 6 channels");
            assertRefused(413, http.postMultipart(r, "audio", "long.wav", wav(8000, 1, 150, 20_000)),
                    "audio: 150.0 s long; clips may be at most 120 s");
            assertEquals(0, s.jobs().accepted());
            try (Stream<Path> f = Files.list(s.config().outDir().resolve(Uploads.FOLDER))) {
                assertEquals(0, f.count(), "refused clips are not kept");
            }
        }
        // What a header cannot promise (a FLAC's frames may inflate past it), the job's read bounds.
        Path clip = root.resolve("three-seconds.wav");
        WavWriter.write(clip, new float[][] {new float[3 * 8000]}, 8000, 16);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> WavReader.read(clip, 22050, 1.0));
        assertTrue(e.reason().contains("longer than 1 s"), e.reason());
        assertEquals(3 * 22050, WavReader.read(clip, 22050, 5.0)[0].length, 2);
    }

    @Test
    void aFullQuotaOrDiskIs507() throws Exception {
        try (Server s = start("quota", c -> c.withStorage(new ServerConfig.Storage(100_000, 0, 0)))) {
            HttpResponse<byte[]> r = Http.to(s).postJson(request("text", "techno", "bars", 1, "audio", false));
            assertRefused(507, r, "quota is used up");
            assertTrue(new String(r.body()).contains("insufficient_storage"));
            assertEquals(0, s.jobs().accepted());
        }
        try (Server s = start("disk", c -> c.withStorage(new ServerConfig.Storage(0, Long.MAX_VALUE / 4, 0)))) {
            assertRefused(507, Http.to(s).postJson(request("text", "techno", "bars", 1, "audio", false)), "not enough free disk space");
            assertEquals(0, s.jobs().accepted());
        }
    }

    /**
     * Free space is looked at twice: when a job is accepted, and again by its worker before it writes, since the disk
     * may fill while the job waits. A job accepted with room, whose disk is full when its turn comes, fails with the
     * 507's reason and writes nothing, not even a half-written folder.
     */
    @Test
    void aJobAcceptedWithRoomFailsWhenTheDiskHasFilledBeforeItWrites() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        OutputFolder.FreeSpace fillsAfterAdmission = dir -> looks.getAndIncrement() == 0 ? 1L << 40 : 0;
        Path out = Files.createDirectories(root.resolve("fills"));
        ServerConfig c = ServerConfig.tiny(ServerApiTest.HOME, out).withPorts(0, -1).withStorage(new ServerConfig.Storage(0, 1_000_000, 0));
        try (Server s = Server.start(c, Clock.systemDefaultZone(), "test", false, fillsAfterAdmission)) {
            Http http = Http.to(s);
            HttpResponse<byte[]> posted = http.postJson(request("text", "techno", "bars", 1, "seed", 3, "audio", false));
            assertEquals(202, posted.statusCode(), new String(posted.body()));
            JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
            assertEquals("failed", job.path("status").asText(), job.toString());
            assertTrue(job.path("error").asText().contains("not enough free disk space to write the result: 0.0 MB free"), job.toString());
            assertEquals(2, looks.get(), "free space was looked at on admission and before writing");
            try (Stream<Path> f = Files.list(out)) {
                assertEquals(List.of(Server.TOKEN_FILE), f.map(p -> p.getFileName().toString()).filter(n -> !n.equals(Uploads.FOLDER)).toList(),
                        "no result folder and no .partial-* folder");
            }
        }
    }

    @Test
    void keepDeletesTheOldestResults() throws Exception {
        Path out = Files.createDirectories(root.resolve("keep"));
        for (String old : List.of("20200101-000000_house_120bpm_s1", "20200102-000000_house_120bpm_s2")) {
            Files.createDirectories(out.resolve(old));
            Files.writeString(out.resolve(old).resolve("loopsmith.json"), "{}");
        }
        Files.createDirectories(out.resolve("my-notes")); // no sidecar: not a result, never deleted
        try (Server s = start("keep", c -> c.withStorage(new ServerConfig.Storage(0, 0, 2)))) {
            Http http = Http.to(s);
            HttpResponse<byte[]> posted = http.postJson(request("text", "techno", "bars", 1, "seed", 3, "audio", false));
            assertEquals(202, posted.statusCode(), new String(posted.body()));
            JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
            assertEquals("done", job.path("status").asText(), job.toString());
            String made = job.path("results").get(0).path("folder").asText();
            try (Stream<Path> f = Files.list(out)) {
                List<String> left = f.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
                assertEquals(List.of("20200102-000000_house_120bpm_s2", made, "my-notes").stream().sorted().toList(), left);
            }
        }
    }

    @Test
    void leftoversOfACrashAreRemovedAtStartAndOnShutdown() throws Exception {
        Path out = Files.createDirectories(root.resolve("crash"));
        Files.createDirectories(out.resolve(Uploads.FOLDER));
        Files.write(out.resolve(Uploads.FOLDER).resolve("0000.mid"), Midi.oneBar());
        Files.createDirectories(out.resolve(".partial-20200101-000000_house_120bpm_s1123"));
        Files.writeString(out.resolve(".partial-20200101-000000_house_120bpm_s1123").resolve("Full_120bpm.mid"), "half");
        Server s = start("crash", c -> c);
        try {
            assertFalse(Files.exists(out.resolve(Uploads.FOLDER).resolve("0000.mid")), "an upload of a crashed run");
            assertFalse(Files.exists(out.resolve(".partial-20200101-000000_house_120bpm_s1123")), "a half-written result");
            Files.write(out.resolve(Uploads.FOLDER).resolve("1111.mid"), Midi.oneBar()); // as if its job never ran
        } finally {
            s.close();
        }
        assertFalse(Files.exists(out.resolve(Uploads.FOLDER).resolve("1111.mid")), "uploads are removed on shutdown");
        assertFalse(Files.exists(out.resolve(Server.TOKEN_FILE)), "the token goes with the server");
    }
}
