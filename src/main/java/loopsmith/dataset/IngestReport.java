package loopsmith.dataset;

import java.util.List;
import java.util.Map;

/** Everything ingest has to say about a run; written as report.json and, for people, report.md. */
public record IngestReport(String library, String dataset, Files files, Map<String, Split> splits, Segments segments,
                           Histograms histograms, int filesWithSwing, List<Skip> skipped, List<Skip> ignored,
                           List<FileWarnings> warnings,
                           List<AudioEntry> audio, Audio audioCounts, double seconds, double filesPerSecond) {

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

    /**
     * An audio file of the library. Tempo, key and bars come from its labels (name, folder, sidecars) when it has them
     * and from the analysis otherwise; {@code *Source} says which ({@code label}, {@code analysis} or {@code none}).
     *
     * @param kind          what the analysis heard: {@code drums}, {@code pitched} or {@code mixed}; null when not analysed
     * @param bpmConfidence 1 for a label, the tempo detector's confidence for the analysis
     * @param keyConfidence 1 for a label, the key detector's confidence; no key is detected for drum-only loops
     * @param segments      windows its drum transcription gave the dataset; null when it was not transcribed
     * @param note          why it was not analysed or not transcribed; null when nothing needs saying
     * @param error         why it could not be read; null when it could
     */
    public record AudioEntry(String file, Double seconds, Integer sampleRateHz, Integer channels, Integer bitsPerSample,
                             String kind, Double bpm, String bpmSource, Double bpmConfidence, Integer bars, String key,
                             String keySource, Double keyConfidence, String genre, Integer segments, String note,
                             String error) { }

    /**
     * The audio side of a run.
     *
     * @param drumLoops     analysed as drums, or labelled drums with drum hits heard
     * @param transcribed   drum loops whose transcription went into the dataset ({@code --transcribe-audio})
     * @param segmentsKept  their segments in the dataset, after identical windows were dropped
     */
    public record Audio(int catalogued, int analysed, int unreadable, int drumLoops, int transcribed, int segmentsKept,
                        int fromCache, Map<String, Integer> kind, Map<String, Integer> bpmSource,
                        Map<String, Integer> keySource) { }
}
