package loopsmith.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loopsmith.library.LabelReader;
import loopsmith.library.Labels;
import loopsmith.library.LibraryScan;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.TokenizerConfig;

/**
 * Ingest's processing stage: every MIDI and audio file of a library, in parallel, each result straight into the
 * on-disk cache, so memory holds only these small summaries however large the library.
 *
 * @param midi  one summary per MIDI file, in path order
 * @param audio one summary per audio file, in path order
 */
record ProcessedLibrary(List<Summary> midi, List<AudioSummary> audio) {

    /**
     * A finished file: its result without the segment tokens (those stay in the cache), and its cache key.
     *
     * @param fromAudio a drum loop's transcription, cached inside its {@link AudioResult}
     */
    record Summary(FileResult result, String cacheKey, boolean fromCache, int segmentCount, boolean fromAudio) { }

    /** A finished audio file: its catalogue entry and its transcription without segment tokens. */
    record AudioSummary(AudioResult result, String cacheKey, boolean fromCache, int segmentCount) { }

    /** One file's processing, from its path and labels to its result. */
    interface FileStep<T> {
        T process(Path file, String relative, Labels labels);
    }

    static ProcessedLibrary process(LibraryScan scan, IngestConfig config, IngestCache cache, Ingest.Progress progress) {
        FileProcessor processor = new FileProcessor(config);
        return process(scan, config, cache, progress, processor::process, new AudioProcessor(config, processor)::process);
    }

    /**
     * As {@link #process(LibraryScan, IngestConfig, IngestCache, Ingest.Progress)} with the per-file steps given, so a
     * test can make one file fail in ways no small real file does on demand (running out of memory).
     */
    static ProcessedLibrary process(LibraryScan scan, IngestConfig config, IngestCache cache, Ingest.Progress progress,
                                    FileStep<FileResult> midiStep, FileStep<AudioResult> audioStep) {
        LabelReader labels = new LabelReader(scan.root());
        String settings = settingsSignature(config);
        progress.start(scan.midi().size() + scan.audio().size());
        try {
            List<Summary> midi = inParallel(scan, scan.midi(), config.threads(),
                    rel -> processOne(scan.root(), rel, midiStep, labels, cache, settings), s -> s.result().path(), progress);
            List<AudioSummary> audio = inParallel(scan, scan.audio(), config.threads(),
                    rel -> processAudio(scan.root(), rel, audioStep, labels, cache, settings + " transcribe=" + config.transcribeAudio()),
                    s -> s.result().entry().file(), progress);
            return new ProcessedLibrary(midi, audio);
        } finally {
            progress.finish();
        }
    }

    /** Training material in path order: MIDI files, then transcribed drum loops. */
    List<Summary> material() {
        List<Summary> material = new ArrayList<>(midi);
        for (AudioSummary a : audio)
            if (a.result().transcribed())
                material.add(new Summary(a.result().transcription(), a.cacheKey(), a.fromCache(), a.segmentCount(), true));
        return material;
    }

    /** The cache entries this run used; any other entry is stale. */
    Set<String> cacheKeys() {
        Set<String> keys = new HashSet<>();
        for (Summary s : midi) if (s.cacheKey() != null) keys.add(s.cacheKey());
        for (AudioSummary a : audio) if (a.cacheKey() != null) keys.add(a.cacheKey());
        return keys;
    }

    private interface Task<T> {
        T run(Path relative);
    }

    /** Runs {@code task} over the files on a pool, results in the files' order. */
    private static <T> List<T> inParallel(LibraryScan scan, List<Path> files, int threads, Task<T> task,
                                          java.util.function.Function<T, String> name, Ingest.Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest");
            t.setDaemon(true);
            return t;
        });
        List<T> results = new ArrayList<>(files.size());
        try {
            // A bounded window of files in flight keeps memory flat on a 100k-file library.
            int window = threads * 8;
            List<Future<T>> inFlight = new ArrayList<>();
            int next = 0;
            while (next < files.size() || !inFlight.isEmpty()) {
                while (next < files.size() && inFlight.size() < window) {
                    Path rel = files.get(next++);
                    inFlight.add(pool.submit(() -> task.run(rel)));
                }
                T r = inFlight.remove(0).get();
                results.add(r);
                progress.fileDone(name.apply(r));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopsmithException(scan.root(), "ingest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoopsmithException le) throw le;
            throw new IllegalStateException("ingest failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static Summary processOne(Path root, Path rel, FileStep<FileResult> processor, LabelReader labelReader, IngestCache cache,
                                      String settings) {
        Path file = root.resolve(rel);
        String relative = rel.toString().replace('\\', '/');
        Labels labels;
        try {
            labels = labelReader.labelsFor(file);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Summary(FileResult.skipped(relative, "its labels could not be read: " + failure(e), List.of()), null, false, 0, false);
        }
        Optional<String> key = IngestCache.key(file, settings + "\n" + labelSignature(labels));
        Optional<FileResult> cached = key.flatMap(cache::get);
        if (cached.isEmpty()) {
            // One file's failure is that file's skip, whatever it is: a parser bug, a stack overflow on a
            // self-referencing structure, or running out of memory on it (its allocations are released by then).
            FileResult result;
            try {
                result = processor.process(file, relative, labels);
                if (key.isPresent()) cache.put(key.get(), result);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // not cached: the next run tries the file again
                result = FileResult.skipped(relative, "could not be processed: " + failure(e), labels.warnings());
            }
            return new Summary(withoutSegments(result), key.orElse(null), false, result.segments().size(), false);
        }
        // Two files with the same bytes and labels share an entry; the result must still name this file.
        FileResult result = cached.get().withPath(relative);
        return new Summary(withoutSegments(result), key.orElse(null), true, result.segments().size(), false);
    }

    /** A failure as a skip reason: its kind and message, never a stack trace. */
    static String failure(Throwable e) {
        String kind = e instanceof StackOverflowError ? "nested too deeply (stack overflow)"
                : e instanceof OutOfMemoryError ? "too large to process (out of memory)" : e.getClass().getSimpleName();
        String message = e instanceof Error || e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return kind + message;
    }

    private static AudioSummary processAudio(Path root, Path rel, FileStep<AudioResult> processor, LabelReader labelReader,
                                             IngestCache cache, String settings) {
        Path file = root.resolve(rel);
        String relative = rel.toString().replace('\\', '/');
        Labels labels;
        try {
            labels = labelReader.labelsFor(file);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String reason = "its labels could not be read: " + failure(e);
            return new AudioSummary(new AudioResult(AudioProcessor.unreadable(relative, Labels.NONE, reason), null), null, false, 0);
        }
        Optional<String> key = IngestCache.key(file, "audio " + settings + "\n" + labelSignature(labels));
        Optional<AudioResult> cached = key.flatMap(cache::getAudio);
        AudioResult result;
        if (cached.isPresent()) {
            result = withPath(cached.get(), relative);
        } else {
            // As for MIDI: one file's failure is that file's skip, and it is not cached, so the next run tries it again.
            try {
                result = processor.process(file, relative, labels);
                if (key.isPresent()) cache.put(key.get(), result);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                result = new AudioResult(AudioProcessor.unreadable(relative, labels, "could not be processed: " + failure(e)), null);
            }
        }
        FileResult t = result.transcription();
        return new AudioSummary(new AudioResult(result.entry(), t == null ? null : withoutSegments(t)), key.orElse(null),
                cached.isPresent(), t == null ? 0 : t.segments().size());
    }

    private static AudioResult withPath(AudioResult r, String path) {
        IngestReport.AudioEntry e = r.entry();
        return new AudioResult(new IngestReport.AudioEntry(path, e.seconds(), e.sampleRateHz(), e.channels(), e.bitsPerSample(),
                e.kind(), e.bpm(), e.bpmSource(), e.bpmConfidence(), e.bars(), e.key(), e.keySource(), e.keyConfidence(),
                e.genre(), e.segments(), e.note(), e.error()), r.transcription() == null ? null : r.transcription().withPath(path));
    }

    private static FileResult withoutSegments(FileResult r) {
        return new FileResult(r.path(), r.status(), r.reason(), r.warnings(), r.repaired(), r.genre(), r.style(), r.mood(),
                r.bpm(), r.bpmSource(), r.tempoNote(), r.key(), r.keySource(), r.keyConfidence(), r.timeSignature(),
                r.roles(), r.swingRatio(), r.leadingBarsDropped(), r.pickupNotesDropped(), r.windowsNearlyEmpty(),
                r.windowsAcrossMeterChange(), r.windowsUnsupported(), r.labels(), List.of());
    }

    /** What in the config changes a single file's result (not the split, seed or thread count). */
    private static String settingsSignature(IngestConfig c) {
        TokenizerConfig t = c.tokenizer().withTags(List.of(), List.of(), List.of());
        return "v" + DatasetFormat.VERSION + " window=" + c.windowBars() + " hop=" + c.hopBars() + " min=" + c.minNotes()
                + " " + c.clean() + " " + t;
    }

    private static String labelSignature(Labels l) {
        return l.genre() + "|" + l.style() + "|" + l.mood() + "|" + l.bpm() + "|" + l.key() + "|" + l.timeSignature()
                + "|" + new TreeSet<>(l.roles().stream().map(Enum::name).toList()) + "|" + new TreeMap<>(l.freeTags())
                + "|" + l.warnings();
    }
}
