package loopsmith.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code loopsmith serve} runs. Defaults in {@link #defaults(Path)}; {@link #tiny(Path, Path)} for tests.
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
 * @param allowedHosts    names, besides loopback and the address bound, that the HTTP {@code Host} header may carry
 *                        (anything else is refused: a DNS-rebinding page sends its own name)
 * @param oscSenders      addresses, besides loopback, that OSC packets are accepted from
 * @param budget          what one request may ask for
 * @param storage         what the output folder may hold
 * @param jobDeadline     a job still running after this long fails with the reason
 * @param soundfont       the SoundFont WAV stems are rendered with; empty: the one found on this machine (audio/SoundFonts)
 * @param threads         cores generation may use, 0 = all: fewer leave Live (or another DAW) room on a small machine
 */
public record ServerConfig(String host, int httpPort, int oscPort, Path home, Path outDir, int workers, int queueCapacity,
                           int maxPromptChars, long maxUploadBytes, int keptJobs, List<String> allowedHosts,
                           List<String> oscSenders, Budget budget, Storage storage, Duration jobDeadline,
                           Optional<Path> soundfont, int threads) {
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * What one request may ask for. Every field of a request is bounded on its own; these bound their product, which
     * is what costs time, memory and disk (32 bars at 20 BPM, six parts, 8 variations with audio is gigabytes of WAV).
     *
     * @param maxPartBars     bars × parts × variations: the tokens the model writes grow with it
     * @param maxAudioSeconds seconds of WAV written: the loop's seconds × (parts + the mix) × variations; at the
     *                        default 44.1 kHz 24-bit stereo a second is 265 kB on disk (and 353 kB of floats in memory)
     * @param maxSeedTracks   tracks in an uploaded seed MIDI (each one is planned bar by bar)
     * @param maxClipSeconds  length of an uploaded audio clip, as its header gives it
     */
    public record Budget(long maxPartBars, double maxAudioSeconds, int maxSeedTracks, double maxClipSeconds) {
        public Budget {
            if (maxPartBars < 1 || !(maxAudioSeconds >= 0) || maxSeedTracks < 1 || !(maxClipSeconds > 0))
                throw new IllegalArgumentException("budget limits must be positive");
        }

        /** 32 bars × 4 parts × 8 variations; 32 bars at 120 BPM (64 s) × 5 stems × 3 variations; two minutes of clip. */
        public static Budget defaults() {
            return new Budget(1024, 960, 16, 120);
        }
    }

    /**
     * What the output folder may hold; checked before a job is accepted and again before it writes.
     *
     * @param quotaBytes   most bytes the output folder may hold (0 = no quota)
     * @param minFreeBytes free space left on the output folder's disk after a job's estimated writes
     * @param keepResults  result folders kept; after each job the oldest beyond this are deleted (0 = keep all)
     */
    public record Storage(long quotaBytes, long minFreeBytes, int keepResults) {
        public Storage {
            if (quotaBytes < 0 || minFreeBytes < 0 || keepResults < 0) throw new IllegalArgumentException("storage limits must be 0 or more");
        }

        /** No retention by default: results are the producer's ideas, and deleting them is theirs to ask for. */
        public static Storage defaults() {
            return new Storage(20_000_000_000L, 1_000_000_000L, 0);
        }
    }

    public ServerConfig {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (queueCapacity < 0) throw new IllegalArgumentException("queue capacity must be 0 or more");
        if (maxPromptChars < 1 || maxUploadBytes < 1) throw new IllegalArgumentException("limits must be positive");
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more");
        if (jobDeadline.isNegative() || jobDeadline.isZero()) throw new IllegalArgumentException("the job deadline must be positive");
        home = home.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        oscSenders = List.copyOf(oscSenders);
        soundfont = soundfont == null ? Optional.empty() : soundfont;
    }

    /** One job at a time: generation already uses both cores of a small machine; 8 more may wait, each for 10 minutes at most. */
    public static ServerConfig defaults(Path home) {
        return new ServerConfig(LOOPBACK, 8765, 8766, home, home.resolve("out"), 1, 8, 500, 5L << 20, 1000, List.of(), List.of(),
                Budget.defaults(), Storage.defaults(), Duration.ofMinutes(10), Optional.empty(), 0);
    }

    public static ServerConfig tiny(Path home, Path outDir) {
        return new ServerConfig(LOOPBACK, 0, 0, home, outDir, 1, 2, 500, 64 * 1024, 100, List.of(), List.of(),
                Budget.defaults(), new Storage(0, 0, 0), Duration.ofMinutes(2), Optional.empty(), 0);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, soundfont, threads);
    }

    public ServerConfig withPorts(int http, int osc) {
        return new ServerConfig(host, http, osc, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, soundfont, threads);
    }

    public ServerConfig withOutDir(Path out) {
        return new ServerConfig(host, httpPort, oscPort, home, out, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, soundfont, threads);
    }

    public ServerConfig withPool(int w, int q) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, w, q, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, soundfont, threads);
    }

    /** Names the {@code Host} header may carry and addresses OSC may come from, besides loopback. */
    public ServerConfig withAllowed(List<String> hosts, List<String> senders) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                hosts, senders, budget, storage, jobDeadline, soundfont, threads);
    }

    public ServerConfig withBudget(Budget b) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, b, storage, jobDeadline, soundfont, threads);
    }

    public ServerConfig withStorage(Storage s) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, s, jobDeadline, soundfont, threads);
    }

    public ServerConfig withJobDeadline(Duration d) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, d, soundfont, threads);
    }

    /** The SoundFont stems are rendered with, instead of the one found on this machine. */
    public ServerConfig withSoundfont(Optional<Path> sf2) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, sf2, threads);
    }

    /** Generating on at most {@code n} cores (0 = all), for a DAW on the same machine. */
    public ServerConfig withThreads(int n) {
        return new ServerConfig(host, httpPort, oscPort, home, outDir, workers, queueCapacity, maxPromptChars, maxUploadBytes, keptJobs,
                allowedHosts, oscSenders, budget, storage, jobDeadline, soundfont, n);
    }

    public boolean loopbackOnly() {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1");
    }

    /**
     * What {@code serve} warns beyond loopback: the Host, Origin and token checks still hold, but the page hands its
     * token to whoever opens it, so anyone who reaches the port can use the API. Empty on loopback.
     */
    public Optional<String> exposureWarning() {
        if (loopbackOnly()) return Optional.empty();
        return Optional.of("warning: listening on " + host + ": anyone who can reach this machine can open the page (under "
                + (wildcard() ? "this machine's addresses" : host) + (allowedHosts.isEmpty() ? "" : " or " + String.join(", ", allowedHosts))
                + ") and generate and download results; there is no login. Use only on a network you trust.");
    }

    /** Bound to every interface ({@code 0.0.0.0} or {@code ::}): the names it answers to are the machine's addresses. */
    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
