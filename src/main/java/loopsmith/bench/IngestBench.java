package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loopsmith.dataset.Ingest;
import loopsmith.dataset.IngestConfig;
import loopsmith.dataset.IngestReport;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;

/**
 * {@code bench ingest}: whole-ingest files/s (read, label, clean, segment, tokenize, write shards and report; no
 * cache) over a folder, with mido's parse-only files/s on the same folder from the same run as the yardstick. There
 * is no peer that ingests; the ratio says how many times faster than mido can merely parse we do all of it.
 */
public final class IngestBench {
    private IngestBench() {}

    public static Map<String, Object> run(Path dir, int passes, int threads, Path peerScript) {
        double[] filesPerS = new double[passes];
        IngestReport last = null;
        for (int i = 0; i < passes; i++) {
            Path out = tempDir();
            try {
                IngestConfig defaults = IngestConfig.defaults();
                IngestConfig config = new IngestConfig(defaults.windowBars(), defaults.hopBars(), defaults.minNotes(),
                        defaults.validationFraction(), defaults.seed(), threads, defaults.clean(), defaults.tokenizer());
                long t0 = System.nanoTime();
                last = Ingest.run(dir, out, config, Ingest.Progress.NONE);
                filesPerS[i] = last.files().midi() / ((System.nanoTime() - t0) / 1e9);
            } finally {
                Folders.deleteTree(out);
            }
        }
        double[] sorted = filesPerS.clone();
        Arrays.sort(sorted);
        double median = sorted[passes / 2];
        JsonNode peer = Peer.run(peerScript, List.of(dir.toString()), 1800);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "ingest");
        out.put("dir", dir.toString());
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("files", last.files().midi());
        ours.put("ingested", last.files().ingested());
        ours.put("segments", last.segments().kept());
        ours.put("tokens", last.splits().values().stream().mapToLong(IngestReport.Split::tokens).sum());
        ours.put("threads", threads);
        ours.put("passes", passes);
        ours.put("files_per_s_each", Arrays.stream(filesPerS).map(v -> Math.round(v * 10) / 10.0).toArray());
        ours.put("files_per_s", Math.round(median * 10) / 10.0);
        out.put("ours", ours);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("peer", "mido (parse only)");
        p.put("version", peer.path("version").asText());
        p.put("files_per_s", peer.path("files_per_s").asDouble());
        out.put("peer", p);
        out.put("ratio", Math.round(median / peer.path("files_per_s").asDouble() * 100) / 100.0);
        return out;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("loopsmith-bench-ingest");
        } catch (IOException e) {
            throw new LoopsmithException(null, "cannot create a temp folder: " + e.getMessage(), e);
        }
    }
}
