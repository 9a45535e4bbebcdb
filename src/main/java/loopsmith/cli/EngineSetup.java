package loopsmith.cli;

/**
 * DJL reads these once, when the engine starts: so they are set before any model code runs. Offline always (nothing is
 * ever downloaded); intra-op threads as asked, one inter-op thread, as the PyTorch peer is measured.
 */
final class EngineSetup {
    private EngineSetup() {}

    static void configure(int threads) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("java.awt.headless", "true");
    }
}
