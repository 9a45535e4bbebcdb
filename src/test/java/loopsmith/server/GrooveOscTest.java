package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import loopsmith.UnitTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /loopsmith/groove} over real UDP: a Live clip's notes in, the grooved notes back at once, every hit kept. */
@UnitTest
class GrooveOscTest {

    @TempDir
    static Path out;
    static Server server;

    @BeforeAll
    static void start() {
        server = Server.start(ServerConfig.tiny(ServerApiTest.HOME, out), Clock.systemDefaultZone(), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void send(DatagramSocket from, List<Object> args) throws Exception {
        OscClient.send(from, server.oscPort(), "/loopsmith/groove", args);
    }

    private static OSCMessage receive(DatagramSocket on) throws Exception {
        return OscClient.receive(on);
    }

    /** Two bars of a programmed beat as Live's clip notes: kick 1 and 3, snare 2 and 4, eighth hats, velocity 100. */
    private static List<Object> beat(int pitchShift) {
        List<Object> notes = new ArrayList<>();
        for (int eighth = 0; eighth < 16; eighth++) {
            float start = eighth * 0.5f;
            notes.addAll(List.of(42 + pitchShift, start, 0.25f, 100));
            if (eighth % 4 == 0) notes.addAll(List.of(36 + pitchShift, start, 0.25f, 100));
            if (eighth % 4 == 2) notes.addAll(List.of(38 + pitchShift, start, 0.25f, 100));
        }
        return notes;
    }

    @Test
    void theGroovedNotesComeBackWithEveryHit() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            List<Object> args = new ArrayList<>(List.of(1.0f, "funk", 100f, 8f, 7, 0, "req-1"));
            args.addAll(beat(0));
            send(s, args);
            OSCMessage notes = receive(s);
            assertEquals("/loopsmith/notes", notes.getAddress(), notes.getArguments().toString());
            List<Object> a = notes.getArguments();
            assertEquals(List.of("req-1", "Drums", 8f, 0, 1), a.subList(0, 5));
            List<Object> hits = a.subList(5, a.size());
            assertEquals(beat(0).size(), hits.size(), "every hit comes back");
            List<Integer> pitchesIn = new ArrayList<>();
            List<Integer> pitchesOut = new ArrayList<>();
            boolean moved = false;
            for (int i = 0; i < hits.size(); i += 4) {
                pitchesIn.add((Integer) beat(0).get(i));
                pitchesOut.add((Integer) hits.get(i));
                float start = (Float) hits.get(i + 1);
                moved |= Math.abs(start * 2 - Math.round(start * 2)) > 1e-3;
            }
            pitchesIn.sort(null);
            pitchesOut.sort(null);
            assertEquals(pitchesIn, pitchesOut);
            assertTrue(moved, "the timing is grooved");
            OSCMessage done = receive(s);
            assertEquals("/loopsmith/grooved", done.getAddress());
            assertEquals(List.of("req-1", 7, beat(0).size() / 4), done.getArguments());
        }
    }

    @Test
    void aClipWithoutDrumsIsAnsweredWithTheReason() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            List<Object> args = new ArrayList<>(List.of(1.0f, "", 100f, 8f, 0, 0, "req-2"));
            args.addAll(beat(60));
            send(s, args);
            OSCMessage error = receive(s);
            assertEquals("/loopsmith/error", error.getAddress());
            assertEquals("req-2", error.getArguments().get(0));
            assertTrue(String.valueOf(error.getArguments().get(1)).contains("no drums"), error.getArguments().toString());
            send(s, List.of(1.0f, "", 100f, 8f, 0, 0, "req-3"));
            assertTrue(String.valueOf(receive(s).getArguments().get(1)).contains("empty"));
        }
    }
}
