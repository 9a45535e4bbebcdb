package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code /loopsmith/drumify} over real UDP: a Live clip's notes in, the drums' notes and done out; bad clips refused. */
@UnitTest
class OscDrumifyTest {

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

    private static void send(DatagramSocket from, Object... args) throws Exception {
        OscClient.send(from, server.oscPort(), "/loopsmith/drumify", List.of(args));
    }

    private static OSCMessage receive(DatagramSocket on) throws Exception {
        return OscClient.receive(on);
    }

    /** A 2-bar bass riff as Live's clip notes: pitch, start and length in beats, velocity. */
    private static List<Object> riff() {
        List<Object> a = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++)
            for (float beat : new float[] {0f, 0.75f, 2f, 2.5f, 3.5f}) {
                a.add(40);
                a.add(bar * 4 + beat);
                a.add(0.25f);
                a.add(100);
            }
        return a;
    }

    @Test
    void aClipsNotesComeBackAsDrumsThatCarryThem() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(60_000);
            List<Object> args = new ArrayList<>(List.of("funk", 96f, 8f, 5, 0, 0, "dr-1"));
            args.addAll(riff());
            send(s, args.toArray());
            List<OSCMessage> seen = new ArrayList<>();
            OSCMessage done = null;
            while (done == null) {
                OSCMessage m = receive(s);
                seen.add(m);
                assertTrue(!m.getAddress().equals("/loopsmith/error"), "error: " + m.getArguments());
                if (m.getAddress().equals("/loopsmith/done")) done = m;
            }
            assertEquals(List.of("/loopsmith/queued"), List.of(seen.get(0).getAddress()));
            assertEquals("dr-1", seen.get(0).getArguments().get(1));
            OSCMessage drums = seen.stream().filter(m -> m.getAddress().equals("/loopsmith/notes") && m.getArguments().get(1).equals("Drums"))
                    .findFirst().orElseThrow();
            assertEquals(8f, drums.getArguments().get(2), "2 bars in beats");
            Path folder = out.resolve((String) done.getArguments().get(1));
            JsonNode g = Http.JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("generation");
            assertEquals(10, g.path("onsets").asInt(), g.toString());
            assertEquals(10, g.path("covered").asInt(), g.toString());
        }
    }

    @Test
    void badClipsAreRefusedWithTheReason() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            send(s, "funk", 96f, 8f, 5, 0, 0, "dr-empty");
            OSCMessage empty = receive(s);
            assertEquals("/loopsmith/error", empty.getAddress());
            assertEquals("dr-empty", empty.getArguments().get(0));
            assertTrue(String.valueOf(empty.getArguments().get(1)).contains("empty clip"), empty.getArguments().toString());

            List<Object> args = new ArrayList<>(List.of("funk", 96f, 8f, 5, 0, 0, "dr-bad"));
            args.addAll(List.of(200, 0f, 1f, 100));
            send(s, args.toArray());
            OSCMessage bad = receive(s);
            assertEquals("/loopsmith/error", bad.getAddress());
            assertTrue(String.valueOf(bad.getArguments().get(1)).contains("note 1"), bad.getArguments().toString());
        }
    }
}
