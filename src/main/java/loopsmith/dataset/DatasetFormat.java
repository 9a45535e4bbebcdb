package loopsmith.dataset;

/**
 * The on-disk layout of a Loopsmith dataset folder, version {@value #VERSION}:
 *
 * <pre>
 * DATASET/
 *   dataset.json        what is here: format, version, token dtype, shards and counts per split, the ingest config,
 *                       and {@code data}, the name of the folder beside it that holds the files below. Written last,
 *                       atomically: it is the commit point, so a reader sees one whole dataset or the one before.
 *   report.md, report.json, charts/   copies of the data folder's report, where people look for it
 *   .cache/             per-file results keyed by content, labels and config, so re-runs redo only what changed
 *   data-&lt;id&gt;/           one ingest's data, written as a staged folder and moved in by one rename:
 *   vocabulary.json     the token vocabulary (see tokens.Vocabulary)
 *   train-000.bin       token ids, unsigned 16-bit little-endian, no header; segments one after another, each a
 *   validation-000.bin  complete sequence from PIECE_START to PIECE_END. Memory-map and read as uint16 (numpy:
 *                       np.memmap(f, dtype='&lt;u2')); shards roll over at {@value #MAX_SHARD_TOKENS} tokens.
 *   index.jsonl         one JSON object per segment: split, shard, offset and length in tokens, source file, first
 *                       bar, bars, tags (genre, style, mood, bpm, key, time signature, roles), swing, content hash,
 *                       origin ({@code midi}, or {@code audio} for a transcribed drum loop)
 *   audio.jsonl         one JSON object per audio file of the library: header facts, kind, bpm, key and bars with
 *                       their source (label or analysis) and confidence, transcription segments, or why unreadable
 *   report.json         files found / ingested / skipped (with reasons), segments and tokens per split, histograms
 *   report.md           the same for people, with charts/tempo.png and charts/genre.png
 * </pre>
 * Version 1 (before 2026-12) kept the data files beside dataset.json, with no {@code data} field; readers still read it.
 * dataset.json is read and written only as a {@link DatasetManifest}, and index.jsonl only as {@link IndexRow}s.
 */
public final class DatasetFormat {
    public static final String FORMAT = "loopsmith-dataset";
    public static final int VERSION = 2;
    /** Data folders are named {@code data-<id>}. */
    public static final String DATA_PREFIX = "data-";
    public static final String DTYPE = "uint16le";
    public static final long MAX_SHARD_TOKENS = 64L * 1024 * 1024;
    public static final String MANIFEST = "dataset.json";
    public static final String VOCABULARY = "vocabulary.json";
    public static final String INDEX = "index.jsonl";
    public static final String AUDIO = "audio.jsonl";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String CHARTS = "charts";
    public static final String CACHE = ".cache";
    public static final String TRAIN = "train";
    public static final String ORIGIN_MIDI = "midi";
    public static final String ORIGIN_AUDIO = "audio";
    public static final String VALIDATION = "validation";

    private DatasetFormat() {}

    public static String shardName(String split, int number) {
        return String.format(java.util.Locale.ROOT, "%s-%03d.bin", split, number);
    }
}
