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

/** {@code /loopsmith/interpolate} over real UDP: two Live clips' notes in, the steps' notes and done out; bad pairs refused. */
@UnitTest
class OscInterpolateTest {
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

    /** A 2-bar beat as Live's clip notes: kick, snare and hats, the kicks at {@code kicks}. */
    private static List<Object> beat(float... kicks) {
        List<Object> a = new ArrayList<>();
        for (int bar = 0; bar < 2; bar++) {
            for (float k : kicks) a.addAll(List.of(36, bar * 4 + k, 0.25f, 110));
            for (float s : new float[] {1f, 3f}) a.addAll(List.of(38, bar * 4 + s, 0.25f, 100));
            for (int e = 0; e < 8; e++) a.addAll(List.of(42, bar * 4 + e * 0.5f, 0.25f, 80));
        }
        return a;
    }

    private static List<Object> message(String request, float beatsA, float beatsB, List<Object> a, List<Object> b) {
        List<Object> args = new ArrayList<>(List.of(4, 100f, beatsA, beatsB, 3, 0, request, a.size() / 4));
        args.addAll(a);
        args.addAll(b);
        return args;
    }

    @Test
    void twoBeatsComeBackAsStepsFromOneToTheOther() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(60_000);
            OscClient.send(s, server.oscPort(), "/loopsmith/interpolate", message("in-1", 8f, 8f, beat(0f, 2f), beat(0f, 0.75f, 2.5f)));
            List<OSCMessage> seen = new ArrayList<>();
            OSCMessage done = null;
            while (done == null) {
                OSCMessage m = OscClient.receive(s);
                seen.add(m);
                assertTrue(!m.getAddress().equals("/loopsmith/error"), "error: " + m.getArguments());
                if (m.getAddress().equals("/loopsmith/done")) done = m;
            }
            assertEquals("/loopsmith/queued", seen.get(0).getAddress());
            assertEquals("in-1", seen.get(0).getArguments().get(1));
            OSCMessage notes = seen.stream().filter(m -> m.getAddress().equals("/loopsmith/notes")
                    && m.getArguments().get(1).equals("Interpolation")).findFirst().orElseThrow();
            assertEquals(32f, notes.getArguments().get(2), "4 steps of 2 bars, in beats");
            Path folder = out.resolve((String) done.getArguments().get(1));
            JsonNode g = Http.JSON.readTree(folder.resolve("loopsmith.json").toFile()).path("generation");
            assertEquals(4, g.path("similarity_to_b").size(), g.toString());
            assertTrue(g.path("shared_notes").asInt() > 0, g.toString());
        }
    }

    @Test
    void badPairsAreRefusedWithTheReason() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            OscClient.send(s, server.oscPort(), "/loopsmith/interpolate", message("in-len", 8f, 16f, beat(0f), beat(0f)));
            OSCMessage lengths = OscClient.receive(s);
            assertEquals("/loopsmith/error", lengths.getAddress());
            assertEquals("in-len", lengths.getArguments().get(0));
            assertTrue(String.valueOf(lengths.getArguments().get(1)).contains("clip_a is 2 bars and clip_b is 4 bars"), lengths.getArguments().toString());

            OscClient.send(s, server.oscPort(), "/loopsmith/interpolate", message("in-none", 8f, 8f, List.of(), beat(0f)));
            OSCMessage none = OscClient.receive(s);
            assertEquals("/loopsmith/error", none.getAddress());
            assertTrue(String.valueOf(none.getArguments().get(1)).contains("a_count"), none.getArguments().toString());
        }
    }
}
