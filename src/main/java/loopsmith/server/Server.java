package loopsmith.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Clock;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GenerateService;

/**
 * {@code loopsmith serve}: the web page and HTTP API (Javalin) and the OSC API (UDP), sharing one bounded job pool
 * over the one {@link GenerateService}.
 */
public final class Server implements AutoCloseable {
    private final ServerConfig config;
    private final Jobs jobs;
    private final Javalin http;
    private final OscApi osc;

    private Server(ServerConfig config, Jobs jobs, Javalin http, OscApi osc) {
        this.config = config;
        this.jobs = jobs;
        this.http = http;
        this.osc = osc;
    }

    /** Starts both listeners; the ports are taken when this returns (0 in the config means any free port). */
    public static Server start(ServerConfig config, Clock clock, String version) {
        GenerateService service = new GenerateService(config.home(), clock, version);
        Jobs jobs = new Jobs(config.workers(), config.queueCapacity(), config.keptJobs(), service::generate, clock);
        try {
            Files.createDirectories(config.outDir());
        } catch (IOException e) {
            jobs.close();
            throw new UncheckedIOException("cannot create " + config.outDir(), e);
        }
        HttpApi api = new HttpApi(config, jobs, new ResultFiles(config.outDir()), version);
        OscApi osc = null;
        Javalin http = null;
        try {
            if (config.oscPort() >= 0) osc = new OscApi(config, jobs, version);
            http = Javalin.create(api::configure).start(config.host(), config.httpPort());
            if (osc != null) osc.start();
            return new Server(config, jobs, http, osc);
        } catch (SocketException | RuntimeException e) {
            if (http != null) http.stop();
            if (osc != null) osc.close();
            jobs.close();
            throw new LoopsmithException(null, "cannot start the server on " + config.host() + ": " + e.getMessage(), e);
        }
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

    @Override
    public void close() {
        http.stop();
        if (osc != null) osc.close();
        jobs.close();
    }
}
