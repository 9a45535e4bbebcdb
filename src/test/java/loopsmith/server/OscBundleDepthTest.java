package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import loopsmith.UnitTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

@UnitTest
class OscBundleDepthTest {
    private static final byte[] MESSAGE = {'/', 'x', 0, 0, ',', 0, 0, 0};

    private static byte[] bundle(byte[]... elements) {
        int size = 16;
        for (byte[] e : elements) size += 4 + e.length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1);
        for (byte[] e : elements) b.putInt(e.length).put(e);
        return b.array();
    }

    private static byte[] nested(int depth) {
        byte[] p = MESSAGE;
        for (int i = 0; i < depth; i++) p = bundle(p);
        return p;
    }

    @Property
    void nestingIsCountedExactly(@ForAll @IntRange(min = 0, max = 500) int depth) {
        assertEquals(depth, OscBundleDepth.of(ByteBuffer.wrap(nested(depth))));
    }

    @Test
    void theDeepestBranchCountsNotTheFirst() {
        assertEquals(5, OscBundleDepth.of(ByteBuffer.wrap(bundle(nested(1), MESSAGE, nested(4)))));
    }

    /**
     * Any size at any level, the whole int range: a size near 2^31 once wrapped the end of its element to a negative
     * offset that passed the bounds check, and the read there killed the receiver thread.
     */
    @Property
    void truncatedOrLyingPacketsEndTheScanWithoutThrowing(@ForAll @IntRange(min = 0, max = 200) int cut, @ForAll int lie,
                                                         @ForAll @IntRange(min = 0, max = 5) int level) {
        byte[] p = nested(6);
        byte[] truncated = Arrays.copyOf(p, Math.max(0, p.length - cut));
        OscBundleDepth.of(ByteBuffer.wrap(truncated));
        ByteBuffer lying = ByteBuffer.wrap(p.clone());
        lying.putInt(sizeOffset(level), lie);
        OscBundleDepth.of(lying);
    }

    /** Where the size of the first element of the bundle {@code level} deep (0: the outermost) is. */
    private static int sizeOffset(int level) {
        return 16 + 20 * level;
    }

    @Test
    void anElementSizeThatWrapsPastTheEndOfTheIntRangeEndsTheScan() {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1).putInt(0x7FFFFFF0).put(MESSAGE);
        assertEquals(1, OscBundleDepth.of(b.flip()));
    }
}
