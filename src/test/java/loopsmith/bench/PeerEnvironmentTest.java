package loopsmith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/** Peers are measured in the user's environment, without the allocator and MKL settings the launcher adds for us. */
@UnitTest
class PeerEnvironmentTest {

    @Test
    void launcherAdditionsAreTakenBackAndTheUsersPreloadRestored() {
        Map<String, String> env = new HashMap<>(Map.of(
                "LD_PRELOAD", "/repo/target/native/libloopsmith-mkl-vendor-shim.so:/usr/lib/x86_64-linux-gnu/libjemalloc.so.2:/opt/mine.so",
                "LOOPSMITH_ORIGINAL_LD_PRELOAD", "/opt/mine.so",
                "LOOPSMITH_LAUNCHER_ENV", "MALLOC_CONF MKL_CBWR",
                "MALLOC_CONF", "dirty_decay_ms:-1",
                "MKL_CBWR", "AUTO,STRICT",
                "OMP_NUM_THREADS", "2"));
        Peer.asTheUserHadIt(env);
        assertEquals(Map.of("LD_PRELOAD", "/opt/mine.so", "OMP_NUM_THREADS", "2"), env);
    }

    @Test
    void withoutAPreloadOfTheirOwnPeersGetNone() {
        Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
                "LOOPSMITH_ORIGINAL_LD_PRELOAD", "", "LOOPSMITH_LAUNCHER_ENV", "MALLOC_CONF", "MALLOC_CONF", "x"));
        Peer.asTheUserHadIt(env);
        assertFalse(env.containsKey("LD_PRELOAD"));
        assertFalse(env.containsKey("MALLOC_CONF"));
    }

    @Test
    void outsideTheLauncherNothingChanges() {
        Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", "/opt/mine.so", "MKL_CBWR", "COMPATIBLE"));
        Peer.asTheUserHadIt(env);
        assertEquals(Map.of("LD_PRELOAD", "/opt/mine.so", "MKL_CBWR", "COMPATIBLE"), env);
    }
}
