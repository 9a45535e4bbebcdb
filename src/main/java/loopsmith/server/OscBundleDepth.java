package loopsmith.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * How deep an OSC packet nests its bundles, read without recursion. JavaOSC parses nested bundles recursively, so a
 * 64 kB datagram of them can overflow the receiver's stack or not, depending on the thread's stack and the JIT; the
 * server refuses deep packets before parsing so the answer does not depend on either.
 */
final class OscBundleDepth {
    static final int MAX = 32;
    private static final byte[] TAG = "#bundle\0".getBytes(StandardCharsets.US_ASCII);
    /** The tag and the 8-byte time tag that open every bundle. */
    private static final int HEADER = 16;

    private OscBundleDepth() {}

    /** The deepest bundle nesting in {@code packet} (0 for a plain message); malformed sizes end the scan, the parser reports them. */
    static int of(ByteBuffer packet) {
        int end = packet.limit();
        if (!isBundle(packet, packet.position(), end)) return 0;
        // Each entry: {next element's offset, the bundle's end, its depth}.
        Deque<int[]> open = new ArrayDeque<>();
        open.push(new int[] {packet.position() + HEADER, end, 1});
        int deepest = 1;
        while (!open.isEmpty()) {
            int[] b = open.peek();
            if (b[0] + 4 > b[1]) {
                open.pop();
                continue;
            }
            int size = packet.getInt(b[0]);
            int start = b[0] + 4;
            // Compared as what is left, not as start + size: a size near 2^31 wraps that sum negative, past the check.
            if (size < 0 || size > b[1] - start) {
                open.pop();
                continue;
            }
            b[0] = start + size;
            if (isBundle(packet, start, start + size)) {
                open.push(new int[] {start + HEADER, start + size, b[2] + 1});
                deepest = Math.max(deepest, b[2] + 1);
            }
        }
        return deepest;
    }

    private static boolean isBundle(ByteBuffer packet, int from, int to) {
        if (to - from < HEADER) return false;
        byte[] head = new byte[TAG.length];
        packet.get(from, head);
        return Arrays.equals(head, TAG);
    }
}
