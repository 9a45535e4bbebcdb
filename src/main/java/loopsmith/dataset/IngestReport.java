package loopsmith.dataset;

import java.util.List;
import java.util.Map;

/** Everything ingest has to say about a run; written as report.json and, for people, report.md. */
public record IngestReport(String library, String dataset, Files files, Map<String, Split> splits, Segments segments,
                           Histograms histograms, int filesWithSwing, List<Skip> skipped, List<Skip> ignored,
                           List<FileWarnings> warnings,
                           List<AudioEntry> audio, double seconds, double filesPerSecond) {

    /** @param ignored files that are neither music nor label sidecars; {@code fromCache} re-used unchanged results */
    public record Files(int midi, int audio, int sidecars, int ignored, int ingested, int skipped, int repaired,
                        int fromCache, int processed) { }

    public record Split(int files, int segments, long tokens, List<String> shards) { }

    public record Segments(int kept, int duplicatesDropped, int windowsNearlyEmpty, int windowsAcrossMeterChange,
                           int windowsUnsupported) { }

    /** Counts per ingested file (roles: files with that part; tempo: 10-BPM bins, labelled by their lower edge). */
    public record Histograms(Map<String, Integer> genre, Map<String, Integer> tempo, Map<String, Integer> key,
                             Map<String, Integer> role, Map<String, Integer> timeSignature,
                             Map<String, Integer> keySource, Map<String, Integer> bpmSource) { }

    public record Skip(String file, String reason) { }

    public record FileWarnings(String file, List<String> warnings) { }

    /** An audio file catalogued for the audio features: its header facts and what its name says. */
    public record AudioEntry(String file, Double seconds, Integer sampleRateHz, Integer channels, Integer bitsPerSample,
                             Double bpm, String key, String genre, String error) { }
}
