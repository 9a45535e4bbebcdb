package loopsmith.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;

/** Opens a dataset folder: its manifest, vocabulary, index and memory-mapped shards. */
public final class DatasetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    /** Where the data files are: the folder the manifest names, or {@code dir} for a version-1 dataset. */
    private final Path data;
    private final JsonNode manifest;
    private final Vocabulary vocabulary;
    private final List<Entry> entries;
    private final Map<String, ShortBuffer> shards = new HashMap<>();

    /** One index row: where a segment's tokens are and what it is. */
    public record Entry(String split, String shard, long offset, int length, String source, String genre, String style,
                        String mood, double bpm, String key, String timeSignature, List<String> roles) { }

    private DatasetReader(Path dir) {
        this.dir = dir;
        Path manifestFile = dir.resolve(DatasetFormat.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) throw new LoopsmithException(dir, "not a Loopsmith dataset (no dataset.json)");
        try {
            manifest = JSON.readTree(manifestFile.toFile());
            if (!DatasetFormat.FORMAT.equals(manifest.path("format").asText()))
                throw new LoopsmithException(manifestFile, "not a Loopsmith dataset manifest");
            int version = manifest.path("version").asInt();
            if (version < 1 || version > DatasetFormat.VERSION)
                throw new LoopsmithException(manifestFile, "dataset version " + version + " is not supported (this build reads 1 to "
                        + DatasetFormat.VERSION + ")");
            data = DatasetFormat.dataFolder(dir, manifest);
            vocabulary = Vocabulary.load(data.resolve(DatasetFormat.VOCABULARY));
            entries = new ArrayList<>();
            for (String line : Files.readAllLines(data.resolve(DatasetFormat.INDEX))) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                List<String> roles = new ArrayList<>();
                n.path("roles").forEach(r -> roles.add(r.asText()));
                entries.add(new Entry(n.path("split").asText(), n.path("shard").asText(), n.path("offset").asLong(),
                        n.path("length").asInt(), n.path("source").asText(), text(n, "genre"), text(n, "style"),
                        text(n, "mood"), n.path("bpm").asDouble(), text(n, "key"), text(n, "time_signature"), roles));
            }
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot read dataset: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isNull() || n.path(field).isMissingNode() ? null : n.path(field).asText();
    }

    public static DatasetReader open(Path dir) {
        return new DatasetReader(dir);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> entries(String split) {
        return entries.stream().filter(e -> e.split().equals(split)).toList();
    }

    /** The token ids of one segment, read from its memory-mapped shard. */
    public synchronized int[] tokens(Entry e) {
        ShortBuffer shard = shards.computeIfAbsent(e.shard(), this::map);
        int[] out = new int[e.length()];
        for (int i = 0; i < out.length; i++) out[i] = Short.toUnsignedInt(shard.get((int) (e.offset() + i)));
        return out;
    }

    private ShortBuffer map(String shard) {
        if (!shard.matches("[\\w.-]+\\.bin")) throw new LoopsmithException(data.resolve(DatasetFormat.INDEX), "not a shard name: " + shard);
        try (FileChannel ch = FileChannel.open(data.resolve(shard))) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        } catch (IOException e) {
            throw new LoopsmithException(data.resolve(shard), "cannot map shard: " + e.getMessage(), e);
        }
    }
}
