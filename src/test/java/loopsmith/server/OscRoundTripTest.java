package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import loopsmith.NativeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSC protocol as the Max for Live device speaks it (docs/osc.md): over real UDP, with the message types Max sends
 * (strings, 32-bit ints), and replies to a separate reply port as Max's udpreceive needs.
 */
@NativeTest
class OscRoundTripTest {
    private static final OSCSerializerAndParserBuilder CODEC = new OSCSerializerAndParserBuilder();

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

    private static void send(DatagramSocket from, String address, Object... args) throws Exception {
        OscClient.send(from, server.oscPort(), address, List.of(args));
    }

    private static OSCMessage receive(DatagramSocket on) throws Exception {
        return OscClient.receive(on);
    }

    @Test
    void pingIsAnsweredToTheSender() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            send(s, "/loopsmith/ping", 0, "device-key");
            OSCMessage pong = receive(s);
            assertEquals("/loopsmith/pong", pong.getAddress());
            // The output folder goes to a sender on this machine only: a device there reads the result files from it.
            assertEquals(List.of("test", "device-key", out.toAbsolutePath().normalize().toString()), pong.getArguments());
        }
    }

    @Test
    void generateRepliesWithProgressThenDoneOnTheReplyPort() throws Exception {
        try (DatagramSocket udpsend = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket udpreceive = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udpreceive.setSoTimeout(60_000);
            long t0 = System.nanoTime();
            send(udpsend, "/loopsmith/generate", "dark techno bassline", 2, 42, udpreceive.getLocalPort(), 0, "request-1");
            List<OSCMessage> seen = new ArrayList<>();
            OSCMessage done = null;
            while (done == null) {
                OSCMessage m = receive(udpreceive);
                seen.add(m);
                assertTrue(!m.getAddress().equals("/loopsmith/error"), "error: " + m.getArguments());
                if (m.getAddress().equals("/loopsmith/done")) done = m;
            }
            System.out.printf("OSC generate to done (2 bars, MIDI only): %.2f s, %d messages%n", (System.nanoTime() - t0) / 1e9, seen.size());
            assertEquals("/loopsmith/queued", seen.get(0).getAddress());
            String job = (String) seen.get(0).getArguments().get(0);
            assertEquals("request-1", seen.get(0).getArguments().get(1), "queued names the client's request");
            assertTrue(seen.stream().anyMatch(m -> m.getAddress().equals("/loopsmith/progress") && m.getArguments().get(0).equals(job)
                    && m.getArguments().get(1) instanceof Float));
            List<Object> a = done.getArguments();
            assertEquals(job, a.get(0));
            // Names relative to the output folder, never absolute paths.
            assertTrue(a.stream().skip(1).allMatch(o -> !String.valueOf(o).contains("/") && !String.valueOf(o).contains("\\")), a.toString());
            Path folder = out.resolve((String) a.get(1));
            assertTrue(Files.isDirectory(folder), folder.toString());
            assertTrue(folder.getFileName().toString().endsWith("_s42"), folder.toString());
            List<Path> files = a.subList(2, a.size()).stream().map(o -> folder.resolve((String) o)).toList();
            assertTrue(files.stream().allMatch(Files::isRegularFile), files.toString());
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mid")), files.toString());
            assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".wav")), "OSC renders no audio unless asked");

            // The notes came before done, one message per part here (2 bars), matching the part's MIDI file.
            List<OSCMessage> notes = seen.stream().filter(m -> m.getAddress().equals("/loopsmith/notes")).toList();
            assertTrue(seen.indexOf(notes.get(notes.size() - 1)) < seen.indexOf(done), "notes before done");
            OSCMessage full = notes.stream().filter(m -> m.getArguments().get(1).equals("Full")).findFirst().orElseThrow();
            List<Object> f = full.getArguments();
            assertEquals(job, f.get(0));
            assertEquals(8f, f.get(2), "2 bars of 4/4 in beats");
            assertEquals(List.of(0, 1), f.subList(3, 5), "chunk 0 of 1");
            Path fullMidi = files.stream().filter(p -> p.getFileName().toString().startsWith("Full_")).findFirst().orElseThrow();
            assertEquals(loopsmith.midi.MidiReader.read(fullMidi).piece().noteCount(), (f.size() - 5) / 4);
            for (int i = 5; i < f.size(); i += 4) {
                assertTrue(f.get(i) instanceof Integer && f.get(i + 3) instanceof Integer, "pitch and velocity are ints");
                assertTrue((Float) f.get(i + 1) >= 0 && (Float) f.get(i + 1) < 8 && (Float) f.get(i + 2) > 0, f.subList(i, i + 4).toString());
            }
        }
    }

    @Test
    void theAudioArgumentRendersStems() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(60_000);
            send(s, "/loopsmith/generate", "techno bassline", 1, 9, 0, 1);
            OSCMessage done = null;
            long notesAt = 0;
            while (done == null) {
                OSCMessage m = receive(s);
                assertTrue(!m.getAddress().equals("/loopsmith/error"), "error: " + m.getArguments());
                if (m.getAddress().equals("/loopsmith/notes") && notesAt == 0) notesAt = System.nanoTime();
                if (m.getAddress().equals("/loopsmith/done")) done = m;
            }
            long doneAt = System.nanoTime();
            assertTrue(notesAt > 0, "the notes came before done");
            System.out.printf("OSC with stems: notes %.2f s before done%n", (doneAt - notesAt) / 1e9);
            List<Path> files = done.getArguments().subList(2, done.getArguments().size()).stream().map(o -> Path.of((String) o)).toList();
            assertTrue(files.stream().noneMatch(Path::isAbsolute), files.toString());
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".wav")), "audio 1 renders WAV stems: " + files);
        }
    }

    @Test
    void badRequestsGetAnErrorMessage() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            send(s, "/loopsmith/generate", "x".repeat(501), 2, 1, 0, 0, "request-2");
            OSCMessage e = receive(s);
            assertEquals("/loopsmith/error", e.getAddress());
            assertEquals("request-2", e.getArguments().get(0), "an error before there is a job names the request");
            assertTrue(String.valueOf(e.getArguments().get(1)).contains("at most 500 characters"), e.getArguments().toString());
            send(s, "/loopsmith/nonsense");
            assertEquals("/loopsmith/error", receive(s).getAddress());
            byte[] junk = {1, 2, 3};
            s.send(new DatagramPacket(junk, junk.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.oscPort())));
            OSCMessage j = receive(s);
            assertNotNull(j);
            assertEquals("/loopsmith/error", j.getAddress());
        }
    }

    /**
     * Bundles nested 3,270 deep fill one datagram; JavaOSC's recursive parser overflowed the stack on them (an Error,
     * once fatal to the receiver), or not, depending on the JIT. They are refused before parsing, the same way every time.
     */
    @Test
    void aPacketOfDeeplyNestedBundlesIsRefusedAndTheReceiverGoesOn() throws Exception {
        byte[] inner = {'/', 'x', 0, 0, ',', 0, 0, 0};
        for (int i = 0; i < 3270; i++) {
            ByteBuffer b = ByteBuffer.allocate(20 + inner.length);
            b.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1).putInt(inner.length).put(inner);
            inner = b.array();
        }
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            s.send(new DatagramPacket(inner, inner.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.oscPort())));
            OSCMessage e = receive(s);
            assertEquals("/loopsmith/error", e.getAddress());
            assertTrue(String.valueOf(e.getArguments().get(1)).contains("bundles nested 3270 deep; at most 32"), e.getArguments().toString());
            send(s, "/loopsmith/ping");
            assertEquals("/loopsmith/pong", receive(s).getAddress(), "the receiver still answers");
        }
    }

    /**
     * A 40-byte bundle whose element claims 0x7FFFFFF0 bytes: its end wrapped past the int range, the bundle scan read
     * at a negative offset, and the exception, thrown outside any handler, ended the receiver thread; from then on the
     * device heard nothing. The receiver now answers the next packet whatever one packet does.
     */
    @Test
    void aBundleWhoseElementSizeWrapsDoesNotStopTheReceiver() throws Exception {
        ByteBuffer lying = ByteBuffer.allocate(40);
        lying.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1).putInt(0x7FFFFFF0);
        lying.put("/loopsmith/ping\0,\0\0\0".getBytes(StandardCharsets.US_ASCII));
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            s.send(new DatagramPacket(lying.array(), lying.capacity(), new InetSocketAddress(InetAddress.getLoopbackAddress(), server.oscPort())));
            send(s, "/loopsmith/ping", 0, "after");
            OSCMessage m = receive(s);
            // The lying packet may be answered with an error first; the ping's pong must follow it.
            if (m.getAddress().equals("/loopsmith/error")) m = receive(s);
            assertEquals("/loopsmith/pong", m.getAddress(), "the receiver still answers: " + m.getArguments());
            assertEquals("after", m.getArguments().get(1));
        }
    }

    @Test
    void aJobIsCancelledOverOsc() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(30_000);
            send(s, "/loopsmith/generate", "house with drums, bass, chords and melody", 32, 5);
            OSCMessage queued = receive(s);
            assertEquals("/loopsmith/queued", queued.getAddress(), queued.getArguments().toString());
            String job = (String) queued.getArguments().get(0);
            send(s, "/loopsmith/cancel", job);
            OSCMessage m;
            do m = receive(s); while (m.getAddress().equals("/loopsmith/progress"));
            assertEquals("/loopsmith/error", m.getAddress());
            assertEquals(List.of(job, "cancelled"), m.getArguments());
        }
    }

    /**
     * Bound to every interface, OSC from another address of this machine (standing in for another machine) gets no
     * answer unless --osc-allow names it; allowed, it is answered, without the output folder (its files are not there).
     */
    @Test
    void otherSendersAreRefusedUnlessAllowed() throws Exception {
        InetAddress other = null;
        for (java.net.NetworkInterface ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()))
            for (InetAddress a : java.util.Collections.list(ni.getInetAddresses()))
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && ni.isUp()) other = a;
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no non-loopback IPv4 address to send from");
        for (boolean allowed : new boolean[] {false, true}) {
            Path dir = Files.createDirectories(out.resolve(".osc-" + allowed));
            ServerConfig c = ServerConfig.tiny(ServerApiTest.HOME, dir).withHost("0.0.0.0").withPorts(0, 0)
                    .withAllowed(List.of(), allowed ? List.of(other.getHostAddress()) : List.of());
            try (Server s = Server.start(c, Clock.systemDefaultZone(), "test"); DatagramSocket from = new DatagramSocket(0, other)) {
                from.setSoTimeout(allowed ? 5000 : 1000);
                BufferBytesReceiver bytes = new BufferBytesReceiver(ByteBuffer.allocate(256));
                CODEC.buildSerializer(bytes).write(new OSCMessage("/loopsmith/ping", List.of(0, "k")));
                byte[] data = bytes.toByteArray();
                from.send(new DatagramPacket(data, data.length, new InetSocketAddress(other, s.oscPort())));
                if (allowed) {
                    OSCMessage pong = receive(from);
                    assertEquals(List.of("test", "k", ""), pong.getArguments());
                } else {
                    org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, () -> receive(from),
                            "a sender not on this machine was answered");
                }
            }
        }
    }
}
