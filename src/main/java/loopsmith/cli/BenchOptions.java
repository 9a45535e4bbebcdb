package loopsmith.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every benchmark takes: JSON output and the reference program to run beside ours. */
final class BenchOptions {
    @Option(names = "--json", description = "Print one JSON object (the default output is the same JSON).")
    boolean json;

    @Option(names = "--peer", paramLabel = "SCRIPT", description = "The reference program (default: the one in ../shared/peers/).")
    Path peer;

    /** The given peer, or the named script in ../shared/peers/. */
    Path peerOr(String defaultScript) {
        return peer != null ? peer : Home.peers().resolve(defaultScript);
    }
}
