package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Max for Live device agrees with its source and with the server: the .amxd wraps exactly Loopsmith.maxpat as a
 * MIDI effect, the patch talks to the default OSC port and listens where its script tells the server to reply, and the
 * script handles every reply the server sends. (Its OSC messages themselves are exercised in OscRoundTripTest.)
 */
class M4lDeviceTest {
    private static final Path M4L = Path.of("m4l");

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
        List<String> objects = new ArrayList<>();
        patch.path("patcher").path("boxes").forEach(b -> objects.add(b.path("box").path("text").asText()));
        int oscPort = ServerConfig.defaults(Path.of(".")).oscPort();
        assertTrue(objects.contains("udpsend 127.0.0.1 " + oscPort), objects.toString());
        assertTrue(objects.contains("js loopsmith.js"), objects.toString());

        String js = Files.readString(M4L.resolve("loopsmith.js"));
        Matcher reply = Pattern.compile("var REPLY_PORT = (\\d+);").matcher(js);
        assertTrue(reply.find());
        assertTrue(objects.contains("udpreceive " + reply.group(1)), "the script's reply port is the patch's udpreceive");
        for (String address : List.of("queued", "progress", "notes", "done", "error", "pong"))
            assertTrue(js.contains("\"" + OscApi.PREFIX + address + "\""), "the script does not handle " + address);
        assertTrue(js.contains("outlet(0, \"" + OscApi.PREFIX + "generate\", prompt, bars, seed, REPLY_PORT, 0, pending)"),
                "the script sends generate as docs/osc.md and OscRoundTripTest have it (no audio, a request id)");
        assertTrue(js.contains("outlet(0, \"" + OscApi.PREFIX + "ping\", REPLY_PORT, key)"), "the script's ping carries its key");
    }

    /** A Standard MIDI File header (format 1, {@code tracks} tracks, 480 ppq) followed by {@code rest}. */
    private static byte[] smf(int tracks, int... rest) {
        byte[] head = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, (byte) (tracks >> 8), (byte) tracks, 0x01, (byte) 0xE0};
        byte[] out = Arrays.copyOf(head, head.length + rest.length);
        for (int i = 0; i < rest.length; i++) out[head.length + i] = (byte) rest[i];
        return out;
    }

    /**
     * The script under Node with stand-ins for Max (src/test/resources/loopsmith/m4l-harness.js): damaged MIDI files
     * end in an error, never in a loop (Max runs the script on Live's thread: a loop freezes Live), and replies count
     * only when they answer this device's own ping and request. Skipped where Node is not installed.
     */
    @Test
    void theScriptsReaderIsBoundedAndItTakesOnlyItsOwnReplies() throws Exception {
        Path node = Stream.of("/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(node != null, "no node: the script's reader and reply checks are not run");
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
        List<String> command = new ArrayList<>(List.of(node.toString(), Path.of("src/test/resources/loopsmith/m4l-harness.js").toString(),
                M4L.resolve("loopsmith.js").toString(), results.toString()));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".mid");
            Files.write(f, e.getValue());
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long t0 = System.nanoTime();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "the script did not finish in 30 s: a reader loop?");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        System.out.printf("m4l script: %d files read and replies checked in %.2f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, JsonNode> read = new LinkedHashMap<>();
        JsonNode replies = null;
        JsonNode inserted = null;
        for (String line : output.strip().split("\n")) {
            JsonNode j = Http.JSON.readTree(line);
            if (j.has("file")) read.put(Path.of(j.path("file").asText()).getFileName().toString().replace(".mid", ""), j);
            if (j.has("replies")) replies = j.path("replies");
            if (j.has("inserted")) inserted = j;
        }
        assertEquals(4, read.get("one-bar").path("notes").asInt(), output);
        assertEquals(4, read.get("one-bar").path("beats").asInt(), output);
        assertEquals(6, read.get("three-tracks").path("notes").asInt(), output);
        for (String bad : files.keySet().stream().skip(2).toList())
            assertTrue(read.get(bad).has("error"), bad + " was read: " + read.get(bad));
        List<String> shown = new ArrayList<>();
        replies.forEach(r -> shown.add(r.asText()));
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
}
