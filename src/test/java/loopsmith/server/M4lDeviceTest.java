package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.illposed.osc.OSCMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import loopsmith.NativeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Max for Live device agrees with its source and with the server: the .amxd wraps exactly Loopsmith.maxpat as a
 * MIDI effect, the patch talks to the default OSC port and listens where its script tells the server to reply, the
 * script handles every reply the server sends and sends only what the server handles, and (under Node, with stand-ins
 * for Max and Live) its tools send the selected clip's notes and put the result into the next empty slot below it.
 * (The server's side of each message is exercised in OscRoundTripTest, GrooveOscTest and OscDrumifyTest.)
 */
@NativeTest
class M4lDeviceTest {
    private static final Path M4L = Path.of("m4l");
    private static final Path HARNESS = Path.of("src/test/resources/loopsmith/m4l-harness.js");
    private static final Path OSC_API = Path.of("src/main/java/loopsmith/server/OscApi.java");
    private static final List<String> TOOLS = List.of("Generate", "Groove", "Drumify", "Interpolate");

    @TempDir
    Path dir;

    @Test
    void amxdWrapsThePatchAsAMidiEffect() throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(M4L.resolve("Loopsmith.amxd"))).order(ByteOrder.LITTLE_ENDIAN);
        List<String> tags = new ArrayList<>();
        byte[] ptch = null;
        while (b.remaining() >= 8) {
            byte[] tag = new byte[4];
            b.get(tag);
            byte[] data = new byte[b.getInt()];
            b.get(data);
            String t = new String(tag, StandardCharsets.US_ASCII);
            tags.add(t);
            if (t.equals("ampf")) assertEquals("mmmm", new String(data, StandardCharsets.US_ASCII));
            if (t.equals("ptch")) ptch = data;
        }
        assertEquals(List.of("ampf", "meta", "ptch"), tags);
        assertEquals(0, ptch[ptch.length - 1], "the patch is NUL-terminated");
        assertEquals(Files.readString(M4L.resolve("Loopsmith.maxpat")), new String(Arrays.copyOf(ptch, ptch.length - 1), StandardCharsets.UTF_8),
                "Loopsmith.amxd is stale: run python3 m4l/build-amxd.py");
    }

    @Test
    void patchAndScriptSpeakTheServersProtocol() throws Exception {
        JsonNode patch = Http.JSON.readTree(M4L.resolve("Loopsmith.maxpat").toFile());
        Map<String, JsonNode> boxes = new HashMap<>();
        List<String> objects = new ArrayList<>();
        patch.path("patcher").path("boxes").forEach(b -> {
            boxes.put(b.path("box").path("id").asText(), b.path("box"));
            objects.add(b.path("box").path("text").asText());
        });
        int oscPort = ServerConfig.defaults(Path.of(".")).oscPort();
        assertTrue(objects.contains("udpsend 127.0.0.1 " + oscPort), objects.toString());
        assertTrue(objects.contains("js loopsmith.js"), objects.toString());

        String js = Files.readString(M4L.resolve("loopsmith.js"));
        Matcher reply = Pattern.compile("var REPLY_PORT = (\\d+);").matcher(js);
        assertTrue(reply.find());
        assertTrue(objects.contains("udpreceive " + reply.group(1)), "the script's reply port is the patch's udpreceive");
        for (String address : List.of("queued", "progress", "notes", "grooved", "done", "error", "pong"))
            assertTrue(js.contains("\"" + OscApi.PREFIX + address + "\""), "the script does not handle " + address);
        assertTrue(js.contains("outlet(0, \"" + OscApi.PREFIX + "generate\", prompt, lengthBars, seedValue, REPLY_PORT, 0, pending)"),
                "the script sends generate as docs/osc.md and OscRoundTripTest have it (no audio, a request id)");
        assertTrue(js.contains("outlet(0, \"" + OscApi.PREFIX + "ping\", REPLY_PORT, key)"), "the script's ping carries its key");

        // Every address the script names is one the server handles (a request) or sends (a reply).
        String server = Files.readString(OSC_API);
        Matcher named = Pattern.compile("\"" + Pattern.quote(OscApi.PREFIX) + "(\\w+)\"").matcher(js);
        TreeSet<String> addresses = new TreeSet<>();
        while (named.find()) addresses.add(named.group(1));
        assertTrue(addresses.containsAll(List.of("ping", "generate", "groove", "drumify", "interpolate", "grooved")), addresses.toString());
        List<String> unknown = addresses.stream()
                .filter(a -> !server.contains("case PREFIX + \"" + a + "\"") && !Pattern.compile("send\\([^;]*?, \"" + a + "\"").matcher(server).find())
                .toList();
        assertEquals(List.of(), unknown, "addresses the script names that OscApi neither handles nor sends");

        // The patch sends the script only messages it has a function or a case for, from as many outlets as it has.
        JsonNode jsBox = boxes.values().stream().filter(b -> b.path("text").asText().equals("js loopsmith.js")).findFirst().orElseThrow();
        Matcher outlets = Pattern.compile("\\boutlets = (\\d+);").matcher(js);
        assertTrue(outlets.find());
        assertEquals(Integer.parseInt(outlets.group(1)), jsBox.path("numoutlets").asInt(), "the js box has the script's outlets");
        List<String> selectors = new ArrayList<>();
        patch.path("patcher").path("lines").forEach(l -> {
            JsonNode line = l.path("patchline");
            if (!line.path("destination").get(0).asText().equals(jsBox.path("id").asText())) return;
            JsonNode from = boxes.get(line.path("source").get(0).asText());
            String text = from.path("text").asText();
            if (from.path("maxclass").asText().equals("message")) selectors.add(text.split(" ")[0]);
            else if (text.startsWith("prepend ")) selectors.add(text.substring("prepend ".length()));
        });
        assertTrue(selectors.containsAll(List.of("run", "seta", "setb", "tool", "genre", "amount", "steps", "text", "reveal", "ping", "osc")),
                selectors.toString());
        // What comes over UDP reaches the script only as "osc <address> …": a packet addressed "run" presses no button.
        List<String> fromUdp = new ArrayList<>();
        patch.path("patcher").path("lines").forEach(l -> {
            JsonNode line = l.path("patchline");
            if (boxes.get(line.path("source").get(0).asText()).path("text").asText().startsWith("udpreceive"))
                fromUdp.add(boxes.get(line.path("destination").get(0).asText()).path("text").asText());
        });
        assertEquals(List.of("prepend osc"), fromUdp);
        for (String s : selectors)
            assertTrue(js.contains("function " + s + "(") || js.contains("case \"" + s + "\":"), "the script does not take '" + s + "' from the patch");

        // The Tool menu offers exactly the tools the script runs.
        JsonNode tool = boxes.get("tool");
        assertNotNull(tool, "the patch has a Tool menu");
        List<String> menu = new ArrayList<>();
        tool.path("saved_attribute_attributes").path("valueof").path("parameter_enum").forEach(e -> menu.add(e.asText()));
        assertEquals(TOOLS, menu);
        for (String t : TOOLS) assertTrue(js.contains(t + ": {part:"), "the script has no tool " + t);
    }

    /** A request of as many notes as the script sends at most (its MAX_SEND_NOTES) fits one datagram, as the server reads one. */
    @Test
    void theLargestRequestTheScriptSendsFitsOneDatagram() throws Exception {
        Matcher m = Pattern.compile("var MAX_SEND_NOTES = (\\d+);").matcher(Files.readString(M4L.resolve("loopsmith.js")));
        assertTrue(m.find());
        int notes = Integer.parseInt(m.group(1));
        String longest = "r".repeat(64); // a request id or genre the server still echoes whole
        List<Object> interpolate = new ArrayList<>(List.of(16, 120.5f, 128f, 128f, 999999, 8767, longest, notes / 2));
        List<Object> groove = new ArrayList<>(List.of(1f, longest, 120.5f, 128f, 999999, 8767, longest));
        for (int i = 0; i < notes; i++) {
            interpolate.addAll(List.of(127, 127.99f, 0.01f, 127));
            groove.addAll(List.of(127, 127.99f, 0.01f, 127));
        }
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            for (Map.Entry<String, List<Object>> request : Map.of("interpolate", interpolate, "groove", groove).entrySet()) {
                OscClient.send(s, s.getLocalPort(), OscApi.PREFIX + request.getKey(), request.getValue());
                assertEquals(request.getValue().size(), OscClient.receive(s).getArguments().size(), request.getKey());
            }
        }
    }

    /** A Standard MIDI File header (format 1, {@code tracks} tracks, 480 ppq) followed by {@code rest}. */
    private static byte[] smf(int tracks, int... rest) {
        byte[] head = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, (byte) (tracks >> 8), (byte) tracks, 0x01, (byte) 0xE0};
        byte[] out = Arrays.copyOf(head, head.length + rest.length);
        for (int i = 0; i < rest.length; i++) out[head.length + i] = (byte) rest[i];
        return out;
    }

    private static Path node() {
        Path node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(node != null, "no node: the script is not run");
        return node;
    }

    /** The harness's output: one JSON document a line; it must end within 30 s (a reader loop would not). */
    private static List<JsonNode> harness(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(node().toString(), HARNESS.toString(), M4L.resolve("loopsmith.js").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "the script did not finish in 30 s: a reader loop?");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.strip().split("\n")) out.add(Http.JSON.readTree(line));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    /**
     * The script under Node with stand-ins for Max (src/test/resources/loopsmith/m4l-harness.js): damaged MIDI files
     * end in an error, never in a loop (Max runs the script on Live's thread: a loop freezes Live), and replies count
     * only when they answer this device's own ping and request. Skipped where Node is not installed.
     */
    @Test
    void theScriptsReaderIsBoundedAndItTakesOnlyItsOwnReplies() throws Exception {
        node();
        Path results = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(results.resolve("result"));
        Files.write(results.resolve("result").resolve("Full_120bpm.mid"), Midi.oneBar());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("one-bar", Midi.oneBar());
        files.put("three-tracks", Midi.bars(2, 3));
        // The old reader looped for good on each of these.
        files.put("chunk-length-below-zero", smf(1, 'X', 'X', 'X', 'X', 0xFF, 0xFF, 0xFF, 0xF8, 0, 0, 0, 0));
        files.put("track-longer-than-file", smf(1, 'M', 'T', 'r', 'k', 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x90, 60, 100));
        files.put("endless-number", smf(1, 'M', 'T', 'r', 'k', 0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        files.put("65535-tracks", smf(65535));
        files.put("data-before-status", smf(1, 'M', 'T', 'r', 'k', 0, 0, 0, 4, 0x00, 0x40, 0x40, 0x40));
        int[] far = new int[8 + 7 * 2000];
        System.arraycopy(new int[] {'M', 'T', 'r', 'k', 0, 0, (7 * 2000) >> 8, (7 * 2000) & 0xFF}, 0, far, 0, 8);
        for (int i = 0; i < 2000; i++) // empty text events 2^28 ticks apart: a clip of days
            System.arraycopy(new int[] {0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0x01, 0x00}, 0, far, 8 + 7 * i, 7);
        files.put("days-long", smf(1, far));
        List<String> args = new ArrayList<>(List.of(results.toString()));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".mid");
            Files.write(f, e.getValue());
            args.add(f.toString());
        }
        long t0 = System.nanoTime();
        List<JsonNode> output = harness(args.toArray(String[]::new));
        System.out.printf("m4l script: %d files read and replies checked in %.2f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, JsonNode> read = new LinkedHashMap<>();
        JsonNode replies = null;
        JsonNode inserted = null;
        for (JsonNode j : output) {
            if (j.has("file")) read.put(Path.of(j.path("file").asText()).getFileName().toString().replace(".mid", ""), j);
            if (j.has("replies")) replies = j.path("replies");
            if (j.has("inserted")) inserted = j;
        }
        assertEquals(4, read.get("one-bar").path("notes").asInt(), output.toString());
        assertEquals(4, read.get("one-bar").path("beats").asInt(), output.toString());
        assertEquals(6, read.get("three-tracks").path("notes").asInt(), output.toString());
        for (String bad : files.keySet().stream().skip(2).toList())
            assertTrue(read.get(bad).has("error"), bad + " was read: " + read.get(bad));
        List<String> shown = texts(replies);
        assertFalse(shown.stream().anyMatch(r -> r.contains("spoofed") || r.contains("/etc")), "a reply not to this device counted: " + shown);
        assertTrue(shown.contains("server v is up"), shown.toString());
        assertTrue(shown.contains("generating… 50%"), shown.toString());
        assertTrue(shown.stream().anyMatch(r -> r.contains("odd folder")), shown.toString());
        assertTrue(shown.contains("done: Full inserted (4 notes) from result"), shown.toString());
        assertTrue(shown.contains("done: Full inserted (3 notes) from result"), "from the notes sent, in chunks out of order: " + shown);
        assertEquals(List.of(4, 3, 4), Http.JSON.convertValue(inserted.path("notes"), List.class),
                "file, sent notes, file again after spoiled notes; nothing from another job's or from incomplete notes");
        assertTrue(shown.get(shown.size() - 1).contains("the server's folder is unknown"), shown.toString());
        assertEquals(3, inserted.path("inserted").asInt(), "only replies to its own requests put clips into Live");
    }

    /**
     * The Tool menu under Node, with a stand-in Live set of clip slots (scenarios in m4l-harness.js): Groove, Drumify
     * and Interpolate send the selected clip's notes in the layout docs/osc.md gives, bad input is refused on the status
     * line before anything is sent, a result lands in the next empty slot below the clip it came from (the two below
     * are full: the one after them), never over a clip, and spoofed replies are ignored. Skipped where Node is not
     * installed.
     */
    @Test
    void theToolsSendTheSelectedClipAndPutTheResultInTheNextEmptySlot() throws Exception {
        Map<String, JsonNode> scenarios = new LinkedHashMap<>();
        for (JsonNode j : harness("--tools")) scenarios.put(j.path("scenario").asText(), j);
        for (JsonNode s : scenarios.values()) assertEquals(0, s.path("deleted").size(), "a clip was deleted: " + s);

        // Groove: amount, genre, the set's tempo, the clip's length, seed, reply port, request, then its notes in beats
        // (the muted hat left out, velocity 90.4 rounded, the last note cut at the clip's end).
        JsonNode groove = scenarios.get("groove");
        assertEquals(1, groove.path("sent").size(), groove.toString());
        List<Object> sent = Http.JSON.convertValue(groove.path("sent").get(0), List.class);
        assertEquals(List.of("/loopsmith/groove", 0.25, "funk", 97.5, 8, 7, 8767), sent.subList(0, 7));
        assertTrue(((String) sent.get(7)).startsWith("m4l-"), sent.toString());
        assertEquals(List.of(36, 0, 0.25, 100, 38, 1, 0.25, 90, 42, 7.5, 0.5, 70), sent.subList(8, sent.size()));
        JsonNode slots = groove.path("slots").get(0);
        assertEquals(4, slots.get(0).path("notes").asInt(), "the selected clip is kept");
        assertFalse(slots.get(1).path("made").asBoolean(), "the full slot below is kept");
        assertEquals("Loopsmith Groove", slots.get(2).path("name").asText(), "the result is in the first empty slot below: " + slots);
        assertEquals(8, slots.get(2).path("beats").asInt());
        assertEquals("[[36,0.01,0.25,110],[42,7.49,0.5,72],[38,1.02,0.25,95]]", slots.get(2).path("notes").toString(),
                "only the notes of its own request, after a spoofed grooved, notes and queued");
        assertTrue(slots.get(3).isNull(), "one clip for one request, though its grooved came twice");
        assertEquals(List.of("groove: sent", "grooved: 3 notes inserted in slot 3 (seed 7)"), texts(groove.path("statuses")),
                "UDP packets addressed run, groove, generate, seta and text did nothing");
        assertEquals("", groove.path("clips").asText(), "a packet addressed seta set nothing");

        // Drumify through Live's older get_notes, from a loop starting at beat 4, on the second track; genre "" is any.
        JsonNode drumify = scenarios.get("drumify");
        sent = Http.JSON.convertValue(drumify.path("sent").get(0), List.class);
        assertEquals(List.of("/loopsmith/drumify", "", 120, 16, 0, 8767, 0), sent.subList(0, 7));
        assertEquals(List.of(40, 0, 1, 100, 43, 1.5, 0.5, 90), sent.subList(8, sent.size()), "the loop's notes, from its start");
        slots = drumify.path("slots").get(1);
        assertEquals("Loopsmith Drumify", slots.get(2).path("name").asText(), slots.toString());
        assertEquals("[[36,0,0.5,100],[38,4,0.5,100]]", slots.get(2).path("notes").toString(), "its Drums, not another job's");
        assertEquals(16, slots.get(2).path("beats").asInt());
        assertTrue(texts(drumify.path("statuses")).contains("drumifying… 50%"), drumify.toString());

        // Interpolate: refused until A and B are set and as long as each other; then steps, tempo, both lengths, seed,
        // reply port, request, A's count, A's notes, B's notes; the morph below the selected slot, past a full one.
        JsonNode interpolate = scenarios.get("interpolate");
        List<String> shown = texts(interpolate.path("statuses"));
        assertTrue(shown.get(0).startsWith("Interpolate: Set A and Set B first"), shown.toString());
        assertEquals("A: 2 bars, 2 notes (slot 1)", shown.get(1));
        assertTrue(shown.get(2).startsWith("Interpolate: Set B first"), shown.toString());
        assertTrue(shown.contains("A is 2 bars, B is 4 bars: interpolate needs clips of the same length"), shown.toString());
        assertTrue(shown.contains("Set B: no clip selected (slot 5 is empty): click a MIDI clip"), shown.toString());
        assertEquals("A: 2 bars, 2 notes   B: 2 bars, 3 notes", interpolate.path("clips").asText());
        assertEquals(1, interpolate.path("sent").size(), "nothing sent while refused: " + interpolate.path("sent"));
        sent = Http.JSON.convertValue(interpolate.path("sent").get(0), List.class);
        assertEquals(List.of("/loopsmith/interpolate", 5, 120, 8, 8, 11, 8767), sent.subList(0, 7));
        assertEquals(List.of(2, 36, 0, 0.5, 100, 38, 4, 0.5, 100, 36, 0, 0.5, 90, 42, 2, 0.5, 80, 38, 4, 0.5, 110), sent.subList(8, sent.size()));
        slots = interpolate.path("slots").get(0);
        assertFalse(slots.get(3).path("made").asBoolean(), slots.toString());
        assertEquals("Loopsmith Interpolate", slots.get(4).path("name").asText(), slots.toString());
        assertEquals(40, slots.get(4).path("beats").asInt(), "steps × beats, as the notes' beats say");
        assertEquals("[[36,0,0.5,100],[38,4,0.5,100],[38,36,0.5,110]]", slots.get(4).path("notes").toString(),
                "the job's notes, not those sent under the request id before it was queued");
        assertEquals("done: Interpolation inserted in slot 5 (3 notes) from result", shown.get(shown.size() - 1));

        JsonNode refused = scenarios.get("refused");
        assertEquals(0, refused.path("sent").size(), "bad input sends nothing: " + refused.path("sent"));
        assertEquals(List.of("Groove: the selected clip is empty (no notes)", "Drumify: the selected clip is empty (no notes)",
                "Groove: no clip selected (slot 2 is empty): click a MIDI clip", "Drumify: select a clip in Session View first",
                "Groove: the selected clip has 3001 notes: at most 3000 fit one message",
                "Drumify: the selected clip is an audio clip: choose a MIDI clip", "Set A: the selected clip is empty (no notes)"),
                texts(refused.path("statuses")));

        JsonNode full = scenarios.get("full");
        assertEquals(List.of("groove: sent", "grooved, but not inserted: no empty clip slot below slot 1 on this track (nothing "
                + "overwritten): empty one or add a scene"), texts(full.path("statuses")));
        full.path("slots").get(0).forEach(s -> assertFalse(s.path("made").asBoolean(), "a clip was made: " + full));
    }

    /**
     * The script's groove request through the real server and its replies back into the script: a two-bar beat from
     * the selected clip comes back grooved, every hit, in the empty slot below. Skipped where Node is not installed.
     */
    @Test
    void theScriptsGrooveGoesThroughTheServerIntoTheNextEmptySlot() throws Exception {
        List<String> command = List.of(node().toString(), HARNESS.toString(), M4L.resolve("loopsmith.js").toString(), "--serve");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (Server server = Server.start(ServerConfig.tiny(ServerApiTest.HOME, dir), Clock.systemDefaultZone(), "test");
             DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            JsonNode request = Http.JSON.readTree(out.readLine()).path("request");
            List<Object> args = new ArrayList<>();
            // As Max's udpsend sends a js number: an int when whole, else a float.
            for (int i = 1; i < request.size(); i++) {
                JsonNode a = request.get(i);
                args.add(a.isTextual() ? a.asText() : a.asDouble() == Math.rint(a.asDouble()) ? (Object) a.asInt() : (Object) (float) a.asDouble());
            }
            args.set(5, 0); // the reply port: this socket, not the device's udpreceive
            OscClient.send(s, server.oscPort(), request.get(0).asText(), args);
            try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (OSCMessage m = null; m == null || m.getAddress().equals("/loopsmith/notes"); ) {
                    m = OscClient.receive(s);
                    List<Object> line = new ArrayList<>(List.of(m.getAddress()));
                    line.addAll(m.getArguments());
                    in.write(Http.JSON.writeValueAsString(line) + "\n");
                    assertFalse(m.getAddress().equals("/loopsmith/error"), m.getArguments().toString());
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
            JsonNode report = Http.JSON.readTree(out.lines().collect(Collectors.joining("\n")));
            List<String> shown = texts(report.path("statuses"));
            assertEquals("grooved: 24 notes inserted in slot 3 (seed 7)", shown.get(shown.size() - 1), report.toString());
            JsonNode made = report.path("slots").get(0).get(2);
            assertEquals(8, made.path("beats").asInt());
            List<Integer> pitches = new ArrayList<>();
            made.path("notes").forEach(n -> pitches.add(n.get(0).asInt()));
            pitches.sort(null);
            List<Integer> sentPitches = new ArrayList<>();
            for (int i = 7; i < args.size(); i += 4) sentPitches.add((Integer) args.get(i));
            sentPitches.sort(null);
            assertEquals(sentPitches, pitches, "every hit comes back into Live");
        } finally {
            p.destroyForcibly();
        }
    }
}
