package loopsmith.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;

/**
 * A model file: a JSON header ({@link CheckpointHeader}: format, the model config, whatever state the caller adds,
 * tensor names and shapes) followed by the tensors as float32 little-endian, in header order.
 *
 * <pre>
 *   "LSMCKPT1"  8 bytes magic
 *   int32 BE    header length
 *   header      UTF-8 JSON: {"format":1, "config":{…}, "state":{…}, "tensors":[{"name":…, "shape":[…]}, …]}
 *   data        each tensor's floats, little-endian
 * </pre>
 * Written to a temp file beside the target, flushed to disk, then renamed over it: a crash never leaves a
 * half-written checkpoint. fp16 storage (for the bundled model) is a later addition behind the same header.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "LSMCKPT1".getBytes(StandardCharsets.US_ASCII);
    /** Far above any header written (the bundled model's is 6 kB): a larger length is a damaged file, not a header. */
    private static final int MAX_HEADER_BYTES = 64 << 20;

    /** What a file holds: the config, the caller's state (a JSON object) and named tensors. */
    public record Contents(Gpt.Config config, JsonNode state, Map<String, float[]> tensors) { }

    private Checkpoint() {}

    /** Writes {@code tensors} in their map order, each with its shape from {@code shapes}. */
    public static void save(Path file, Gpt.Config config, JsonNode state, Map<String, float[]> tensors, Map<String, long[]> shapes) {
        List<CheckpointHeader.Tensor> table = new ArrayList<>();
        for (Map.Entry<String, float[]> t : tensors.entrySet()) {
            long[] shape = shapes.get(t.getKey());
            if (shape == null) throw new IllegalArgumentException("no shape for tensor " + t.getKey());
            CheckpointHeader.Tensor entry = CheckpointHeader.Tensor.of(t.getKey(), shape);
            // The reader takes each tensor's length from its shape; a mismatch would shift every tensor after it.
            if (entry.elements() != t.getValue().length)
                throw new IllegalArgumentException("tensor " + t.getKey() + " has " + t.getValue().length + " values, its shape "
                        + entry.shape() + " says " + entry.elements());
            table.add(entry);
        }
        if (state != null && !state.isObject()) throw new IllegalArgumentException("checkpoint state must be a JSON object, was " + state.getNodeType());
        CheckpointHeader header = new CheckpointHeader(CheckpointHeader.FORMAT, config, (ObjectNode) state, table);
        byte[] headerBytes = header.toBytes();
        long expectedBytes = MAGIC.length + 4L + headerBytes.length + header.dataBytes();
        AtomicFiles.write(file, "checkpoint", out -> {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length);
            head.put(MAGIC).putInt(headerBytes.length).put(headerBytes);
            out.write(head.array());
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            long written = head.capacity();
            for (float[] values : tensors.values()) {
                for (float v : values) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        written += buf.position();
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
            written += buf.position();
            if (written != expectedBytes) throw new IOException("short write");
        });
    }

    public static Contents load(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 20))) {
            CheckpointHeader header = readHeader(file, in);
            Map<String, float[]> tensors = new LinkedHashMap<>();
            byte[] buf = new byte[1 << 16];
            for (CheckpointHeader.Tensor t : header.tensors()) {
                float[] values = new float[t.elements()];
                int filled = 0;
                while (filled < values.length) {
                    int n = Math.min(buf.length / 4, values.length - filled);
                    in.readFully(buf, 0, n * 4);
                    ByteBuffer.wrap(buf, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, filled, n);
                    filled += n;
                }
                tensors.put(t.name(), values);
            }
            return new Contents(header.config(), header.state(), tensors);
        } catch (java.io.EOFException e) {
            throw new LoopsmithException(file, "damaged model file (truncated)", e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read model file: " + e.getMessage(), e);
        }
    }

    /** The header alone (config and state), without reading the tensors. */
    public static CheckpointHeader header(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            return readHeader(file, in);
        } catch (java.io.EOFException e) {
            throw new LoopsmithException(file, "damaged model file (truncated)", e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read model file: " + e.getMessage(), e);
        }
    }

    /**
     * {@code source} written to {@code target} with its header's state changed by {@code change} (given a copy of the
     * old one): config, tensor table and every tensor byte as they were (copied, not parsed and re-encoded).
     */
    public static void withState(Path source, Path target, java.util.function.UnaryOperator<ObjectNode> change) {
        AtomicFiles.write(target, "checkpoint", out -> {
            try (InputStream raw = Files.newInputStream(source); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 20))) {
                CheckpointHeader old = readHeader(source, in);
                byte[] headerBytes = new CheckpointHeader(old.format(), old.config(), change.apply(old.state().deepCopy()), old.tensors()).toBytes();
                ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length);
                head.put(MAGIC).putInt(headerBytes.length).put(headerBytes);
                out.write(head.array());
                long copied = in.transferTo(out);
                if (copied != old.dataBytes()) throw new IOException(source + ": " + copied + " bytes of tensors, its header lists " + old.dataBytes());
            }
        });
    }

    /** Magic, length and header; checks that the tensors the header lists follow it, so a cut-off file is named as such. */
    private static CheckpointHeader readHeader(Path file, DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw new LoopsmithException(file, "not a Loopsmith model file");
        int headerLength = in.readInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) throw new LoopsmithException(file, "damaged model file (header length)");
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) throw new java.io.EOFException();
        CheckpointHeader header = CheckpointHeader.parse(file, headerBytes);
        long dataBytes = Files.size(file) - MAGIC.length - 4L - headerLength;
        if (dataBytes < header.dataBytes())
            throw new LoopsmithException(file, "damaged model file (truncated: its header lists " + header.dataBytes()
                    + " bytes of tensors, " + dataBytes + " follow it)");
        return header;
    }

    /** The floats of a model's weights, for saving. */
    public static Map<String, float[]> weightsOf(Gpt model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.weights().forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    public static Map<String, long[]> shapesOf(Gpt model) {
        Map<String, long[]> out = new LinkedHashMap<>();
        model.weights().forEach((name, array) -> out.put(name, array.getShape().getShape()));
        return out;
    }

    /** Splits loaded tensors into the model's weights (by layout) and everything else (optimizer state). */
    public static List<String> missingWeights(Gpt.Config config, Map<String, float[]> tensors) {
        List<String> missing = new ArrayList<>();
        for (String name : Gpt.layout(config).keySet()) if (!tensors.containsKey(name)) missing.add(name);
        return missing;
    }
}
