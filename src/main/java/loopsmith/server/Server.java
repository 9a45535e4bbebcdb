package loopsmith.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import loopsmith.music.LoopsmithException;
import loopsmith.service.DrumifyService;
import loopsmith.service.InterpolateService;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;

/**
 * {@code loopsmith serve}: the web page and HTTP API (Javalin) and the OSC API (UDP), sharing one bounded job pool
 * over the one {@link GenerateService}.
 */
public final class Server implements AutoCloseable {
    /** In the output folder while the server runs: its token, for scripts and curl (readable by the owner only). */
    public static final String TOKEN_FILE = ".server-token";

    private final ServerConfig config;
    private final Jobs jobs;
    private final OutputFolder output;
    private final Javalin http;
    private final OscApi osc;
    private final RequestGuard guard;

    private Server(ServerConfig config, Jobs jobs, OutputFolder output, Javalin http, OscApi osc, RequestGuard guard) {
        this.config = config;
        this.jobs = jobs;
        this.output = output;
        this.http = http;
        this.osc = osc;
        this.guard = guard;
    }

    /** The longest start waits for the warm-up; a slow disk or machine then warms up behind the open listeners. */
    private static final java.time.Duration WARM_UP_WAIT = java.time.Duration.ofSeconds(30);

    /** Starts both listeners without warming the model up (tests, embedding); see {@link #start(ServerConfig, Clock, String, boolean)}. */
    public static Server start(ServerConfig config, Clock clock, String version) {
        return start(config, clock, version, false);
    }

    /**
     * Starts both listeners; the ports are taken when this returns (0 in the config means any free port). With
     * {@code warmUp} the default model is loaded and run once before this returns, for a fast first request.
     */
    public static Server start(ServerConfig config, Clock clock, String version, boolean warmUp) {
        return start(config, clock, version, warmUp, OutputFolder.FreeSpace.DISK);
    }

    /** As {@link #start(ServerConfig, Clock, String, boolean)}, with the free space read from {@code freeSpace} (tests fill a disk). */
    static Server start(ServerConfig config, Clock clock, String version, boolean warmUp, OutputFolder.FreeSpace freeSpace) {
        GenerateService service = new GenerateService(config.home(), clock, version, config.budget().maxClipSeconds(), config.threads());
        try {
            Files.createDirectories(config.outDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.outDir(), e);
        }
        OutputFolder output = new OutputFolder(config.outDir(), config.storage(), freeSpace);
        List<String> leftovers = output.cleanLeftovers();
        if (!leftovers.isEmpty())
            System.err.println("loopsmith serve: removed " + leftovers.size() + " leftovers of an earlier run (uploads, half-written results)");
        Jobs jobs = new Jobs(config.workers(), config.queueCapacity(), config.keptJobs(), (GenerateOptions o, java.util.function.Consumer<Path> midiReady) -> {
                    service.stopWarmUp();
                    return run(service, output, o.withExport(o.export().withSoundfont(config.soundfont())), midiReady);
                }, clock,
                config.jobDeadline());
        Admission admission = new Admission(config.budget(), service,
                new DrumifyService(config.home(), clock, version, config.budget().maxClipSeconds()),
                new InterpolateService(config.home(), clock, version), jobs, output);
        String token = RequestGuard.newToken();
        java.util.concurrent.atomic.AtomicInteger boundPort = new java.util.concurrent.atomic.AtomicInteger(config.httpPort());
        RequestGuard guard = new RequestGuard(config, token, boundPort::get);
        HttpApi api = new HttpApi(config, admission, jobs, new ResultFiles(config.outDir()), guard, version);
        OscApi osc = null;
        Javalin http = null;
        try {
            if (config.oscPort() >= 0) osc = new OscApi(config, admission, jobs, version);
            http = Javalin.create(api::configure);
            http.start(config.host(), config.httpPort());
            boundPort.set(http.port());
            writeToken(config.outDir().resolve(TOKEN_FILE), token);
            if (osc != null) osc.start();
            if (warmUp) warmUp(service);
            return new Server(config, jobs, output, http, osc, guard);
        } catch (SocketException | RuntimeException e) {
            if (http != null) http.stop();
            if (osc != null) osc.close();
            jobs.close();
            throw new LoopsmithException(null, "cannot start the server on " + config.host() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model loaded and the generator compiled before {@link #start} returns (so before serve says it is up), so
     * the first request from Live is as fast as the later ones. The listeners are already open: a request arriving
     * meanwhile takes the loaded model and stops the rest of the warm-up rather than sharing the cores with it.
     */
    private static void warmUp(GenerateService service) {
        Thread t = startWarmUp(service);
        try {
            t.join(WARM_UP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread startWarmUp(GenerateService service) {
        Thread t = new Thread(() -> {
            try {
                System.err.printf(java.util.Locale.ROOT, "loopsmith serve: model loaded and warmed up in %.1f s%n", service.warmUp());
            } catch (RuntimeException e) {
                System.err.println("loopsmith serve: warm-up skipped: " + e.getMessage());
            }
        }, "loopsmith-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One job in a worker: room on disk checked again (it may have filled while the job waited), then retention. */
    private static GenerateService.Outcome run(GenerateService service, OutputFolder output, GenerateOptions o,
                                               java.util.function.Consumer<Path> midiReady) {
        output.requireFree(service.estimate(o).bytes(o.export()));
        GenerateService.Outcome outcome = service.generate(o, midiReady);
        output.afterJob();
        return outcome;
    }

    /** Owner-only where the file system has POSIX permissions: another user on this machine must not read it. */
    private static void writeToken(Path file, String token) {
        try {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** What the page and API clients must send in {@code X-Loopsmith-Token}; new on every start. */
    public String token() {
        return guard.token();
    }

    public int httpPort() {
        return http.port();
    }

    /** The OSC port, or -1 when OSC is off. */
    public int oscPort() {
        return osc == null ? -1 : osc.port();
    }

    public ServerConfig config() {
        return config;
    }

    Jobs jobs() {
        return jobs;
    }

    /** Requests the {@link RequestGuard} refused since start. */
    long refusedRequests() {
        return guard.refused();
    }

    @Override
    public void close() {
        http.stop();
        if (osc != null) osc.close();
        jobs.close();
        output.cleanLeftovers(); // uploads of jobs that never ran, a result the shutdown cut short
        try {
            Files.deleteIfExists(config.outDir().resolve(TOKEN_FILE));
        } catch (IOException e) {
            // The next start overwrites it with a new token; the old one is worthless once this server is gone.
            System.err.println("warning: cannot remove " + config.outDir().resolve(TOKEN_FILE) + ": " + e.getMessage());
        }
    }
}
