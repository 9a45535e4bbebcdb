package loopsmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import loopsmith.music.LoopsmithException;
import loopsmith.server.Server;
import loopsmith.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the local web page, HTTP API and OSC API (for Max for Live) until stopped (Ctrl-C).",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith serve                              http://127.0.0.1:8765/ and OSC on UDP 8766",
            "  ./loopsmith serve --port 9000 --osc-port 9001 --out ~/Music/Loopsmith",
            "  ./loopsmith serve --osc-port -1                HTTP only",
            "  ./loopsmith serve --host 0.0.0.0 --allow-host studio.local   the page for other machines, as http://studio.local:8765/",
            "  curl -X POST localhost:8765/api/generate -H \"X-Loopsmith-Token: $(cat out/.server-token)\" \\",
            "       -H 'Content-Type: application/json' -d '{\"text\":\"funk beat 100 bpm\",\"bars\":4}'"})
final class ServeCommand implements Callable<Integer> {
    private static final long MB = 1_000_000;

    @Option(names = "--port", defaultValue = "8765", description = "HTTP port (default: ${DEFAULT-VALUE}).") int port;
    @Option(names = "--osc-port", defaultValue = "8766", description = "UDP port for OSC; -1 turns OSC off (default: ${DEFAULT-VALUE}).")
    int oscPort;
    @Option(names = "--host", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).") String host;
    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "A name the page may be opened under besides 127.0.0.1, localhost and the --host address "
                    + "(with --host 0.0.0.0: this machine's addresses), e.g. studio.local. Requests naming any other host are "
                    + "refused (DNS rebinding). Repeatable.") List<String> allowHosts = new ArrayList<>();
    @Option(names = "--osc-allow", paramLabel = "ADDRESS", split = ",", description = "An address, besides this machine, that "
            + "OSC is taken from (with --host beyond loopback; other senders are refused and logged). Repeatable.")
    List<String> oscAllow = new ArrayList<>();
    @Option(names = "--out", description = "Folder for result folders (default: out/ in the installation).") Path out;
    @Option(names = "--workers", description = "Generations run at once (default: 1).") Integer workers;
    @Option(names = "--queue", description = "Generations that may wait; more get 429 (default: 8).") Integer queue;
    @Option(names = "--job-timeout", paramLabel = "SECONDS", description = "A generation still running after this long fails "
            + "with the reason (default: 600).") Integer jobTimeout;
    @Option(names = "--keep", paramLabel = "N", description = "Keep the N newest result folders in --out; after each job the oldest "
            + "beyond them are deleted (default: 0, keep all).") Integer keep;
    @Option(names = "--quota-mb", paramLabel = "MB", description = "Most the --out folder may hold; a request that would pass it "
            + "gets 507 (default: 20000; 0 = no quota).") Long quotaMb;
    @Option(names = "--min-free-mb", paramLabel = "MB", description = "Free disk space a request must leave after its estimated "
            + "writes, else 507 (default: 1000).") Long minFreeMb;
    @Option(names = "--max-part-bars", paramLabel = "N", description = "Most bars × parts × variations one request may ask for, "
            + "else 413 (default: 1024).") Long maxPartBars;
    @Option(names = "--max-audio-seconds", paramLabel = "S", description = "Most seconds of WAV one request may write (loop × "
            + "(parts + mix) × variations), else 413 (default: 960).") Double maxAudioSeconds;
    @Option(names = "--soundfont", paramLabel = "SF2", description = "A General MIDI SoundFont (.sf2) the stems are rendered "
            + "with (default: $LOOPSMITH_SOUNDFONT, else the first one found where this OS keeps them).") Path soundfont;
    @Option(names = "--threads", paramLabel = "N", description = "Cores generation may use, so Live beside it keeps the "
            + "others (default: 0, all of them).") int threads;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig defaults = ServerConfig.defaults(Home.path());
        ServerConfig config = defaults.withHost(host).withPorts(port, oscPort)
                .withOutDir(out == null ? defaults.outDir() : out)
                .withPool(workers == null ? defaults.workers() : workers, queue == null ? defaults.queueCapacity() : queue)
                .withAllowed(allowHosts, oscAllow)
                .withJobDeadline(jobTimeout == null ? defaults.jobDeadline() : Duration.ofSeconds(jobTimeout))
                .withStorage(new ServerConfig.Storage(quotaMb == null ? defaults.storage().quotaBytes() : quotaMb * MB,
                        minFreeMb == null ? defaults.storage().minFreeBytes() : minFreeMb * MB, keep == null ? defaults.storage().keepResults() : keep))
                .withBudget(new ServerConfig.Budget(maxPartBars == null ? defaults.budget().maxPartBars() : maxPartBars,
                        maxAudioSeconds == null ? defaults.budget().maxAudioSeconds() : maxAudioSeconds, defaults.budget().maxSeedTracks(),
                        defaults.budget().maxClipSeconds()))
                .withSoundfont(Optional.ofNullable(soundfont))
                .withThreads(threads);
        if (soundfont != null && !Files.isRegularFile(soundfont))
            throw new LoopsmithException(soundfont, "--soundfont: no such file");
        config.exposureWarning().ifPresent(System.err::println);
        Server server = Server.start(config, Clock.systemDefaultZone(), Version.current(), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "loopsmith-shutdown"));
        // The page is opened under a name it answers to; 0.0.0.0 is none (a browser would send it as the Host).
        String shown = config.wildcard() ? ServerConfig.LOOPBACK : host.contains(":") ? "[" + host + "]" : host;
        System.err.printf("loopsmith serve: http://%s:%d/  (API: /api, OpenAPI: /api/openapi.json)%n", shown, server.httpPort());
        if (server.oscPort() > 0) System.err.printf("loopsmith serve: OSC on udp://%s:%d (see docs/osc.md)%n", host, server.oscPort());
        System.err.println("loopsmith serve: results in " + config.outDir() + "; API token in " + config.outDir().resolve(Server.TOKEN_FILE)
                + " (X-Loopsmith-Token header); Ctrl-C to stop");
        stopped.await();
        return 0;
    }
}
