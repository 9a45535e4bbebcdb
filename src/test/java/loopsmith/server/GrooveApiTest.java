package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.midi.MidiReader;
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

/** {@code POST /api/groove} with the bundled groove model: the grooved file comes back at once; bad input is refused. */
@UnitTest
class GrooveApiTest {
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

    /** Four bars of a programmed rock beat: kick on 1 and 3, snare on 2 and 4, eighth hats, all at velocity 100. */
    static byte[] beat(boolean drums) {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++)
            for (int step = 0; step < 16; step += 2) {
                long t = bar * 1920L + step * 120L;
                notes.add(new Note(42, 100, t, 60));
                if (step % 8 == 0) notes.add(new Note(36, 100, t, 60));
                if (step % 8 == 4) notes.add(new Note(38, 100, t, 60));
            }
        Track t = drums ? new Track("Drums", Role.DRUMS, 0, true, notes) : new Track("Keys", Role.CHORDS, 0, false, notes);
        return MidiWriter.toBytes(Piece.of(480, 100, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(t), 4 * 1920L));
    }

    static HttpResponse<byte[]> post(String request, byte[] clip, boolean token) throws Exception {
        String boundary = "----groove-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (request != null)
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n" + request + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        if (clip != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clip\"; filename=\"beat.mid\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(clip);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = token ? http.request("/api/groove") : HttpRequest.newBuilder(URI.create(http.base() + "/api/groove"));
        return http.send(b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void answersTheGroovedClipWithEveryHit() throws Exception {
        HttpResponse<byte[]> r = post("{\"amount\":1,\"genre\":\"rock\",\"seed\":5}", beat(true), true);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("audio/midi", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("5", r.headers().firstValue("X-Loopsmith-Seed").orElse(""));
        assertEquals("rock", r.headers().firstValue("X-Loopsmith-Genre").orElse(""));
        List<Note> in = MidiReader.read(beat(true), Path.of("in")).piece().tracks().get(0).notes();
        List<Note> got = MidiReader.read(r.body(), Path.of("out")).piece().tracks().get(0).notes();
        assertEquals(in.size(), got.size());
        assertEquals(in.stream().map(Note::pitch).sorted().toList(), got.stream().map(Note::pitch).sorted().toList());
        assertTrue(got.stream().anyMatch(n -> n.startTick() % 120 != 0), "timing is grooved");
        assertArrayEquals(r.body(), post("{\"amount\":1,\"genre\":\"rock\",\"seed\":5}", beat(true), true).body(), "same seed, same file");
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        assertEquals(403, post(null, beat(true), false).statusCode(), "the token is checked as on every /api route");
        HttpResponse<byte[]> noDrums = post(null, beat(false), true);
        assertEquals(400, noDrums.statusCode());
        assertTrue(new String(noDrums.body(), StandardCharsets.UTF_8).contains("no drums"), new String(noDrums.body(), StandardCharsets.UTF_8));
        assertEquals(400, post(null, null, true).statusCode());
        assertEquals(415, post(null, "RIFF0000WAVEfmt ".getBytes(StandardCharsets.US_ASCII), true).statusCode());
        HttpResponse<byte[]> amount = post("{\"amount\":2}", beat(true), true);
        assertEquals(400, amount.statusCode());
        assertTrue(new String(amount.body(), StandardCharsets.UTF_8).contains("amount: expected 0 to 1, was 2.0"),
                new String(amount.body(), StandardCharsets.UTF_8));
        assertEquals(400, post("{\"model\":\"/etc/passwd\"}", beat(true), true).statusCode(), "no model file from clients");
        HttpResponse<byte[]> json = http.send(http.request("/api/groove").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, json.statusCode());
    }
}
