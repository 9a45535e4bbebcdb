package loopsmith.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import loopsmith.audio.AudioAnalysis;
import loopsmith.library.LabelReader;
import loopsmith.library.Labels;
import loopsmith.library.LibraryScan;
import loopsmith.library.LibraryScanner;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;

/**
 * {@code loopsmith ingest}: a producer's library folder in, a tokenized dataset out (see {@link DatasetFormat}).
 *
 * <p>Files are processed in parallel and each result goes straight to the on-disk cache, so memory holds only small
 * per-file summaries however large the library; the shards are then written in path order, deduplicating identical
 * windows, which keeps the output reproducible. The new dataset is assembled in a staging folder and moved into
 * place file by file with {@code dataset.json} last, so an interrupted run never leaves a dataset that lies.
 */
public final class Ingest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();
    private static final int MAX_WARNINGS_PER_FILE = 5;

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
        prepareOutput(out);
        Path staging = out.resolve(".staging");
        Folders.deleteTree(staging);
        IngestCache cache = new IngestCache(out.resolve(DatasetFormat.CACHE));
        LabelReader labels = new LabelReader(scan.root());

        // 1. Every MIDI and audio file, in parallel, into the cache.
        FileProcessor processor = new FileProcessor(config);
        AudioProcessor audioProcessor = new AudioProcessor(config, processor);
        String settings = settingsSignature(config);
        List<Summary> summaries;
        List<AudioSummary> audioSummaries;
        progress.start(scan.midi().size() + scan.audio().size());
        try {
            summaries = inParallel(scan, scan.midi(), config.threads(),
                    rel -> processOne(scan.root(), rel, processor, labels, cache, settings), s -> s.result().path(), progress);
            audioSummaries = inParallel(scan, scan.audio(), config.threads(),
                    rel -> processAudio(scan.root(), rel, audioProcessor, labels, cache, settings + " transcribe=" + config.transcribeAudio()),
                    s -> s.result().entry().file(), progress);
        } finally {
            progress.finish();
        }
        // Training material in path order: MIDI files, then transcribed drum loops.
        List<Summary> material = new ArrayList<>(summaries);
        for (AudioSummary a : audioSummaries)
            if (a.result().transcribed())
                material.add(new Summary(a.result().transcription(), a.cacheKey(), a.fromCache(), a.segmentCount(), true));

        // 2. Vocabulary: the configured tags plus every tag the library uses.
        Vocabulary vocabulary = Vocabulary.of(withLibraryTags(config.tokenizer(), material));

        // 3. Shards and index, in path order.
        try {
            Files.createDirectories(staging);
            vocabulary.save(staging.resolve(DatasetFormat.VOCABULARY));
            Assembly assembly = assemble(material, vocabulary, cache, staging, config);
            double seconds = (System.nanoTime() - t0) / 1e9;
            IngestReport report = report(scan, out, summaries, audioSummaries, assembly, seconds);
            writeAudioCatalogue(report.audio(), staging.resolve(DatasetFormat.AUDIO));
            JSON.writeValue(staging.resolve(DatasetFormat.REPORT_JSON).toFile(), report);
            ReportWriter.write(report, staging);
            commit(staging, out, DatasetManifest.of(config, vocabulary.size(), report.splits(), report.library(), newDataFolderName()));
            Set<String> keys = new HashSet<>();
            for (Summary s : summaries) if (s.cacheKey() != null) keys.add(s.cacheKey());
            for (AudioSummary a : audioSummaries) if (a.cacheKey() != null) keys.add(a.cacheKey());
            cache.retainOnly(keys);
            return report;
        } catch (IOException e) {
            throw new LoopsmithException(out, "cannot write dataset: " + e.getMessage(), e);
        }
    }

    /**
     * A finished file: its result without the segment tokens (those stay in the cache), and its cache key.
     *
     * @param fromAudio a drum loop's transcription, cached inside its {@link AudioResult}
     */
    private record Summary(FileResult result, String cacheKey, boolean fromCache, int segmentCount, boolean fromAudio) { }

    /** A finished audio file: its catalogue entry and its transcription without segment tokens. */
    private record AudioSummary(AudioResult result, String cacheKey, boolean fromCache, int segmentCount) { }

    private interface Task<T> {
        T run(Path relative);
    }

    /** Runs {@code task} over the files on a pool, results in the files' order. */
    private static <T> List<T> inParallel(LibraryScan scan, List<Path> files, int threads, Task<T> task,
                                          java.util.function.Function<T, String> name, Progress progress) {
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

    private static Summary processOne(Path root, Path rel, FileProcessor processor, LabelReader labelReader, IngestCache cache,
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

    private static AudioSummary processAudio(Path root, Path rel, AudioProcessor processor, LabelReader labelReader,
                                             IngestCache cache, String settings) {
        Path file = root.resolve(rel);
        String relative = rel.toString().replace('\\', '/');
        Labels labels = labelReader.labelsFor(file);
        Optional<String> key = IngestCache.key(file, "audio " + settings + "\n" + labelSignature(labels));
        Optional<AudioResult> cached = key.flatMap(cache::getAudio);
        AudioResult result = cached.map(r -> withPath(r, relative)).orElseGet(() -> processor.process(file, relative, labels));
        if (key.isPresent() && cached.isEmpty()) cache.put(key.get(), result);
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

    private static TokenizerConfig withLibraryTags(TokenizerConfig t, List<Summary> summaries) {
        Set<String> genres = new TreeSet<>();
        Set<String> styles = new TreeSet<>();
        Set<String> moods = new TreeSet<>();
        for (Summary s : summaries) {
            if (s.result().genre() != null) genres.add(Token.Tag.normalize(s.result().genre()));
            if (s.result().style() != null) styles.add(Token.Tag.normalize(s.result().style()));
            if (s.result().mood() != null) moods.add(Token.Tag.normalize(s.result().mood()));
        }
        return t.withTags(union(t.genres(), genres), union(t.styles(), styles), union(t.moods(), moods));
    }

    private static List<String> union(List<String> base, Set<String> more) {
        List<String> out = new ArrayList<>(base);
        for (String m : more) if (!out.contains(m)) out.add(m);
        return out;
    }

    private record Assembly(Map<String, IngestReport.Split> splits, int kept, int keptFromAudio, int duplicates) { }

    private static Assembly assemble(List<Summary> summaries, Vocabulary vocabulary, IngestCache cache, Path staging,
                                     IngestConfig config) throws IOException {
        SplitAssigner splitter = new SplitAssigner(config.seed(), config.validationFraction());
        Set<String> validationFiles = chooseValidation(summaries, splitter, config.validationFraction());
        Set<Long> seen = new HashSet<>();
        int duplicates = 0;
        int kept = 0;
        int keptFromAudio = 0;
        Map<String, Integer> filesPerSplit = new TreeMap<>();
        try (ShardWriter train = new ShardWriter(staging, DatasetFormat.TRAIN, DatasetFormat.MAX_SHARD_TOKENS);
             ShardWriter validation = new ShardWriter(staging, DatasetFormat.VALIDATION, DatasetFormat.MAX_SHARD_TOKENS);
             IndexRow.Writer index = new IndexRow.Writer(staging.resolve(DatasetFormat.INDEX))) {
            for (Summary s : summaries) {
                if (!s.result().ingested()) continue;
                Optional<FileResult> entry = s.fromAudio()
                        ? cache.getAudio(s.cacheKey()).map(AudioResult::transcription) : cache.get(s.cacheKey());
                FileResult full = entry.orElseThrow(() -> new LoopsmithException(
                        staging, "cache entry for " + s.result().path() + " vanished during ingest")).withPath(s.result().path());
                boolean isValidation = validationFiles.contains(full.path());
                String split = isValidation ? DatasetFormat.VALIDATION : DatasetFormat.TRAIN;
                ShardWriter writer = isValidation ? validation : train;
                int keptHere = 0;
                for (FileResult.SegmentTokens seg : full.segments()) {
                    int[] ids = new int[seg.tokens().size()];
                    for (int i = 0; i < ids.length; i++) ids[i] = vocabulary.id(vocabulary.parse(seg.tokens().get(i)));
                    long hash = musicHash(seg.tokens());
                    if (!seen.add(hash)) {
                        duplicates++;
                        continue;
                    }
                    ShardWriter.Location at = writer.append(ids);
                    index.append(indexRow(split, at, full, seg, hash, s.fromAudio()));
                    keptHere++;
                    kept++;
                    if (s.fromAudio()) keptFromAudio++;
                }
                if (keptHere > 0) filesPerSplit.merge(split, 1, Integer::sum);
            }
            train.close();
            validation.close();
            Map<String, IngestReport.Split> splits = new LinkedHashMap<>();
            for (ShardWriter w : List.of(train, validation)) {
                String name = w == train ? DatasetFormat.TRAIN : DatasetFormat.VALIDATION;
                splits.put(name, new IngestReport.Split(filesPerSplit.getOrDefault(name, 0), w.segments(), w.tokens(), w.shards()));
            }
            return new Assembly(splits, kept, keptFromAudio, duplicates);
        }
    }

    /**
     * Files drawn below the validation fraction go to validation; if the draw picks none while there are at least
     * two ingested files, the file with the lowest draw goes, so a validation loss always exists.
     */
    private static Set<String> chooseValidation(List<Summary> summaries, SplitAssigner splitter, double fraction) {
        Set<String> out = new HashSet<>();
        String lowest = null;
        double lowestDraw = 2;
        int ingested = 0;
        for (Summary s : summaries) {
            if (!s.result().ingested()) continue;
            ingested++;
            double d = splitter.draw(s.result().path());
            if (d < fraction) out.add(s.result().path());
            if (d < lowestDraw) {
                lowestDraw = d;
                lowest = s.result().path();
            }
        }
        if (out.isEmpty() && fraction > 0 && ingested >= 2) out.add(lowest);
        return out;
    }

    /** Hash of the music (tags left out), so the same window labelled twice still counts as a duplicate. */
    private static long musicHash(List<String> tokens) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            boolean music = false;
            for (String t : tokens) {
                if (t.startsWith("ROLE=")) music = true; // the first part declaration
                if (music) {
                    sha.update(t.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) ' ');
                }
            }
            byte[] h = sha.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xFF);
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static IndexRow indexRow(String split, ShardWriter.Location at, FileResult f, FileResult.SegmentTokens seg, long hash,
                                     boolean fromAudio) {
        return new IndexRow(split, at.shard(), at.offset(), at.length(), f.path(), seg.startBar(), seg.bars(), f.genre(), f.style(),
                f.mood(), f.bpm(), f.key(), f.timeSignature(), seg.roles(), f.swingRatio(), Long.toHexString(hash),
                fromAudio ? DatasetFormat.ORIGIN_AUDIO : DatasetFormat.ORIGIN_MIDI);
    }

    private static void writeAudioCatalogue(List<IngestReport.AudioEntry> audio, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (IngestReport.AudioEntry a : audio) {
                w.write(JSON_LINE.writeValueAsString(a));
                w.write('\n');
            }
        }
    }

    private static IngestReport report(LibraryScan scan, Path out, List<Summary> summaries, List<AudioSummary> audioSummaries,
                                       Assembly assembly, double seconds) {
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
        for (Summary s : summaries) {
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
        for (AudioSummary a : audioSummaries) {
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

    /** The output folder must be new, empty, or an earlier dataset: never someone's other files. */
    private static void prepareOutput(Path out) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new LoopsmithException(out, "output exists and is not a folder");
            if (Files.isDirectory(out) && !Files.exists(out.resolve(DatasetFormat.MANIFEST))) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.anyMatch(p -> !p.getFileName().toString().startsWith(".")))
                        throw new LoopsmithException(out, "output folder is not empty and holds no Loopsmith dataset; choose another");
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LoopsmithException(out, "cannot create output folder: " + e.getMessage(), e);
        }
    }

    /** A data folder name no earlier run of this dataset used: the time, and a random part for runs in the same millisecond. */
    private static String newDataFolderName() {
        return DatasetFormat.DATA_PREFIX + Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 30), 36);
    }

    /**
     * Puts the staged dataset in place so that a reader sees the old dataset or the new one, never a mix, whenever the
     * process dies: the staged folder becomes a new data folder in one rename, then dataset.json, which names the data
     * folder, replaces the old one atomically (the commit point); only then are the old data folder and the report's
     * copies for people replaced.
     */
    private static void commit(Path staging, Path out, DatasetManifest manifest) throws IOException {
        String data = manifest.data();
        Path dataDir = out.resolve(data);
        Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
        loopsmith.music.AtomicFiles.syncDirectory(out);
        manifest.write(out);
        // After the commit point: what the previous dataset left (an older data folder, or the flat layout of version 1).
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                boolean oldData = name.startsWith(DatasetFormat.DATA_PREFIX) && !name.equals(data) && Files.isDirectory(p);
                boolean flat = name.endsWith(".bin") || name.equals(DatasetFormat.INDEX) || name.equals(DatasetFormat.VOCABULARY)
                        || name.equals(DatasetFormat.AUDIO);
                if (oldData) Folders.deleteTree(p);
                else if (flat && Files.isRegularFile(p)) Files.delete(p);
            }
        }
        // The report beside dataset.json, where people look for it (a copy; the data folder holds the original).
        for (String name : List.of(DatasetFormat.REPORT_MD, DatasetFormat.REPORT_JSON))
            if (Files.isRegularFile(dataDir.resolve(name))) Files.copy(dataDir.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Path charts = dataDir.resolve(DatasetFormat.CHARTS);
        if (Files.isDirectory(charts)) {
            Folders.deleteTree(out.resolve(DatasetFormat.CHARTS));
            Files.createDirectories(out.resolve(DatasetFormat.CHARTS));
            try (Stream<Path> s = Files.list(charts)) {
                for (Path c : s.toList()) Files.copy(c, out.resolve(DatasetFormat.CHARTS).resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
