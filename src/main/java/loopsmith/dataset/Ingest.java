package loopsmith.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.format.TypedJson;
import loopsmith.library.LibraryScan;
import loopsmith.library.LibraryScanner;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;

/**
 * {@code loopsmith ingest}: a producer's library folder in, a tokenized dataset out (see {@link DatasetFormat}).
 *
 * <p>Files are processed in parallel and each result goes straight to the on-disk cache, so memory holds only small
 * per-file summaries however large the library ({@link ProcessedLibrary}); the shards are then written in path order,
 * deduplicating identical windows, which keeps the output reproducible ({@link DatasetAssembly}). The new dataset is
 * assembled in a staging folder and moved into place with {@code dataset.json} last, so an interrupted run never
 * leaves a dataset that lies ({@link DatasetCommit}). This class runs the stages in order.
 */
public final class Ingest {

    /** Progress callbacks; the CLI shows a bar. */
    public interface Progress {
        void start(int files);

        void fileDone(String file);

        void finish();

        Progress NONE = new Progress() {
            @Override public void start(int files) { }
            @Override public void fileDone(String file) { }
            @Override public void finish() { }
        };
    }

    private Ingest() {}

    public static IngestReport run(Path library, Path out, IngestConfig config, Progress progress) {
        long t0 = System.nanoTime();
        LibraryScan scan = LibraryScanner.scan(library);
        boolean audioMaterial = config.transcribeAudio() && !scan.audio().isEmpty();
        if (scan.midi().isEmpty() && !audioMaterial)
            throw new LoopsmithException(library, "no MIDI files found (" + (scan.audio().size() + scan.skipped().size()
                    + scan.ignored().size() + scan.sidecars().size()) + " other files looked at"
                    + (scan.audio().isEmpty() ? ")" : "; --transcribe-audio turns its drum loops into material)"));
        DatasetCommit.prepareOutput(out);
        Path staging = out.resolve(".staging");
        Folders.deleteTree(staging);
        IngestCache cache = new IngestCache(out.resolve(DatasetFormat.CACHE));

        // 1. Every MIDI and audio file, in parallel, into the cache.
        ProcessedLibrary processed = ProcessedLibrary.process(scan, config, cache, progress);
        List<ProcessedLibrary.Summary> material = processed.material();

        // 2. Vocabulary: the configured tags plus every tag the library uses.
        Vocabulary vocabulary = DatasetAssembly.vocabulary(config.tokenizer(), material);

        // 3. Shards and index, in path order.
        try {
            Files.createDirectories(staging);
            vocabulary.save(staging.resolve(DatasetFormat.VOCABULARY));
            DatasetAssembly assembly = DatasetAssembly.write(material, vocabulary, cache, staging, config);
            double seconds = (System.nanoTime() - t0) / 1e9;
            IngestReport report = ReportTally.tally(scan, out, processed, assembly, seconds);
            writeAudioCatalogue(report.audio(), staging.resolve(DatasetFormat.AUDIO));
            TypedJson.PRETTY.writeValue(staging.resolve(DatasetFormat.REPORT_JSON).toFile(), report);
            ReportWriter.write(report, staging);
            // 4. The commit: the staged folder moved in, dataset.json switched to it.
            DatasetCommit.commit(staging, out, DatasetManifest.of(config, vocabulary.size(), report.splits(), report.library(),
                    DatasetCommit.newDataFolderName()));
            cache.retainOnly(processed.cacheKeys());
            return report;
        } catch (IOException e) {
            throw new LoopsmithException(out, "cannot write dataset: " + e.getMessage(), e);
        }
    }

    private static void writeAudioCatalogue(List<IngestReport.AudioEntry> audio, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (IngestReport.AudioEntry a : audio) {
                w.write(TypedJson.WRITER.writeValueAsString(a));
                w.write('\n');
            }
        }
    }
}
