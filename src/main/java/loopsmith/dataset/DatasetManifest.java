package loopsmith.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import loopsmith.format.TypedJson;
import loopsmith.library.CleanConfig;
import loopsmith.music.AtomicFiles;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;

/**
 * {@code dataset.json}, what a dataset holds and where (the folder is laid out in {@link DatasetFormat}). Ingest writes
 * it through {@link #write} and every reader goes through {@link #read}, so a renamed field fails there, by name,
 * instead of reading as 0 further on.
 *
 * @param format         always {@link DatasetFormat#FORMAT}
 * @param version        1 to {@link DatasetFormat#VERSION}; a newer one is refused
 * @param dtype          how the shards store token ids ({@link DatasetFormat#DTYPE})
 * @param vocabulary     the vocabulary's file name in the data folder
 * @param vocabularySize tokens in the vocabulary
 * @param index          the index's file name in the data folder
 * @param splits         per split (train, then validation): files, segments, tokens and shard names
 * @param library        the library folder it was ingested from, for people
 * @param data           the data folder beside dataset.json; null in version 1, whose data files sit beside it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DatasetManifest(@JsonProperty(required = true) String format,
                              @JsonProperty(required = true) int version,
                              @JsonProperty(required = true) String dtype,
                              @JsonProperty(required = true) String vocabulary,
                              @JsonProperty(required = true) int vocabularySize,
                              @JsonProperty(required = true) String index,
                              @JsonProperty(required = true) Map<String, IngestReport.Split> splits,
                              @JsonProperty(required = true) String library,
                              @JsonProperty(required = true) Config config,
                              String data) {

    /** Only names ingest writes: a manifest must not send a reader outside its dataset. */
    private static final String DATA_NAME = DatasetFormat.DATA_PREFIX + "[a-z0-9]{1,40}";
    /** Every manifest ingest wrote carries both fields. */
    private static final TypedJson.Format VERSIONS = new TypedJson.Format(DatasetFormat.FORMAT, "dataset manifest", DatasetFormat.VERSION,
            0, "update Loopsmith or ingest the library again");

    public DatasetManifest {
        // Kept in the order written (train, then validation), as people read the file.
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(TypedJson.required(splits, "splits")));
        TypedJson.required(config, "config");
        if (version >= 2 && data == null)
            throw new IllegalArgumentException("missing required field 'data' (version " + version + " names its data folder)");
        if (data != null && !data.matches(DATA_NAME))
            throw new IllegalArgumentException("data folder name '" + data + "' is not one ingest writes");
    }

    /**
     * The ingest settings a dataset was made with (not the thread count, which does not change it).
     *
     * @param transcribeAudio absent from the first version-1 datasets, which never transcribed audio: read as false (the
     *                        boxed type is what lets it be absent; it is never null once read)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Config(@JsonProperty(required = true) int windowBars,
                         @JsonProperty(required = true) int hopBars,
                         @JsonProperty(required = true) int minNotes,
                         @JsonProperty(required = true) double validationFraction,
                         @JsonProperty(required = true) long seed,
                         Boolean transcribeAudio,
                         @JsonProperty(required = true) Clean clean) {
        public Config {
            TypedJson.required(clean, "config.clean");
            if (transcribeAudio == null) transcribeAudio = false;
        }

        static Config of(IngestConfig c) {
            return new Config(c.windowBars(), c.hopBars(), c.minNotes(), c.validationFraction(), c.seed(), c.transcribeAudio(),
                    Clean.of(c.clean()));
        }
    }

    /** @param transposeTo the key every file was moved to, as "A minor"; null when files kept their own */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Clean(@JsonProperty(required = true) int gridStepsPerQuarter,
                        @JsonProperty(required = true) double quantizeStrength,
                        @JsonProperty(required = true) boolean detectSwing,
                        @JsonProperty(required = true) boolean keepPickup,
                        @JsonProperty(required = true) boolean mergeDuplicateRoles,
                        String transposeTo) {
        static Clean of(CleanConfig c) {
            return new Clean(c.gridStepsPerQuarter(), c.quantizeStrength(), c.detectSwing(), c.keepPickup(),
                    c.mergeDuplicateRoles(), c.transposeTo().map(Key::displayName).orElse(null));
        }
    }

    /** The manifest of a dataset this build writes, its data in the folder named {@code data}. */
    static DatasetManifest of(IngestConfig config, int vocabularySize, Map<String, IngestReport.Split> splits, String library,
                              String data) {
        return new DatasetManifest(DatasetFormat.FORMAT, DatasetFormat.VERSION, DatasetFormat.DTYPE, DatasetFormat.VOCABULARY,
                vocabularySize, DatasetFormat.INDEX, splits, library, Config.of(config), data);
    }

    /** The folder that holds the data files: the one this manifest names, or the dataset folder itself (version 1). */
    public Path dataFolder(Path dataset) {
        return data == null ? dataset : dataset.resolve(data);
    }

    /** Replaces the dataset's manifest atomically: this is ingest's commit point. */
    void write(Path dataset) {
        AtomicFiles.write(dataset.resolve(DatasetFormat.MANIFEST), "dataset manifest",
                out -> TypedJson.PRETTY.writeValue(out, this));
    }

    /**
     * The manifest of the dataset in {@code dataset}. Format and version are checked before the fields, so that a
     * newer dataset is named as such rather than as a puzzling missing field.
     */
    public static DatasetManifest read(Path dataset) {
        Path file = dataset.resolve(DatasetFormat.MANIFEST);
        if (!Files.isRegularFile(file)) throw new LoopsmithException(dataset, "not a Loopsmith dataset (no " + DatasetFormat.MANIFEST + ")");
        try {
            JsonNode tree = TypedJson.READER.readTree(java.nio.file.Files.readAllBytes(file));
            VERSIONS.versionOf(file, tree);
            return TypedJson.READER.treeToValue(tree, DatasetManifest.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, TypedJson.reason(e), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read dataset manifest: " + e.getMessage(), e);
        }
    }
}
