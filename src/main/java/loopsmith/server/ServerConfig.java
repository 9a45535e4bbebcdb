package loopsmith.server;

import java.nio.file.Path;

/**
 * How {@code loopsmith serve} runs. Defaults in {@link #defaults(Path)}; {@link #tiny(Path)} for tests.
 *
 * @param host            address to bind; loopback by default so nothing outside this machine can reach it
 * @param httpPort        HTTP port (0 = any free port, for tests)
 * @param oscPort         UDP port for OSC (0 = any free port; negative = no OSC)
 * @param home            the installation (for the bundled model)
 * @param outDir          where result folders are written and served from
 * @param workers         generation jobs run at once
 * @param queueCapacity   jobs waiting beyond those running; more are refused with 429
 * @param maxPromptChars  longest prompt text accepted
 * @param maxUploadBytes  largest seed file accepted
 * @param keptJobs        finished jobs remembered for {@code GET /api/jobs/{id}} (oldest forgotten first)
 */
public record ServerConfig(String host, int httpPort, int oscPort, Path home, Path outDir, int workers, int queueCapacity,
                           int maxPromptChars, long maxUploadBytes, int keptJobs) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServerConfig {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (queueCapacity < 0) throw new IllegalArgumentException("queue capacity must be 0 or more");
        if (maxPromptChars < 1 || maxUploadBytes < 1) throw new IllegalArgumentException("limits must be positive");
        home = home.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
    }

    /** One job at a time: generation already uses both cores of a small machine; 8 more may wait. */
    public static ServerConfig defaults(Path home) {
        return new ServerConfig(LOOPBACK, 8765, 8766, home, home.resolve("out"), 1, 8, 500, 5L << 20, 1000);
    }

    public static ServerConfig tiny(Path home, Path outDir) {
        return new ServerConfig(LOOPBACK, 0, 0, home, outDir, 1, 2, 500, 64 * 1024, 100);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs);
    }

    public ServerConfig withPorts(int http, int osc) {
        return new ServerConfig(host, http, osc, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs);
    }

    public ServerConfig withOutDir(Path out) {
        return new ServerConfig(host, httpPort, oscPort, home, out, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs);
    }

    public ServerConfig withPool(int w, int q) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, w, q, maxPromptChars, maxUploadBytes, keptJobs);
    }

    public boolean loopbackOnly() {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1");
    }
}
