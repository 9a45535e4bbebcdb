package loopsmith.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import loopsmith.NativeTest;
import loopsmith.export.ExportConfig;
import loopsmith.generate.SamplingConfig;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.ModelFile;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaded model is kept between calls and replaced when its file changes; warm-up runs the default model once. */
@NativeTest
class GenerateServiceTest {
    @TempDir
    Path dir;

    private static void tinyModel(Path file, int seed) throws Exception {
        Vocabulary v = Vocabulary.defaults();
        Gpt.Config c = Gpt.Config.tiny(v.size());
        try (Gpt g = Gpt.create(c, seed, Device.cpu())) {
            Checkpoint.save(file, c, ModelFile.stateWithVocabulary(v), Checkpoint.weightsOf(g), Checkpoint.shapesOf(g));
        }
    }

    private static GenerateOptions options(Path model, Path out) {
        return GenerateInput.into(out).text("house").bars(1).roles(List.of("drums", "bass")).seed(3L).model(model)
                .export(ExportConfig.midiOnly()).resolve();
    }

    private static String sha(Path folder) throws Exception {
        JsonNode sidecar = new ObjectMapper().readTree(folder.resolve("loopsmith.json").toFile());
        return sidecar.at("/model/sha256").asText();
    }

    @Test
    void aChangedModelFileIsReadAgain() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/models"));
        Path model = home.resolve("default.ckpt");
        tinyModel(model, 1);
        GenerateService service = new GenerateService(dir.resolve("home"), Clock.systemUTC(), "test");
        assertTrue(service.warmUp() > 0);
        String first = sha(service.generate(options(model, dir.resolve("out1"))).folders().get(0));
        assertEquals(first, sha(service.generate(options(model, dir.resolve("out2"))).folders().get(0)), "the same file, kept");
        tinyModel(model, 2);
        Files.setLastModifiedTime(model, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertNotEquals(first, sha(service.generate(options(model, dir.resolve("out3"))).folders().get(0)), "a new file is read again");
    }

    /** A learned model asks for no min-p cut: generate samples it so unless the request asks for a threshold. */
    @Test
    void aModelsOwnMinPIsTheDefaultAndAnAskedOneWins() throws Exception {
        Path plain = dir.resolve("plain.ckpt");
        tinyModel(plain, 1);
        Path learned = dir.resolve("learned.ckpt");
        ModelFile.writeWithSampling(plain, learned, loopsmith.model.ModelSampling.LEARNED);
        GenerateService service = new GenerateService(dir.resolve("home"), Clock.systemUTC(), "test");
        assertEquals(SamplingConfig.DEFAULT_MIN_P, minP(service.generate(options(plain, dir.resolve("a"))).folders().get(0)));
        assertEquals(0.0, minP(service.generate(options(learned, dir.resolve("b"))).folders().get(0)));
        GenerateOptions asked = GenerateInput.into(dir.resolve("c")).text("house").bars(1).roles(List.of("drums", "bass")).seed(3L)
                .model(learned).minP(0.2).export(ExportConfig.midiOnly()).resolve();
        assertEquals(0.2, minP(service.generate(asked).folders().get(0)));
    }

    private static double minP(Path folder) throws Exception {
        JsonNode recorded = new ObjectMapper().readTree(folder.resolve("loopsmith.json").toFile()).findValue("min_p");
        assertNotNull(recorded, "the sidecar records the min-p used");
        return recorded.asDouble();
    }
}
