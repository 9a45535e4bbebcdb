package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import loopsmith.NativeTest;
import loopsmith.train.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus starter} and {@code train --recipe}, through the real CLI. */
@NativeTest
class CorpusAndRecipeTest {
    @Test
    void starterCorpusCommandWritesLoopsAndLabels(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("corpus", "starter", "--out", dir.toString(), "--per-genre", "3", "--genres", "house,reggae", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(6, j.get("loops").asInt());
        assertEquals(3, j.get("genres").get("reggae").asInt());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(6, files.filter(f -> f.toString().endsWith(".mid")).count());
        }
        assertEquals(7, Files.readAllLines(dir.resolve("metadata.csv")).size());
    }

    @Test
    void unknownGenreIsAClearError(@TempDir Path dir) {
        Cli r = Cli.run("corpus", "starter", "--out", dir.toString(), "--genres", "polka-step");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("unknown starter genre 'polka-step'"), r.err());
    }

    @Test
    void theDefaultRecipeParses() {
        Recipe v1 = Recipe.load("default-v1", Path.of("."));
        assertEquals("default-v1", v1.name());
        assertTrue(v1.starterPerGenre() >= 100);
        assertEquals(java.util.List.of(), v1.corpora());
        Recipe r = Recipe.load("default", Path.of("."));
        assertEquals("default", r.name());
        assertEquals("small", r.preset());
        assertEquals(java.util.List.of("groove", "pop909"), r.corpora(), "licence-clean human performances; not Nottingham (GPL) or Pop-K (NC)");
        assertEquals(java.util.Set.of("starter", "groove", "pop909"), r.weights().keySet());
        assertTrue(r.maxMinutes() > 0);
        assertTrue(r.init().orElseThrow().endsWith(Path.of("runs/default-v1/checkpoints/best.ckpt")), "fine-tuned from the starter-only model's run");
        assertEquals(3e-4, r.learningRate().orElseThrow(), 1e-12);
    }

    @Test
    void aRecipeRunsFromDataToCheckpoint(@TempDir Path dir) throws Exception {
        Path recipe = dir.resolve("tiny.yaml");
        Files.writeString(recipe, """
                name: tiny
                starter: {per_genre: 2, seed: 5}
                ingest: {bars: 4}
                train: {preset: tiny, max_steps: 3, eval_every: 3}
                """);
        Path run = dir.resolve("run");
        Cli r = Cli.run("train", "--recipe", recipe.toString(), "--out", run.toString(), "--no-samples", "--batch", "2", "--accumulate", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("recipe tiny"), r.err());
        assertTrue(Files.isRegularFile(run.resolve("data/starter/metadata.csv")));
        assertTrue(Files.isRegularFile(run.resolve("dataset/dataset.json")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/best.ckpt")));
        assertTrue(r.out().contains("stopped at step 3"), r.out());

        // Weights name the library's sources (here the starter genres); the run says how it draws them, and a weight
        // that names nothing is refused before training, naming the recipe.
        Files.writeString(recipe, Files.readString(recipe) + "weights: {house: 3}\n");
        Cli weighted = Cli.run("train", "--recipe", recipe.toString(), "--out", dir.resolve("weighted").toString(), "--no-samples",
                "--batch", "2", "--accumulate", "1");
        assertEquals(0, weighted.exitCode(), weighted.err());
        assertTrue(weighted.err().matches("(?s).*drawing [^\n]*house \\d+\\.\\d% \\(\\d+ segments\\).*"), weighted.err());
        Files.writeString(recipe, Files.readString(recipe).replace("house: 3", "hous: 3"));
        Cli misspelled = Cli.run("train", "--recipe", recipe.toString(), "--out", dir.resolve("misspelled").toString(), "--no-samples");
        assertEquals(2, misspelled.exitCode());
        assertTrue(misspelled.err().contains("error: " + recipe + ": recipe tiny: weight hous names nothing in the training data"),
                misspelled.err());
        assertFalse(Files.exists(dir.resolve("misspelled/checkpoints/best.ckpt")));

        // A recipe that fine-tunes names the model it starts from and its own peak learning rate.
        Path fineTune = dir.resolve("tiny-ft.yaml");
        Files.writeString(fineTune, """
                name: tiny-ft
                starter: {per_genre: 2, seed: 6}
                ingest: {bars: 4}
                train: {preset: tiny, max_steps: 2, eval_every: 2, lr: 0.001, tag_dropout: 0.3, init: %s}
                """.formatted(run.resolve("checkpoints/best.ckpt")));
        Path ftRun = dir.resolve("ft");
        Cli ft = Cli.run("train", "--recipe", fineTune.toString(), "--out", ftRun.toString(), "--no-samples", "--batch", "2", "--accumulate", "1");
        assertEquals(0, ft.exitCode(), ft.err());
        com.fasterxml.jackson.databind.JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ftRun.resolve("train-config.json").toFile());
        assertEquals(0.001, config.path("learningRate").asDouble(), 1e-12);
        assertEquals(20, config.path("warmupSteps").asInt(), "fine-tuning's short warm-up");
        assertEquals(0.3, config.path("tagDropout").asDouble(), 1e-12, "the recipe's tag dropout");

        Files.writeString(fineTune, Files.readString(fineTune).replace("checkpoints/best.ckpt", "checkpoints/missing.ckpt"));
        Cli missing = Cli.run("train", "--recipe", fineTune.toString(), "--out", dir.resolve("ft2").toString(), "--no-samples");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("fine-tunes from") && missing.err().contains("missing.ckpt"), missing.err());

        // The data step alone needs no model to start from: it is what eval --held-out reads the split from.
        Path dataRun = dir.resolve("data-only");
        Cli data = Cli.run("train", "--recipe", fineTune.toString(), "--out", dataRun.toString(), "--data-only");
        assertEquals(0, data.exitCode(), data.err());
        assertEquals(dataRun.resolve("dataset").toString(), data.out().strip());
        assertTrue(Files.isRegularFile(dataRun.resolve("dataset").resolve(loopsmith.dataset.DatasetFormat.MANIFEST)));
        assertFalse(Files.exists(dataRun.resolve("checkpoints")), "nothing trained");
    }

    @Test
    void trainNeedsADatasetOrARecipeAndBadRecipesNameTheFile(@TempDir Path dir) throws Exception {
        Cli none = Cli.run("train", "--out", dir.resolve("run").toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("either --dataset or --recipe"), none.err());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "train: [unclosed");
        Cli r = Cli.run("train", "--recipe", bad.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + bad + ": not valid YAML"), r.err());
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "starter: {per_genre: 2}\ntrain: {max_step: 3}\n");
        Cli unknown = Cli.run("train", "--recipe", typo.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown key 'train.max_step'") && unknown.err().contains("max_steps"), unknown.err());
        Files.writeString(typo, "train: {batch: many}\n");
        Cli wrongType = Cli.run("train", "--recipe", typo.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, wrongType.exitCode());
        assertTrue(wrongType.err().contains(typo + ": train.batch: "), wrongType.err());
        Files.writeString(typo, "train: {tag_dropout: 1.5}\n");
        Cli badChance = Cli.run("train", "--recipe", typo.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, badChance.exitCode());
        assertTrue(badChance.err().contains(typo + ": train.tag_dropout: a chance, 0 to 1"), badChance.err());
        Cli missing = Cli.run("train", "--recipe", "nonesuch", "--out", dir.resolve("run").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such recipe"), missing.err());
    }
}
