package loopsmith.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.Ingest;
import loopsmith.dataset.IngestConfig;
import loopsmith.music.LoopsmithException;
import loopsmith.starter.StarterConfig;
import loopsmith.starter.StarterCorpus;

/**
 * The data step of a recipe, inside the run folder: {@code RUN/data/starter} (the starter corpus, when the recipe
 * has one), {@code RUN/data/library} (links to it and to the recipe's corpora, when there is more than one source),
 * and the tokenized {@code RUN/dataset}. A dataset already there is reused, so {@code --resume} does not redo it.
 */
public final class RecipeData {
    private RecipeData() {}

    public static Path prepare(Recipe recipe, Path runDir, Path sharedCorpus, IntConsumer starterProgress, Ingest.Progress ingestProgress) {
        Path dataset = runDir.resolve("dataset");
        if (Files.isRegularFile(dataset.resolve(DatasetFormat.MANIFEST))) return dataset;
        Path data = runDir.resolve("data");
        Path starter = data.resolve("starter");
        if (recipe.starterPerGenre() > 0 && !Files.isRegularFile(starter.resolve("metadata.csv"))) {
            StarterCorpus.write(starter, new StarterConfig(recipe.starterPerGenre(), recipe.starterSeed(), StarterCorpus.GENRES),
                    starterProgress);
        }
        Path library;
        if (recipe.corpora().isEmpty()) {
            if (recipe.starterPerGenre() <= 0) throw new LoopsmithException(recipe.file(), "the recipe names no data (starter or corpora)");
            library = starter;
        } else {
            library = data.resolve("library");
            try {
                Files.createDirectories(library);
                if (recipe.starterPerGenre() > 0) link(library.resolve("starter"), starter.toAbsolutePath());
                for (Path c : recipe.corpusFolders(sharedCorpus)) {
                    if (!Files.isDirectory(c)) throw new LoopsmithException(c, "corpus folder of recipe " + recipe.name() + " not found");
                    link(library.resolve(c.getFileName().toString()), c.toAbsolutePath().normalize());
                }
            } catch (IOException e) {
                throw new LoopsmithException(library, "cannot link the recipe's sources: " + e.getMessage());
            }
        }
        Ingest.run(library, dataset, IngestConfig.withWindow(recipe.bars()), ingestProgress);
        return dataset;
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link)) Files.delete(link);
        Files.createSymbolicLink(link, target);
    }
}
