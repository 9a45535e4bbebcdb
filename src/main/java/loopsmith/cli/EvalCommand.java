package loopsmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.eval.EvalConfig;
import loopsmith.eval.EvalMetrics;
import loopsmith.generate.SamplingConfig;
import loopsmith.eval.Evaluation;
import loopsmith.service.GenerateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Measure a model against a labelled MIDI folder: validity, feature distributions, "
        + "conditioning, memorization and reproducibility; writes REPORT/metrics.json and REPORT/index.md.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith eval --reference ../shared/corpus --n 48 --out eval-report",
            "  ./loopsmith eval --model runs/funk --reference my-library --train ds --n 200 --seed 7 --out eval-funk --json",
            "  ./loopsmith eval --reference ../shared/corpus --generated eval-report/generated --out eval-again",
            "  ./loopsmith eval --reference ../shared/corpus/pop909 --held-out runs/default/dataset --bars 4 --n 100 --out eval-pop909"})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", description = "A model file or training run (default: the bundled model).") Path model;

    @Option(names = "--reference", required = true, description = "Labelled MIDI folder (metadata.csv, sidecars or names) to compare with.")
    Path reference;

    @Option(names = "--train", description = "The model's training set, a dataset folder or MIDI folder, for the "
            + "memorization check (default: the reference folder).") Path train;

    @Option(names = "--held-out", paramLabel = "DATASET", description = "Judge only the reference folder's files this dataset "
            + "held out; the folder's files it trained on give the real-data ceiling, its train split the memorization check "
            + "(the reference folder: the library the dataset ingested, or a folder in it, as a recipe links each corpus).")
    Path heldOut;

    @Option(names = "--generated", description = "Judge this folder of generated MIDI instead of generating.") Path generated;

    @Option(names = "--n", defaultValue = "200", description = "Pieces to generate (default: ${DEFAULT-VALUE}).") int pieces;

    @Option(names = "--bars", defaultValue = "8", description = "Bars per piece and reference window (default: ${DEFAULT-VALUE}).") int bars;

    @Option(names = "--limit", defaultValue = "0", description = "Read at most this many reference files, a seeded sample (default: all).")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of piece 0; piece i uses seed + i (default: ${DEFAULT-VALUE}).") long seed;

    @Option(names = "--out", required = true, description = "Report folder.") Path out;

    @Option(names = "--json", description = "Print metrics.json on stdout as well.") boolean json;

    @Option(names = "--temperature", description = "Sampling temperature of the generated pieces (default: generate's, ${DEFAULT-VALUE}).")
    double temperature = SamplingConfig.defaults().temperature();

    @Option(names = "--top-p", description = "Nucleus sampling threshold (default: generate's, ${DEFAULT-VALUE}).")
    double topP = SamplingConfig.defaults().topP();

    @Option(names = "--guidance", description = "Classifier-free guidance on the genre (default: generate's, ${DEFAULT-VALUE}).")
    double guidance = SamplingConfig.defaults().guidance();

    @Option(names = "--min-p", description = "Min-p sampling threshold (default: generate's: the model's; a model made by learn: 0, the bundled one: " + SamplingConfig.DEFAULT_MIN_P + ").")
    Double minP;

    @Option(names = "--harmony", description = "Bonus for bass and melody notes on the chord part's tones; 0 = off (default: generate's, " + SamplingConfig.DEFAULT_HARMONY + ").")
    Double harmony;

    @Option(names = "--roles", split = ",", description = "Parts every generated piece gets, e.g. drums,bass,chords,melody (default: each reference file's own).")
    List<String> roles;

    @Option(names = "--ask", split = ",", description = "Which of each reference file's tags the requests carry, as ingest labelled "
            + "the file: genre, style, mood, feel; instrument asks each part on the program the file plays it with, not the "
            + "genre's usual one (default: genre).")
    List<String> ask;

    @Option(names = "--match-length", description = "Each piece as long as its reference file's window (at most --bars): "
            + "a 2-bar fill is asked for as 2 bars.")
    boolean matchLength;

    @Option(names = "--no-idiom-guard", description = "Judge the model's first drum part alone, not the drums generate keeps "
            + "(the genre's idiom, from up to " + loopsmith.eval.DrumIdiomGuard.MOST_DRUM_PARTS + " drum parts).")
    boolean noIdiomGuard;

    private static boolean isInstrument(String word) {
        return word.trim().equalsIgnoreCase(EvalConfig.ASK_INSTRUMENT);
    }

    private static loopsmith.tokens.Token.TagKind tagKind(String word) {
        for (loopsmith.tokens.Token.TagKind k : loopsmith.tokens.Token.TagKind.values())
            if (k.name().equalsIgnoreCase(word.trim())) return k;
        throw new loopsmith.music.LoopsmithException(null, "--ask: unknown tag '" + word + "' (genre, style, mood, feel, "
                + EvalConfig.ASK_INSTRUMENT + ")");
    }

    @Override
    public Integer call() {
        Path home = Home.path();
        Path modelPath = model != null ? model : home.resolve(GenerateService.DEFAULT_MODEL);
        EvalConfig d = EvalConfig.defaults(modelPath, reference, out);
        EvalConfig config = new EvalConfig(modelPath, reference, Optional.ofNullable(train), Optional.ofNullable(generated), pieces,
                bars, limit, seed, out, d.reproducibilityChecks(), d.pianoRolls(), d.folds(), d.neighbours(),
                new SamplingConfig(temperature, d.sampling().topK(), topP, d.sampling().maxTokens(), guidance,
                        minP != null ? minP : d.sampling().minP(), harmony != null ? harmony : d.sampling().harmony()),
                roles == null ? List.of() : roles.stream().map(r -> loopsmith.music.Role.parse(r).orElseThrow(() ->
                        new loopsmith.music.LoopsmithException(null, "--roles: unknown role '" + r + "' (drums, bass, chords, melody, pad)"))).toList(),
                !noIdiomGuard, ask == null ? EvalConfig.ASK_GENRE : ask.stream().filter(w -> !isInstrument(w)).map(EvalCommand::tagKind)
                        .collect(java.util.stream.Collectors.toSet()),
                matchLength, ask != null && ask.stream().anyMatch(EvalCommand::isInstrument), Optional.ofNullable(heldOut));
        EvalMetrics metrics = Evaluation.run(config, ProgressBars.eval(ProgressBars.wanted(json)));
        if (json) {
            System.out.println(Json.of(metrics));
        } else {
            System.out.println(out.resolve("index.md"));
            System.out.println("validity " + metrics.validity().rate()
                    + ", mean overlap " + metrics.distributionMatch().meanOverlap()
                    + (metrics.distributionMatch().meanOverlapCi95() == null ? "" : " " + metrics.distributionMatch().meanOverlapCi95())
                    + (metrics.distributionMatch().ofCeiling() == null ? "" : " (" + metrics.distributionMatch().ofCeiling()
                        + " of the ceiling " + metrics.distributionMatch().ceiling() + ")")
                    + ", genre adherence " + metrics.conditioning().genreAdherence()
                    + " (judge accuracy " + metrics.genreClassifier().cvAccuracy() + ")"
                    + ", copied windows " + metrics.memorization().copiedWindowRate());
        }
        return 0;
    }
}
