package loopsmith.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import loopsmith.server.Server;
import loopsmith.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the local web page, HTTP API and OSC API (for Max for Live) until stopped (Ctrl-C).",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith serve                              http://127.0.0.1:8765/ and OSC on UDP 8766",
            "  ./loopsmith serve --port 9000 --osc-port 9001 --out ~/Music/Loopsmith",
            "  ./loopsmith serve --osc-port -1                HTTP only",
            "  curl -X POST localhost:8765/api/generate -d '{\"text\":\"funk beat 100 bpm\",\"bars\":4}'"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8765", description = "HTTP port (default: ${DEFAULT-VALUE}).") int port;
    @Option(names = "--osc-port", defaultValue = "8766", description = "UDP port for OSC; -1 turns OSC off (default: ${DEFAULT-VALUE}).")
    int oscPort;
    @Option(names = "--host", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).") String host;
    @Option(names = "--out", description = "Folder for result folders (default: out/ in the installation).") Path out;
    @Option(names = "--workers", description = "Generations run at once (default: 1).") Integer workers;
    @Option(names = "--queue", description = "Generations that may wait; more get 429 (default: 8).") Integer queue;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig defaults = ServerConfig.defaults(Path.of(System.getProperty("loopsmith.home", ".")));
        ServerConfig config = defaults.withHost(host).withPorts(port, oscPort)
                .withOutDir(out == null ? defaults.outDir() : out)
                .withPool(workers == null ? defaults.workers() : workers, queue == null ? defaults.queueCapacity() : queue);
        if (!config.loopbackOnly())
            System.err.println("warning: listening on " + host + ": anyone who can reach this machine can generate and download "
                    + "results; there is no login. Use only on a network you trust.");
        Server server = Server.start(config, Clock.systemDefaultZone(), Version.current());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "loopsmith-shutdown"));
        System.err.printf("loopsmith serve: http://%s:%d/  (API: /api, OpenAPI: /api/openapi.json)%n", host, server.httpPort());
        if (server.oscPort() > 0) System.err.printf("loopsmith serve: OSC on udp://%s:%d (see docs/osc.md)%n", host, server.oscPort());
        System.err.println("loopsmith serve: results in " + config.outDir() + "; Ctrl-C to stop");
        stopped.await();
        return 0;
    }
}
