package loopsmith.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loopsmith.music.LoopsmithException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A recipe file as written (YAML, snake_case), every field optional: {@link Recipe#load} applies the defaults. Bound
 * by Jackson from SnakeYAML's tree, so a key this build does not know (a typo like {@code max_step}) is refused with
 * its path instead of being ignored.
 */
record RecipeFile(String name, Starter starter, List<String> corpora, Map<String, Double> weights, Ingest ingest, Train train) {
    record Starter(Integer perGenre, Long seed) { }

    record Ingest(Integer bars) { }

    /** {@code init}: the model the recipe fine-tunes from, relative to the repository. */
    record Train(String preset, Integer batch, Integer accumulate, Integer maxSteps, Integer evalEvery, Double maxMinutes,
                 Long seed, String init, Double lr, Double tagDropout) { }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static RecipeFile read(Path file) {
        Object tree;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new LoopsmithException(file, "not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (!(tree instanceof Map<?, ?>)) throw new LoopsmithException(file, "a recipe is a YAML mapping");
        try {
            return JSON.convertValue(tree, RecipeFile.class);
        } catch (IllegalArgumentException e) {
            throw new LoopsmithException(file, reason(e));
        }
    }

    /** The field at fault by its path in the file ({@code train.max_steps}), and what is wrong with it. */
    private static String reason(IllegalArgumentException e) {
        if (!(e.getCause() instanceof JsonMappingException m)) return String.valueOf(e.getMessage());
        String path = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (m instanceof UnrecognizedPropertyException u)
            return "unknown key '" + path + "' (known here: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")";
        return path + ": " + m.getOriginalMessage().lines().findFirst().orElse("not the expected type");
    }
}
