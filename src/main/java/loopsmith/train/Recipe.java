package loopsmith.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import loopsmith.music.LoopsmithException;

/**
 * A training recipe kept in the repository ({@code recipes/NAME.yaml}): which data (the starter corpus, corpora
 * beside the repository), how it is segmented, and the training settings, so a bundled model can be rebuilt by one
 * command. Values a recipe leaves out take the defaults of {@link TrainConfig#defaults()}.
 */
public record Recipe(String name, Path file, int starterPerGenre, long starterSeed, List<String> corpora,
                     Map<String, Double> weights, int bars,
                     String preset, int batch, int accumulation, int maxSteps, int evalEvery, double maxMinutes, long seed,
                     Optional<Path> init, OptionalDouble learningRate, double tagDropout) {

    /** {@code NAME} (a file {@code recipes/NAME.yaml} under {@code home}) or a path to a YAML file. */
    public static Recipe load(String nameOrFile, Path home) {
        Path file = nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") ? Path.of(nameOrFile)
                : home.resolve("recipes").resolve(nameOrFile + ".yaml");
        if (!nameOrFile.matches("[\\w./-]+")) throw new LoopsmithException(null, "--recipe: not a recipe name or file: " + nameOrFile);
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "no such recipe");
        RecipeFile y = RecipeFile.read(file);
        TrainConfig d = TrainConfig.defaults();
        RecipeFile.Starter starter = y.starter() == null ? new RecipeFile.Starter(null, null) : y.starter();
        RecipeFile.Ingest ingest = y.ingest() == null ? new RecipeFile.Ingest(null) : y.ingest();
        RecipeFile.Train train = y.train() == null ? new RecipeFile.Train(null, null, null, null, null, null, null, null, null, null) : y.train();
        Map<String, Double> weights = new java.util.TreeMap<>();
        if (y.weights() != null) y.weights().forEach((source, v) -> {
            if (v == null || !(v >= 0)) throw new LoopsmithException(file, "weights: " + source + " must be 0 or more, found " + v);
            weights.put(source, v);
        });
        if (train.tagDropout() != null && !(train.tagDropout() >= 0 && train.tagDropout() <= 1))
            throw new LoopsmithException(file, "train.tag_dropout: a chance, 0 to 1, found " + train.tagDropout());
        if (train.init() != null && train.init().isBlank()) throw new LoopsmithException(file, "init: expected a path to a model file or run folder");
        return new Recipe(or(y.name(), file.getFileName().toString()), file, or(starter.perGenre(), 0), or(starter.seed(), 1L),
                y.corpora() == null ? List.of() : List.copyOf(y.corpora()), weights, or(ingest.bars(), 8),
                or(train.preset(), d.preset()), or(train.batch(), d.batchSize()), or(train.accumulate(), d.accumulation()),
                or(train.maxSteps(), d.maxSteps()), or(train.evalEvery(), d.evalEvery()), or(train.maxMinutes(), d.maxMinutes()),
                or(train.seed(), d.seed()), Optional.ofNullable(train.init()).map(i -> home.resolve(i).normalize()),
                train.lr() == null ? OptionalDouble.empty() : OptionalDouble.of(train.lr()), or(train.tagDropout(), d.tagDropout()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The corpus folders, resolved against {@code sharedCorpus} ({@code ../shared/corpus}) when relative. */
    public List<Path> corpusFolders(Path sharedCorpus) {
        return corpora.stream().map(c -> Path.of(c).isAbsolute() ? Path.of(c) : sharedCorpus.resolve(c)).toList();
    }
}
