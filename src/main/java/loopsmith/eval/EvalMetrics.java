package loopsmith.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;

/**
 * REPORT/metrics.json, everything one evaluation measured. {@link #write} is its one writer and {@link #read} its one
 * reader. The keys, their order and their rounding are the ones README documents and scripts read, so the
 * annotations on these records carry the whole schema: any Jackson mapper (the CLI's {@code --json} among them)
 * writes the same document.
 *
 * @param format               always {@link #FORMAT}
 * @param version              1 to {@link #VERSION}; a newer one is refused
 * @param source               what was judged, for people: the model, or the folder read with {@code --generated}
 * @param modelVocabularyGenres the genres the model's vocabulary knows; absent when pieces were read from a folder
 * @param infillContinuity     absent when pieces were read from a folder
 * @param model                the model file; null when pieces were read from a folder
 * @param pieces               pieces judged
 * @param bars                 bars asked of each piece, and of each reference window
 * @param seed                 seed of piece 0; piece i used seed + i
 * @param referenceFiles       reference files read
 * @param referenceSkipped     reference files that could not be read
 * @param features             per scalar feature, in {@link PieceFeatures#scalarNames()} order
 * @param seconds              how long the evaluation took, before the report was drawn
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EvalMetrics(String format, int version, String source,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> modelVocabularyGenres,
                          @JsonInclude(JsonInclude.Include.NON_NULL) InfillContinuityMetrics infillContinuity,
                          String model, String reference, int pieces, int bars, long seed, Sampling sampling,
                          int referenceFiles, int referenceSkipped, ValidityMetrics validity, Map<String, FeatureMeans> features,
                          DistributionMetrics distributionMatch, ConditioningMetrics conditioning,
                          GenreAdherenceMetrics genreAdherence, GenreClassifierMetrics genreClassifier,
                          DrumIdiomMetrics drumIdioms, PartCoherenceMetrics partCoherence, SwingMetrics swing,
                          MemorizationMetrics memorization, ReproducibilityMetrics reproducibility, Double seconds) {
    public static final String FORMAT = "loopsmith-eval-metrics";
    public static final int VERSION = 1;
    /** What a metrics.json without format and version is: eval wrote version 1's keys before it wrote those fields. */
    private static final int UNVERSIONED = 1;
    /** How Jackson words a null where a number belongs. */
    private static final String NULL_PRIMITIVE = "Cannot map `null` into type";

    /**
     * Unknown fields are tolerated, so that a field added within a version does not make older reports unreadable; a
     * change older builds must not read bumps {@link #VERSION}. A null or missing count is refused rather than read as 0.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public EvalMetrics {
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
        if (version < 1 || version > VERSION) throw new IllegalArgumentException("version must be 1 to " + VERSION + ", was " + version);
        required(source, "source");
        modelVocabularyGenres = modelVocabularyGenres == null ? null : List.copyOf(modelVocabularyGenres);
        required(reference, "reference");
        required(sampling, "sampling");
        required(validity, "validity");
        features = ordered(features, "features");
        required(distributionMatch, "distribution_match");
        required(conditioning, "conditioning");
        required(genreAdherence, "genre_adherence");
        required(genreClassifier, "genre_classifier");
        required(drumIdioms, "drum_idioms");
        required(partCoherence, "part_coherence");
        required(swing, "swing");
        required(memorization, "memorization");
        required(reproducibility, "reproducibility");
    }

    /** The sampling settings the pieces were generated with (as {@code generate}'s options name them). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sampling(double temperature, int topK, double topP, double guidance, double minP, double harmony) {
        static Sampling of(SamplingConfig s) {
            return new Sampling(s.temperature(), s.topK(), s.topP(), s.guidance(), s.minP(), s.harmony());
        }
    }

    /** One scalar feature's mean over the pieces where it is finite, four decimals; null where it never is. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeatureMeans(Double generatedMean, Double referenceMean) { }

    /** Writes {@code file} atomically. */
    public void write(Path file) {
        AtomicFiles.write(file, "metrics", out -> JSON.writeValue(out, this));
    }

    /**
     * The metrics in {@code file}. Format and version are checked before the fields, so that a newer file is named as
     * such rather than as a puzzling missing field.
     */
    public static EvalMetrics read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read eval metrics: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) throw new LoopsmithException(file, "not eval metrics (not a JSON object)");
        JsonNode format = tree.get("format");
        if (format != null && !FORMAT.equals(format.asText()))
            throw new LoopsmithException(file, "not eval metrics (format is '" + format.asText() + "', not '" + FORMAT + "')");
        JsonNode v = tree.get("version");
        if (v != null && !v.canConvertToExactIntegral())
            throw new LoopsmithException(file, "eval metrics version '" + v.asText() + "' is not a whole number");
        int version = v == null ? UNVERSIONED : v.asInt();
        if (version > VERSION)
            throw new LoopsmithException(file, "eval metrics version " + version + " is newer than this Loopsmith reads (1 to "
                    + VERSION + "); read it with the Loopsmith that wrote it, or a newer one");
        if (version < 1) throw new LoopsmithException(file, "eval metrics version " + version + " does not exist (versions start at 1)");
        ObjectNode versioned = ((ObjectNode) tree).deepCopy();
        versioned.put("format", FORMAT);
        versioned.put("version", version);
        try {
            return JSON.treeToValue(versioned, EvalMetrics.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, "eval metrics are incomplete or damaged: " + reason(e), e);
        }
    }

    /** Why the document did not bind, naming the field: "validity.rate: ..." or "missing required field 'swing'". */
    private static String reason(JsonProcessingException e) {
        String at = "";
        if (e instanceof JsonMappingException m)
            for (JsonMappingException.Reference r : m.getPath())
                at += r.getFieldName() != null ? (at.isEmpty() ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]";
        String why = e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                // Jackson's own wording ends in a hint about its settings, which is not for users.
                : e.getOriginalMessage().startsWith(NULL_PRIMITIVE) ? "null where a number belongs" : e.getOriginalMessage();
        return at.isEmpty() ? why : at + ": " + why;
    }

    /** A field the document must give a value; thrown from the compact constructors, so that a reader names it. */
    static <T> T required(T value, String field) {
        if (value == null) throw new IllegalArgumentException("missing required field '" + field + "'");
        return value;
    }

    /** An unmodifiable copy that keeps the order the keys were written in (Map.copyOf would not). */
    static <V> Map<String, V> ordered(Map<String, V> map, String field) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(required(map, field)));
    }
}
