package loopsmith.model;

import loopsmith.UnitTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.LoopsmithException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: the bundled one loads and rewrites to the same bytes, files round-trip, and damage is named. */
@UnitTest
class CheckpointTest {
    static final Path BUNDLED = Path.of("models/default.ckpt");
    static final String MAGIC = "LSMCKPT1";

    @Test
    void theBundledModelLoads() {
        Checkpoint.Contents c = Checkpoint.load(BUNDLED);
        assertEquals(new Gpt.Config(1357, 1024, 6, 8, 256, 0.1f), c.config());
        assertEquals(76, c.tensors().size());
        assertEquals(1357 * 256, c.tensors().get("wte").length);
        assertTrue(c.state().path("vocabulary").isObject(), "the vocabulary travels in the header");
        assertEquals(1700, c.state().path("train").path("step").asInt());
    }

    /**
     * What this build writes for the bundled model is the file as it is, byte for byte: files written now load in
     * builds from before the typed header, and the bundled one in this build.
     */
    @Test
    void theBundledModelRewritesToTheSameBytes(@TempDir Path dir) throws IOException {
        Checkpoint.Contents c = Checkpoint.load(BUNDLED);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (CheckpointHeader.Tensor t : headerOf(BUNDLED).tensors())
            shapes.put(t.name(), t.shape().stream().mapToLong(Long::longValue).toArray());
        Path copy = dir.resolve("copy.ckpt");
        Checkpoint.save(copy, c.config(), c.state(), c.tensors(), shapes);
        assertEquals(-1, Files.mismatch(BUNDLED, copy), "the first byte that differs");
    }

    @Provide
    Arbitrary<CheckpointHeader> headers() {
        Arbitrary<Gpt.Config> config = Combinators.combine(Arbitraries.integers().between(2, 5000), Arbitraries.integers().between(2, 4096),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 16), Arbitraries.integers().between(1, 64),
                Arbitraries.floats().between(0, 0.99f)).as((v, t, l, h, perHead, d) -> new Gpt.Config(v, t, l, h, h * perHead, d));
        Arbitrary<CheckpointHeader.Tensor> tensor = Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(20),
                Arbitraries.longs().between(0, 9).list().ofMaxSize(3)).as(CheckpointHeader.Tensor::new);
        Arbitrary<ObjectNode> state = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), Arbitraries.strings().ofMaxLength(12))
                .ofMaxSize(3).map(m -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    m.forEach(o::put);
                    return o;
                });
        return Combinators.combine(config, state, tensor.list().ofMaxSize(5).uniqueElements(CheckpointHeader.Tensor::name))
                .as((c, s, t) -> new CheckpointHeader(CheckpointHeader.FORMAT, c, s, t));
    }

    @Property(tries = 200)
    void aHeaderReadsBackEqual(@ForAll("headers") CheckpointHeader header) {
        assertEquals(header, CheckpointHeader.parse(Path.of("x.ckpt"), header.toBytes()));
    }

    @Property(tries = 40)
    void aFileReadsBackItsConfigStateAndTensors(@ForAll("headers") CheckpointHeader header) throws IOException {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(header.hashCode());
        for (CheckpointHeader.Tensor t : header.tensors()) {
            float[] values = new float[t.elements()];
            for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian();
            tensors.put(t.name(), values);
            shapes.put(t.name(), t.shape().stream().mapToLong(Long::longValue).toArray());
        }
        Path file = Files.createTempFile("checkpoint", ".ckpt");
        try {
            Checkpoint.save(file, header.config(), header.state(), tensors, shapes);
            Checkpoint.Contents c = Checkpoint.load(file);
            assertEquals(header.config(), c.config());
            assertEquals(header.state(), c.state());
            assertEquals(List.copyOf(tensors.keySet()), List.copyOf(c.tensors().keySet()), "in the order saved");
            tensors.forEach((name, values) -> assertArrayEquals(values, c.tensors().get(name), name));
            assertEquals(header, headerOf(file));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aNewerFormatIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = write(dir, "{\"format\":2,\"config\":{\"vocabSize\":4},\"tensors\":[],\"fp16\":true}", 0);
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> Checkpoint.load(file));
        assertEquals(file, e.file());
        assertEquals("model file format 2 is newer than this build reads (1); update Loopsmith", e.reason());
        // 2^32 + 1 is not wrapped round to 1.
        Path wrapped = write(dir, "{\"format\":4294967297,\"config\":{\"vocabSize\":4},\"tensors\":[]}", 0);
        e = assertThrows(LoopsmithException.class, () -> Checkpoint.load(wrapped));
        assertEquals("model file format 4294967297 is newer than this build reads (1); update Loopsmith", e.reason());
    }

    @Test
    void aDamagedHeaderIsNamedWithItsFile(@TempDir Path dir) throws IOException {
        String config = "{\"vocabSize\":8,\"contextTokens\":4,\"layers\":1,\"heads\":1,\"embedDim\":2,\"dropout\":0.0}";
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("{\"format\":1,\"config\":" + config + ",\"tens", "damaged model file header: not valid JSON");
        reasons.put("[1, 2]", "damaged model file header: it is not a JSON object");
        reasons.put("{\"config\":" + config + ",\"tensors\":[]}", "damaged model file header: missing required field 'format'");
        reasons.put("{\"format\":\"one\",\"config\":" + config + ",\"tensors\":[]}", "damaged model file header: format 'one' is not a whole number");
        reasons.put("{\"format\":1,\"tensors\":[]}", "damaged model file header: missing required field 'config'");
        reasons.put("{\"format\":1,\"config\":" + config + "}", "damaged model file header: missing required field 'tensors'");
        reasons.put("{\"format\":1,\"config\":" + config + ",\"tensors\":[{\"name\":\"wte\"}]}",
                "damaged model file header: missing required field 'tensors[0].shape'");
        reasons.put("{\"format\":1,\"config\":" + config.replace("\"heads\":1", "\"heads\":3") + ",\"tensors\":[]}",
                "damaged model file header: embedDim % heads != 0");
        reasons.put("{\"format\":1,\"config\":" + config + ",\"tensors\":[{\"name\":\"wte\",\"shape\":[8,-2]}]}",
                "damaged model file header: tensor 'wte' has a negative dimension [8, -2]");
        reasons.put("{\"format\":1,\"config\":" + config + ",\"tensors\":[{\"name\":\"a\",\"shape\":[2]},{\"name\":\"a\",\"shape\":[2]}]}",
                "damaged model file header: tensor 'a' is listed twice");
        reasons.put("{\"format\":1,\"config\":" + config + ",\"tensors\":[{\"name\":\"wte\",\"shape\":[8,2]}]}",
                "damaged model file (truncated: its header lists 64 bytes of tensors, 16 follow it)");
        int i = 0;
        for (Map.Entry<String, String> r : reasons.entrySet()) {
            Path file = write(dir.resolve("case-" + i++), r.getKey(), 16);
            LoopsmithException e = assertThrows(LoopsmithException.class, () -> Checkpoint.load(file), r.getKey());
            assertEquals(file, e.file(), r.getKey());
            assertTrue(e.reason().startsWith(r.getValue()), r.getKey() + " gave: " + e.reason());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    @Test
    void aTensorWhoseValuesDisagreeWithItsShapeIsNotWritten(@TempDir Path dir) {
        Gpt.Config config = new Gpt.Config(8, 4, 1, 1, 2, 0);
        Path file = dir.resolve("bad.ckpt");
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(file, config, null, Map.of("wte", new float[15]),
                Map.of("wte", new long[] {8, 2})));
        assertTrue(Files.notExists(file));
    }

    /** A new state goes into the header; the config and every tensor byte after it stay as they were. */
    @Test
    void aNewStateIsWrittenBesideTheSameTensors(@TempDir Path dir) throws IOException {
        ObjectNode state = Checkpoint.header(BUNDLED).state().deepCopy();
        state.put("note", "written again");
        Path copy = dir.resolve("copy.ckpt");
        Checkpoint.withState(BUNDLED, copy, old -> state);
        assertEquals(state, Checkpoint.header(copy).state());
        Checkpoint.Contents before = Checkpoint.load(BUNDLED);
        Checkpoint.Contents after = Checkpoint.load(copy);
        assertEquals(before.config(), after.config());
        assertEquals(before.tensors().keySet().stream().toList(), after.tensors().keySet().stream().toList(), "same tensors, same order");
        for (String name : before.tensors().keySet()) assertArrayEquals(before.tensors().get(name), after.tensors().get(name), name);
        long headerGrowth = Checkpoint.header(copy).toBytes().length - Checkpoint.header(BUNDLED).toBytes().length;
        assertEquals(Files.size(BUNDLED) + headerGrowth, Files.size(copy), "only the header changed length");
    }

    /** A cut-off source is named, and a file already at the target keeps its bytes. */
    @Test
    void aTruncatedSourceLeavesTheTargetAsItWas(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.ckpt");
        byte[] whole = Files.readAllBytes(BUNDLED);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        Path target = Files.writeString(dir.resolve("mine.ckpt"), "an earlier model");
        LoopsmithException e = assertThrows(LoopsmithException.class,
                () -> Checkpoint.withState(cut, target, old -> JsonNodeFactory.instance.objectNode()));
        assertTrue(e.getMessage().contains("cut.ckpt") && e.getMessage().contains("truncated"), e.getMessage());
        assertEquals("an earlier model", Files.readString(target));
    }

    /** The header as stored in {@code file}, read the way {@link Checkpoint#load} finds it. */
    static CheckpointHeader headerOf(Path file) throws IOException {
        try (var in = new java.io.DataInputStream(Files.newInputStream(file))) {
            assertEquals(MAGIC, new String(in.readNBytes(MAGIC.length()), StandardCharsets.US_ASCII));
            return CheckpointHeader.parse(file, in.readNBytes(in.readInt()));
        }
    }

    /** A model file with {@code header} as its JSON and {@code dataBytes} zero bytes after it. */
    static Path write(Path dir, String header, int dataBytes) throws IOException {
        Files.createDirectories(dir);
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(json.length);
        out.write(json);
        out.write(new byte[dataBytes]);
        return Files.write(dir.resolve("model.ckpt"), bytes.toByteArray());
    }
}
