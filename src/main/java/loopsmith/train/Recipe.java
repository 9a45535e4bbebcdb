package loopsmith.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import loopsmith.music.LoopsmithException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A training recipe kept in the repository ({@code recipes/NAME.yaml}): which data (the starter corpus, corpora
 * beside the repository), how it is segmented, and the training settings, so a bundled model can be rebuilt by one
 * command. Values a recipe leaves out take the defaults of {@link TrainConfig#defaults()}.
 */
public record Recipe(String name, Path file, int starterPerGenre, long starterSeed, List<String> corpora,
                     Map<String, Double> weights, int bars,
                     String preset, int batch, int accumulation, int maxSteps, int evalEvery, double maxMinutes, long seed,
                     Optional<Path> init, OptionalDouble learningRate) {

    /** {@code NAME} (a file {@code recipes/NAME.yaml} under {@code home}) or a path to a YAML file. */
    public static Recipe load(String nameOrFile, Path home) {
        Path file = nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") ? Path.of(nameOrFile)
                : home.resolve("recipes").resolve(nameOrFile + ".yaml");
        if (!nameOrFile.matches("[\\w./-]+")) throw new LoopsmithException(null, "--recipe: not a recipe name or file: " + nameOrFile);
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "no such recipe");
        Map<String, Object> y;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(parsed instanceof Map<?, ?> m)) throw new LoopsmithException(file, "a recipe is a YAML mapping");
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
            y = map;
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof LoopsmithException le) throw le;
            throw new LoopsmithException(file, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        TrainConfig d = TrainConfig.defaults();
        Map<String, Object> starter = section(y, "starter", file);
        Map<String, Object> ingest = section(y, "ingest", file);
        Map<String, Object> train = section(y, "train", file);
        Object corpora = y.getOrDefault("corpora", List.of());
        if (!(corpora instanceof List<?> list)) throw new LoopsmithException(file, "corpora: expected a list of folder names");
        Map<String, Object> w = section(y, "weights", file);
        Map<String, Double> weights = new java.util.TreeMap<>();
        for (String source : w.keySet()) {
            double v = number(w, source, 1, file).doubleValue();
            if (!(v >= 0)) throw new LoopsmithException(file, "weights: " + source + " must be 0 or more, found " + v);
            weights.put(source, v);
        }
        return new Recipe(String.valueOf(y.getOrDefault("name", file.getFileName().toString())), file,
                number(starter, "per_genre", 0, file).intValue(), number(starter, "seed", 1, file).longValue(),
                list.stream().map(String::valueOf).toList(), weights, number(ingest, "bars", 8, file).intValue(),
                String.valueOf(train.getOrDefault("preset", d.preset())), number(train, "batch", d.batchSize(), file).intValue(),
                number(train, "accumulate", d.accumulation(), file).intValue(), number(train, "max_steps", d.maxSteps(), file).intValue(),
                number(train, "eval_every", d.evalEvery(), file).intValue(), number(train, "max_minutes", 0, file).doubleValue(),
                number(train, "seed", d.seed(), file).longValue(), init(train, home, file),
                train.containsKey("lr") ? OptionalDouble.of(number(train, "lr", 0, file).doubleValue()) : OptionalDouble.empty());
    }

    /**
     * The model a recipe fine-tunes from ({@code train.init}, relative to the repository): a fine-tuned bundled model
     * names the run of the recipe it starts from, which must be trained first.
     */
    private static Optional<Path> init(Map<String, Object> train, Path home, Path file) {
        Object v = train.get("init");
        if (v == null) return Optional.empty();
        if (!(v instanceof String s) || s.isBlank()) throw new LoopsmithException(file, "init: expected a path to a model file or run folder");
        return Optional.of(home.resolve(s).normalize());
    }

    /** The corpus folders, resolved against {@code sharedCorpus} ({@code ../shared/corpus}) when relative. */
    public List<Path> corpusFolders(Path sharedCorpus) {
        return corpora.stream().map(c -> Path.of(c).isAbsolute() ? Path.of(c) : sharedCorpus.resolve(c)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> y, String key, Path file) {
        Object v = y.get(key);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?>)) throw new LoopsmithException(file, key + ": expected a mapping");
        return (Map<String, Object>) v;
    }

    private static Number number(Map<String, Object> section, String key, Number fallback, Path file) {
        Object v = section.get(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n)) throw new LoopsmithException(file, key + ": expected a number, found '" + v + "'");
        return n;
    }
}
