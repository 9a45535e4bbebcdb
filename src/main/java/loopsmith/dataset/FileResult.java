package loopsmith.dataset;

import java.util.List;
import java.util.Map;

/**
 * What ingest made of one MIDI file, as cached between runs. Segment tokens are kept as strings so the cache survives
 * a vocabulary that grows when new tags appear in the library; they become ids when the shards are written.
 *
 * @param status    {@code ingested} or {@code skipped}
 * @param reason    why it was skipped; empty when ingested
 * @param labels    the winning value of each label and where it came from ("house (folder 'House')")
 */
public record FileResult(String path, String status, String reason, List<String> warnings, boolean repaired,
                         String genre, String style, String mood, double bpm, String bpmSource, String tempoNote,
                         String key, String keySource, double keyConfidence, String timeSignature, List<String> roles,
                         Double swingRatio, int leadingBarsDropped, int pickupNotesDropped, int windowsNearlyEmpty,
                         int windowsAcrossMeterChange, int windowsUnsupported, Map<String, String> labels,
                         List<SegmentTokens> segments) {
    public static final String INGESTED = "ingested";
    public static final String SKIPPED = "skipped";

    /** One window's tokens. {@code roles} are the parts playing in it. */
    public record SegmentTokens(long startBar, int bars, List<String> roles, List<String> tokens) { }

    public static FileResult skipped(String path, String reason, List<String> warnings) {
        return new FileResult(path, SKIPPED, reason, warnings, !warnings.isEmpty(), null, null, null, 0, null, null, null,
                null, 0, null, List.of(), null, 0, 0, 0, 0, 0, Map.of(), List.of());
    }

    public FileResult withPath(String newPath) {
        return new FileResult(newPath, status, reason, warnings, repaired, genre, style, mood, bpm, bpmSource, tempoNote, key,
                keySource, keyConfidence, timeSignature, roles, swingRatio, leadingBarsDropped, pickupNotesDropped,
                windowsNearlyEmpty, windowsAcrossMeterChange, windowsUnsupported, labels, segments);
    }

    public boolean ingested() {
        return INGESTED.equals(status);
    }
}
