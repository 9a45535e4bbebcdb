package loopsmith.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import loopsmith.audio.AudioAnalysis;
import loopsmith.library.LibraryScan;

/** Ingest's counts and histograms, from the scan, the processed files and the assembly, as an {@link IngestReport}. */
final class ReportTally {
    private static final int MAX_WARNINGS_PER_FILE = 5;

    private ReportTally() {}

    static IngestReport tally(LibraryScan scan, Path out, ProcessedLibrary processed, DatasetAssembly assembly, double seconds) {
        List<ProcessedLibrary.Summary> summaries = processed.midi();
        List<ProcessedLibrary.AudioSummary> audioSummaries = processed.audio();
        Map<String, Integer> genre = new TreeMap<>();
        Map<String, Integer> tempo = new TreeMap<>();
        Map<String, Integer> key = new TreeMap<>();
        Map<String, Integer> role = new TreeMap<>();
        Map<String, Integer> meter = new TreeMap<>();
        Map<String, Integer> keySource = new TreeMap<>();
        Map<String, Integer> bpmSource = new TreeMap<>();
        List<IngestReport.Skip> skipped = new ArrayList<>();
        List<IngestReport.FileWarnings> warnings = new ArrayList<>();
        int ingested = 0;
        int repaired = 0;
        int fromCache = 0;
        int swing = 0;
        int nearlyEmpty = 0;
        int acrossMeter = 0;
        int unsupported = 0;
        for (ProcessedLibrary.Summary s : summaries) {
            FileResult r = s.result();
            if (s.fromCache()) fromCache++;
            if (r.repaired()) repaired++;
            if (!r.warnings().isEmpty())
                warnings.add(new IngestReport.FileWarnings(r.path(), r.warnings().subList(0, Math.min(MAX_WARNINGS_PER_FILE, r.warnings().size()))));
            if (!r.ingested()) {
                skipped.add(new IngestReport.Skip(r.path(), r.reason()));
                continue;
            }
            ingested++;
            genre.merge(r.genre() == null ? "(none)" : r.genre(), 1, Integer::sum);
            int bin = (int) (Math.floor(r.bpm() / 10) * 10);
            tempo.merge(String.format(Locale.ROOT, "%03d", bin), 1, Integer::sum);
            key.merge(r.key() == null ? "(none)" : r.key(), 1, Integer::sum);
            for (String ro : r.roles()) role.merge(ro, 1, Integer::sum);
            meter.merge(r.timeSignature(), 1, Integer::sum);
            keySource.merge(r.keySource(), 1, Integer::sum);
            bpmSource.merge(r.bpmSource(), 1, Integer::sum);
            if (r.swingRatio() != null) swing++;
            nearlyEmpty += r.windowsNearlyEmpty();
            acrossMeter += r.windowsAcrossMeterChange();
            unsupported += r.windowsUnsupported();
        }
        List<IngestReport.AudioEntry> audio = new ArrayList<>();
        Map<String, Integer> audioKind = new TreeMap<>();
        Map<String, Integer> audioBpmSource = new TreeMap<>();
        Map<String, Integer> audioKeySource = new TreeMap<>();
        int analysed = 0;
        int unreadable = 0;
        int drumLoops = 0;
        int transcribed = 0;
        int audioFromCache = 0;
        for (ProcessedLibrary.AudioSummary a : audioSummaries) {
            IngestReport.AudioEntry e = a.result().entry();
            audio.add(e);
            if (a.fromCache()) audioFromCache++;
            if (e.error() != null) {
                unreadable++;
                skipped.add(new IngestReport.Skip(e.file(), "audio: " + e.error()));
                continue;
            }
            if (e.kind() != null) {
                analysed++;
                audioKind.merge(e.kind(), 1, Integer::sum);
            }
            audioBpmSource.merge(e.bpmSource(), 1, Integer::sum);
            audioKeySource.merge(e.keySource(), 1, Integer::sum);
            if (a.result().transcription() != null || AudioAnalysis.Kind.DRUMS.label().equals(e.kind())) drumLoops++;
            if (a.result().transcribed()) transcribed++;
            else if (a.result().transcription() != null) skipped.add(new IngestReport.Skip(e.file(), "audio " + e.note()));
        }
        for (LibraryScan.Skipped s : scan.skipped()) skipped.add(new IngestReport.Skip(s.path().toString(), s.reason()));
        List<IngestReport.Skip> ignoredFiles = scan.ignored().stream()
                .map(s -> new IngestReport.Skip(s.path().toString(), s.reason())).toList();
        int ignored = ignoredFiles.size();
        IngestReport.Files files = new IngestReport.Files(scan.midi().size(), scan.audio().size(), scan.sidecars().size(),
                ignored, ingested, scan.midi().size() - ingested, repaired, fromCache, summaries.size() - fromCache);
        return new IngestReport(scan.root().toString(), out.toAbsolutePath().normalize().toString(), files, assembly.splits(),
                new IngestReport.Segments(assembly.kept(), assembly.duplicates(), nearlyEmpty, acrossMeter, unsupported),
                new IngestReport.Histograms(genre, tempo, key, role, meter, keySource, bpmSource), swing, skipped, ignoredFiles, warnings,
                audio, new IngestReport.Audio(audio.size(), analysed, unreadable, drumLoops, transcribed, assembly.keptFromAudio(),
                        audioFromCache, audioKind, audioBpmSource, audioKeySource),
                Math.round(seconds * 100) / 100.0, Math.round((scan.midi().size() + scan.audio().size()) / seconds * 10) / 10.0);
    }
}
