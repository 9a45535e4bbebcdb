package loopsmith.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;

/**
 * Ingest's assembly stage: the vocabulary, then the shards and index written in path order from the cached results,
 * identical windows kept once, which keeps the output reproducible.
 *
 * @param splits        per split: files, segments, tokens and shard names
 * @param kept          segments written
 * @param keptFromAudio of those, segments of transcribed drum loops
 * @param duplicates    windows dropped as identical to one written before
 */
record DatasetAssembly(Map<String, IngestReport.Split> splits, int kept, int keptFromAudio, int duplicates) {

    /** The configured tags plus every tag the library uses. */
    static Vocabulary vocabulary(TokenizerConfig t, List<ProcessedLibrary.Summary> summaries) {
        return Vocabulary.of(withLibraryTags(t, summaries));
    }

    private static TokenizerConfig withLibraryTags(TokenizerConfig t, List<ProcessedLibrary.Summary> summaries) {
        Set<String> genres = new TreeSet<>();
        Set<String> styles = new TreeSet<>();
        Set<String> moods = new TreeSet<>();
        for (ProcessedLibrary.Summary s : summaries) {
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

    /** Writes the shards and the index into {@code staging}, each segment's tokens taken from the cache. */
    static DatasetAssembly write(List<ProcessedLibrary.Summary> summaries, Vocabulary vocabulary, IngestCache cache, Path staging,
                                 IngestConfig config) throws IOException {
        SplitAssigner splitter = new SplitAssigner(config.seed(), config.validationFraction());
        Set<String> validationFiles = chooseValidation(summaries, splitter, config.validationFraction(), withNewWindows(summaries, cache, staging));
        Set<Long> seen = new HashSet<>();
        int duplicates = 0;
        int kept = 0;
        int keptFromAudio = 0;
        Map<String, Integer> filesPerSplit = new TreeMap<>();
        try (ShardWriter train = new ShardWriter(staging, DatasetFormat.TRAIN, DatasetFormat.MAX_SHARD_TOKENS);
             ShardWriter validation = new ShardWriter(staging, DatasetFormat.VALIDATION, DatasetFormat.MAX_SHARD_TOKENS);
             IndexRow.Writer index = new IndexRow.Writer(staging.resolve(DatasetFormat.INDEX))) {
            for (ProcessedLibrary.Summary s : summaries) {
                if (!s.result().ingested()) continue;
                FileResult full = cached(s, cache, staging);
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
            return new DatasetAssembly(splits, kept, keptFromAudio, duplicates);
        }
    }

    private static FileResult cached(ProcessedLibrary.Summary s, IngestCache cache, Path staging) {
        Optional<FileResult> entry = s.fromAudio()
                ? cache.getAudio(s.cacheKey()).map(AudioResult::transcription) : cache.get(s.cacheKey());
        return entry.orElseThrow(() -> new LoopsmithException(
                staging, "cache entry for " + s.result().path() + " vanished during ingest")).withPath(s.result().path());
    }

    /**
     * The ingested files that keep a window when written in order: at least one of their windows is in no file before
     * them. Only hashes are kept between this pass and the writing one.
     */
    private static Set<String> withNewWindows(List<ProcessedLibrary.Summary> summaries, IngestCache cache, Path staging) {
        Set<Long> seen = new HashSet<>();
        Set<String> out = new HashSet<>();
        for (ProcessedLibrary.Summary s : summaries) {
            if (!s.result().ingested()) continue;
            boolean any = false;
            for (FileResult.SegmentTokens seg : cached(s, cache, staging).segments()) any |= seen.add(musicHash(seg.tokens()));
            if (any) out.add(s.result().path());
        }
        return out;
    }

    /**
     * Files drawn below the validation fraction go to validation; if the draw picks none while there are at least
     * two ingested files, the file with the lowest draw goes, so a validation loss always exists. Only files that keep
     * a window are drawn: one whose every window repeats an earlier file's would leave its split empty after
     * deduplication.
     */
    private static Set<String> chooseValidation(List<ProcessedLibrary.Summary> summaries, SplitAssigner splitter, double fraction,
                                                Set<String> keepAWindow) {
        Set<String> out = new HashSet<>();
        String lowest = null;
        double lowestDraw = 2;
        int ingested = 0;
        for (ProcessedLibrary.Summary s : summaries) {
            if (!s.result().ingested() || !keepAWindow.contains(s.result().path())) continue;
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
}
