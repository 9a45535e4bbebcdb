package loopsmith.dataset;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;

/** Opens a dataset folder: its manifest, vocabulary, index and memory-mapped shards. */
public final class DatasetReader {
    private final DatasetManifest manifest;
    /** Where the data files are: the folder the manifest names, or the dataset folder for a version-1 dataset. */
    private final Path data;
    private final Vocabulary vocabulary;
    private final List<IndexRow> entries;
    private final Map<String, ShortBuffer> shards = new HashMap<>();

    private DatasetReader(Path dir) {
        manifest = DatasetManifest.read(dir);
        // The shards are mapped as 16-bit ids; any other layout would read as wrong tokens, not fail.
        if (!DatasetFormat.DTYPE.equals(manifest.dtype()))
            throw new LoopsmithException(dir.resolve(DatasetFormat.MANIFEST), "token dtype '" + manifest.dtype()
                    + "' is not supported (this build reads " + DatasetFormat.DTYPE + ")");
        data = manifest.dataFolder(dir);
        vocabulary = Vocabulary.load(data.resolve(DatasetFormat.VOCABULARY));
        entries = IndexRow.read(data.resolve(DatasetFormat.INDEX));
    }

    public static DatasetReader open(Path dir) {
        return new DatasetReader(dir);
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<IndexRow> entries() {
        return List.copyOf(entries);
    }

    public List<IndexRow> entries(String split) {
        return entries.stream().filter(e -> e.split().equals(split)).toList();
    }

    /** The source files (paths relative to the ingested library, "a/b.mid") with segments in {@code split}. */
    public java.util.Set<String> sourceFiles(String split) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (IndexRow e : entries(split)) out.add(e.source().replace('\\', '/'));
        return out;
    }

    /** The token ids of one segment, read from its memory-mapped shard. */
    public synchronized int[] tokens(IndexRow e) {
        ShortBuffer shard = shards.computeIfAbsent(e.shard(), this::map);
        int[] out = new int[e.length()];
        for (int i = 0; i < out.length; i++) out[i] = Short.toUnsignedInt(shard.get((int) (e.offset() + i)));
        return out;
    }

    private ShortBuffer map(String shard) {
        try (FileChannel ch = FileChannel.open(data.resolve(shard))) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        } catch (IOException e) {
            throw new LoopsmithException(data.resolve(shard), "cannot map shard: " + e.getMessage(), e);
        }
    }
}
