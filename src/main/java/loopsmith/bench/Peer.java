package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loopsmith.music.LoopsmithException;

/**
 * Runs a reference program from {@code ../shared/peers/} in the same command as our measurement and reads the JSON it
 * prints. The Python peers are run directly: their shebang names Debian's interpreter, which sees the Debian packages.
 */
public final class Peer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Peer() {}

    /** Runs the peer and returns the last JSON object it printed on stdout. */
    public static JsonNode run(Path script, List<String> args, long timeoutSeconds) {
        return runWithEnv(script, args, java.util.Map.of(), timeoutSeconds);
    }

    /** {@link #run} with extra environment variables for the peer. */
    public static JsonNode runWithEnv(Path script, List<String> args, java.util.Map<String, String> env, long timeoutSeconds) {
        List<JsonNode> lines = runLines(script, args, env, timeoutSeconds);
        return lines.get(lines.size() - 1);
    }

    /** Every JSON line the peer printed on stdout, in order (per-file rows, then a summary, for some peers). */
    public static List<JsonNode> runLines(Path script, List<String> args, java.util.Map<String, String> env, long timeoutSeconds) {
        if (!Files.isExecutable(script))
            throw new LoopsmithException(script, "peer not found or not executable (run ../shared/peers/install.sh)");
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        try {
            Path log = Files.createTempFile("loopsmith-peer", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
            asTheUserHadIt(pb.environment());
            pb.environment().putAll(env);   // what this peer is asked to run with wins
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LoopsmithException(script, "peer timed out after " + timeoutSeconds + " s");
            }
            String stdout = new String(out, StandardCharsets.UTF_8).strip();
            String stderr = Files.readString(log).strip();
            Files.deleteIfExists(log);
            if (p.exitValue() != 0 && stdout.isEmpty())
                throw new LoopsmithException(script, "peer failed (exit " + p.exitValue() + "): " + lastLine(stderr));
            List<JsonNode> json = new ArrayList<>();
            for (String line : stdout.split("\n")) if (line.strip().startsWith("{")) json.add(JSON.readTree(line));
            if (json.isEmpty()) throw new LoopsmithException(script, "peer printed no JSON: " + lastLine(stderr));
            return json;
        } catch (IOException e) {
            throw new LoopsmithException(script, "cannot run peer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopsmithException(script, "interrupted", e);
        }
    }

    /**
     * A peer runs in the environment the user started us in: the allocator, MKL shim and malloc settings the launcher
     * adds for our process (it lists them) are ours to be measured with, not the peer's.
     */
    static void asTheUserHadIt(java.util.Map<String, String> env) {
        String added = env.remove("LOOPSMITH_LAUNCHER_ENV");
        if (added != null) for (String name : added.trim().split("\\s+")) if (!name.isEmpty()) env.remove(name);
        String preload = env.remove("LOOPSMITH_ORIGINAL_LD_PRELOAD");
        if (preload == null) return;
        if (preload.isEmpty()) env.remove("LD_PRELOAD");
        else env.put("LD_PRELOAD", preload);
    }

    private static String lastLine(String s) {
        String[] lines = s.split("\n");
        return lines[lines.length - 1];
    }
}
