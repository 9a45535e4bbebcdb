package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Max for Live device agrees with its source and with the server: the .amxd wraps exactly Loopsmith.maxpat as a
 * MIDI effect, the patch talks to the default OSC port and listens where its script tells the server to reply, and the
 * script handles every reply the server sends. (Its OSC messages themselves are exercised in OscRoundTripTest.)
 */
class M4lDeviceTest {
    private static final Path M4L = Path.of("m4l");

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
        for (String address : List.of("queued", "progress", "done", "error", "pong"))
            assertTrue(js.contains("\"" + OscApi.PREFIX + address + "\""), "the script does not handle " + address);
        assertTrue(js.contains("outlet(0, \"" + OscApi.PREFIX + "generate\", prompt, bars, seed, REPLY_PORT)"),
                "the script sends generate as docs/osc.md and OscRoundTripTest have it");
    }
}
