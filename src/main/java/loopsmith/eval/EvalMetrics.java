package loopsmith.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.format.TypedJson;
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
 * @param heldOutBy            the dataset whose held-out files of the reference folder were judged ({@code eval
 *                             --held-out}); absent when the whole folder was
 * @param pieces               pieces judged
 * @param bars                 bars asked of each piece, and of each reference window
 * @param seed                 seed of piece 0; piece i used seed + i
 * @param askedTags            which of each reference file's tags the requests carried ("genre", "style", "mood",
 *                             "feel"), and "instrument" when each part was asked on the file's program; absent when
 *                             pieces were read from a folder, and in files written before it was
 * @param matchLength          true when each piece was asked as long as its reference window (at most {@code bars});
 *                             absent as {@code askedTags} is
 * @param referenceFiles       reference files read
 * @param referenceSkipped     reference files that could not be read
 * @param features             per scalar feature, in {@link PieceFeatures#scalarNames()} order
 * @param seconds              how long the evaluation took, before the report was drawn
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EvalMetrics(String format, int version, String source,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> modelVocabularyGenres,
                          @JsonInclude(JsonInclude.Include.NON_NULL) InfillContinuityMetrics infillContinuity,
                          String model, String reference, @JsonInclude(JsonInclude.Include.NON_NULL) String heldOutBy, int pieces, int bars, long seed, Sampling sampling,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> askedTags,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean matchLength,
                          int referenceFiles, int referenceSkipped, ValidityMetrics validity, Map<String, FeatureMeans> features,
                          DistributionMetrics distributionMatch, ConditioningMetrics conditioning,
                          GenreAdherenceMetrics genreAdherence, GenreClassifierMetrics genreClassifier,
                          DrumIdiomMetrics drumIdioms, PartCoherenceMetrics partCoherence, SwingMetrics swing,
                          MemorizationMetrics memorization, ReproducibilityMetrics reproducibility, Double seconds) {
    public static final String FORMAT = "loopsmith-eval-metrics";
    public static final int VERSION = 1;
    /** A metrics.json without format and version is version 1: eval wrote version 1's keys before it wrote those fields. */
    private static final TypedJson.Format VERSIONS = new TypedJson.Format(FORMAT, "eval metrics file", VERSION, 1,
            "read it with the Loopsmith that wrote it, or a newer one");


    public EvalMetrics {
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
        if (version < 1 || version > VERSION) throw new IllegalArgumentException("version must be 1 to " + VERSION + ", was " + version);
        TypedJson.required(source, "source");
        modelVocabularyGenres = modelVocabularyGenres == null ? null : List.copyOf(modelVocabularyGenres);
        TypedJson.required(reference, "reference");
        TypedJson.required(sampling, "sampling");
        askedTags = askedTags == null ? null : List.copyOf(askedTags);
        TypedJson.required(validity, "validity");
        features = ordered(features, "features");
        TypedJson.required(distributionMatch, "distribution_match");
        TypedJson.required(conditioning, "conditioning");
        TypedJson.required(genreAdherence, "genre_adherence");
        TypedJson.required(genreClassifier, "genre_classifier");
        TypedJson.required(drumIdioms, "drum_idioms");
        TypedJson.required(partCoherence, "part_coherence");
        TypedJson.required(swing, "swing");
        TypedJson.required(memorization, "memorization");
        TypedJson.required(reproducibility, "reproducibility");
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
        AtomicFiles.write(file, "metrics", out -> TypedJson.PRETTY.writeValue(out, this));
    }

    /**
     * The metrics in {@code file}. Format and version are checked before the fields, so that a newer file is named as
     * such rather than as a puzzling missing field.
     */
    public static EvalMetrics read(Path file) {
        JsonNode tree;
        try {
            tree = TypedJson.READER.readTree(java.nio.file.Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, TypedJson.reason(e), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read eval metrics: " + e.getMessage(), e);
        }
        try {
            // Unknown fields are tolerated (TypedJson), so a field added within a version does not make older reports
            // unreadable; a change older builds must not read bumps VERSION. A null or missing count is refused, not 0.
            return TypedJson.READER.treeToValue(VERSIONS.versioned(file, tree), EvalMetrics.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, "eval metrics are incomplete or damaged: " + TypedJson.reason(e), e);
        }
    }

    /** An unmodifiable copy that keeps the order the keys were written in (Map.copyOf would not). */
    static <V> Map<String, V> ordered(Map<String, V> map, String field) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(TypedJson.required(map, field)));
    }
}
