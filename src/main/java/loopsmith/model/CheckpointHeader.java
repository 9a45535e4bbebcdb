package loopsmith.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loopsmith.format.TypedJson;
import loopsmith.music.LoopsmithException;

/**
 * The JSON header of a model file ({@link Checkpoint} lays out the bytes around it): the file's format, the model's
 * config, the caller's state, and the table of the tensors that follow the header. {@link Checkpoint} writes it only
 * through {@link #toBytes()} and reads it only through {@link #parse}, so a renamed field fails there, by name, instead
 * of reading as 0 further on.
 *
 * <p>Format {@value #FORMAT} is every model file so far, the bundled one included. The record writes the same bytes the
 * hand-built header did (fields in this order, nothing added), so a file written now still loads in older builds.
 *
 * @param format  always {@link #FORMAT} when written; a newer one is refused
 * @param state   the caller's JSON object, carried unread: the vocabulary's config ({@link ModelFile}) and training's run
 *                state. It stays a JSON object because model may not know training's types; an empty object when absent
 * @param tensors in data order: each tensor's floats follow the previous one's, so offsets are not stored
 */
@JsonPropertyOrder({"format", "config", "state", "tensors"})
public record CheckpointHeader(@JsonProperty(required = true) int format,
                               @JsonProperty(required = true) Gpt.Config config,
                               ObjectNode state,
                               @JsonProperty(required = true) List<Tensor> tensors) {
    public static final int FORMAT = 1;

    public CheckpointHeader {
        TypedJson.required(config, "config");
        if (state == null) state = JsonNodeFactory.instance.objectNode();
        tensors = List.copyOf(TypedJson.required(tensors, "tensors"));
        Set<String> names = new HashSet<>();
        for (Tensor t : tensors)
            if (!names.add(t.name())) throw new IllegalArgumentException("tensor '" + t.name() + "' is listed twice");
    }

    /**
     * One tensor's entry in the table: its floats are {@link #elements()} float32 values, little-endian.
     *
     * @param shape dimensions, outermost first
     */
    public record Tensor(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<Long> shape) {
        public Tensor {
            TypedJson.required(name, "tensors.name");
            shape = List.copyOf(TypedJson.required(shape, "tensors.shape"));
            // A float[] holds at most Integer.MAX_VALUE values; a larger count is a damaged header, not a model.
            long elements = 1;
            for (long d : shape) {
                if (d < 0) throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension " + shape);
                elements = d == 0 ? 0 : elements > Integer.MAX_VALUE / d ? Long.MAX_VALUE : elements * d;
            }
            if (elements > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor '" + name + "' is too large: " + shape);
        }

        public static Tensor of(String name, long[] shape) {
            return new Tensor(name, java.util.Arrays.stream(shape).boxed().toList());
        }

        public int elements() {
            long n = 1;
            for (long d : shape) n *= d;
            return (int) n;
        }
    }

    /** Bytes of float data the table lists, which follow the header. */
    public long dataBytes() {
        long bytes = 0;
        for (Tensor t : tensors) bytes += (long) Float.BYTES * t.elements();
        return bytes;
    }

    /** The header as stored: compact UTF-8 JSON. */
    public byte[] toBytes() {
        try {
            return TypedJson.WRITER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render checkpoint header", e);
        }
    }

    /**
     * The header of {@code file}, from its stored bytes. The format is checked before the fields, so that a newer file
     * is named as such rather than as a puzzling missing field.
     */
    public static CheckpointHeader parse(Path file, byte[] json) {
        try {
            JsonNode tree = TypedJson.READER.readTree(json);
            if (tree == null || !tree.isObject()) throw damaged(file, "it is not a JSON object");
            JsonNode format = tree.get("format");
            if (format == null || format.isNull()) throw damaged(file, "missing required field 'format'");
            if (!format.canConvertToExactIntegral()) throw damaged(file, "format '" + format.asText() + "' is not a whole number");
            // As a BigInteger, so that a format past int's range is not wrapped round into one this build reads.
            java.math.BigInteger number = format.bigIntegerValue();
            if (number.compareTo(java.math.BigInteger.valueOf(FORMAT)) > 0)
                throw new LoopsmithException(file, "model file format " + number + " is newer than this build reads (" + FORMAT
                        + "); update Loopsmith");
            if (number.signum() < 1) throw damaged(file, "format " + number + " does not exist (formats start at 1)");
            return TypedJson.READER.treeToValue(tree, CheckpointHeader.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, "damaged model file header: " + TypedJson.reason(e), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read model file header: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage()); // what Jackson throws for a tree it cannot convert
        }
    }

    private static LoopsmithException damaged(Path file, String why) {
        return new LoopsmithException(file, "damaged model file header: " + why);
    }
}
