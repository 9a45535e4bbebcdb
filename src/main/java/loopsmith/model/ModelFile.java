package loopsmith.model;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import loopsmith.format.TypedJson;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;

/**
 * A usable model: weights and the vocabulary they were trained with, from one checkpoint file (the vocabulary's
 * config travels in the checkpoint header, so a single file is a complete model). A run folder names its best
 * checkpoint.
 */
public record ModelFile(Path file, Gpt.Config config, Vocabulary vocabulary, Checkpoint.Contents contents) {
    public static final String RUN_CHECKPOINTS = "checkpoints";
    public static final String BEST = "best.ckpt";
    public static final String LAST = "last.ckpt";
    /** Key of the header state under which training keeps its run state ({@code train.RunState}). */
    public static final String TRAIN_STATE = "train";
    /** Key of the training state listing the tags the model saw in training (GENRE=house, …). */
    public static final String SEEN_TAGS = "seen_tags";
    /** Key of the training state counting the programs each role was played on, per genre ({@link PlayedInstrument}). */
    public static final String PLAYED_INSTRUMENTS = "played_instruments";

    /** Key of the header state saying how the model asks to be sampled ({@link ModelSampling}); absent: generate's defaults. */
    public static final String SAMPLING = "sampling";

    /** A checkpoint file, or a run folder (its best checkpoint, else its last). */
    public static ModelFile load(Path fileOrRun) {
        Path file = fileOf(fileOrRun);
        Checkpoint.Contents c = Checkpoint.load(file);
        JsonNode vocab = c.state().path("vocabulary");
        if (vocab.isMissingNode()) throw new LoopsmithException(file, "model file carries no vocabulary");
        Vocabulary vocabulary = Vocabulary.fromStoredConfig(file, vocab);
        if (vocabulary.size() != c.config().vocabSize())
            throw new LoopsmithException(file, "model expects " + c.config().vocabSize() + " tokens but its vocabulary has " + vocabulary.size());
        java.util.List<String> missing = Checkpoint.missingWeights(c.config(), c.tensors());
        if (!missing.isEmpty()) throw new LoopsmithException(file, "model file lacks weights: " + missing.get(0) + " and " + (missing.size() - 1) + " more");
        return new ModelFile(file, c.config(), vocabulary, c);
    }

    /**
     * Tags the model saw in training, as GENRE=house; empty for models trained before this was recorded. Read here
     * rather than through {@code train.RunState} because generation must not depend on the training layer; the two
     * share the key constants.
     */
    public java.util.Optional<java.util.Set<String>> seenTags() {
        return trained().flatMap(t -> java.util.Optional.ofNullable(t.seenTags())).map(java.util.TreeSet::new);
    }

    /**
     * The programs the last training data played each role on, per genre; empty for models trained before this was
     * recorded (the bundled one among them). Only the model's own training data counts, not its base model's: a
     * fine-tuned model answers with its library's sounds.
     */
    public java.util.Optional<java.util.List<PlayedInstrument>> playedInstruments() {
        return trained().flatMap(t -> java.util.Optional.ofNullable(t.playedInstruments())).map(java.util.List::copyOf);
    }

    private java.util.Optional<TrainedTags> trained() {
        JsonNode train = contents.state().path(TRAIN_STATE);
        if (!train.isObject()) return java.util.Optional.empty();
        return java.util.Optional.of(read(file, train, TrainedTags.class, "training state"));
    }

    /** How this model asks to be sampled where a request does not say; empty: generate's defaults. */
    public java.util.Optional<ModelSampling> sampling() {
        return sampling(file, contents.state());
    }

    /** How the model in a file or run folder asks to be sampled, read from its header alone (no weights). */
    public static java.util.Optional<ModelSampling> samplingOf(Path fileOrRun) {
        Path file = fileOf(fileOrRun);
        return sampling(file, Checkpoint.header(file).state());
    }

    /** {@code source} written to {@code target} asking to be sampled as {@code sampling}; weights and every other state kept. */
    public static void writeWithSampling(Path source, Path target, ModelSampling sampling) {
        Checkpoint.withState(source, target, state -> {
            state.set(SAMPLING, TypedJson.tree(sampling));
            return state;
        });
    }

    private static java.util.Optional<ModelSampling> sampling(Path file, JsonNode state) {
        JsonNode node = state.path(SAMPLING);
        if (node.isMissingNode() || node.isNull()) return java.util.Optional.empty();
        return java.util.Optional.of(read(file, node, ModelSampling.class, "sampling entry"));
    }

    /** A typed record of the header state; a field that does not read is named with the file. */
    private static <T> T read(Path file, JsonNode node, Class<T> type, String what) {
        try {
            return TypedJson.READER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LoopsmithException(file, "damaged " + what + " in the model file: " + TypedJson.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new LoopsmithException(file, "damaged " + what + " in the model file: " + e.getMessage(), e);
        }
    }

    private static Path fileOf(Path fileOrRun) {
        Path file = fileOrRun;
        if (Files.isDirectory(fileOrRun)) {
            Path best = fileOrRun.resolve(RUN_CHECKPOINTS).resolve(BEST);
            file = Files.exists(best) ? best : fileOrRun.resolve(RUN_CHECKPOINTS).resolve(LAST);
        }
        if (!Files.isRegularFile(file)) throw new LoopsmithException(fileOrRun, "no model found (expected a .ckpt file or a run folder)");
        return file;
    }

    /** The fields of the training state generation reads: the run state's own record lives in the train layer. */
    private record TrainedTags(@com.fasterxml.jackson.annotation.JsonProperty(SEEN_TAGS) java.util.List<String> seenTags,
                               @com.fasterxml.jackson.annotation.JsonProperty(PLAYED_INSTRUMENTS) java.util.List<PlayedInstrument> playedInstruments) { }

    /** The model's weights on a device. */
    public Gpt open(Device device) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (String name : Gpt.layout(config).keySet()) weights.put(name, contents.tensors().get(name));
        return Gpt.fromWeights(config, weights, device);
    }

    /** The header state a checkpoint needs to be a complete model: the vocabulary's config. */
    public static ObjectNode stateWithVocabulary(Vocabulary vocabulary) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("vocabulary", TypedJson.tree(vocabulary.config()));
        return state;
    }
}
