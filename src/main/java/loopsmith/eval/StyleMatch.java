package loopsmith.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.generate.SamplingConfig;

/**
 * How close a model's pieces come to a library's held-out files: the mean overlap of their feature distributions
 * (as {@code eval} measures it), read against the ceiling, the overlap between the library's own training files and
 * the same held-out files. A model that writes like the library scores near the ceiling; 0.85 of it is the
 * fine-tuning target. Held-out and training files are told apart by file, never by window.
 *
 * @param overlap   mean overlap, generated vs held-out
 * @param ceiling   mean overlap, training files vs held-out
 * @param generatedFeatures the pieces that decoded (of those asked for), as measured
 * @param heldOutFeatures   the held-out files' windows
 * @param trainingFeatures  the training files' windows read for the ceiling
 */
public record StyleMatch(double overlap, double ceiling, List<PieceFeatures> generatedFeatures, List<PieceFeatures> heldOutFeatures,
                         List<PieceFeatures> trainingFeatures) {
    public StyleMatch {
        generatedFeatures = List.copyOf(generatedFeatures);
        heldOutFeatures = List.copyOf(heldOutFeatures);
        trainingFeatures = List.copyOf(trainingFeatures);
    }

    /** Share of the ceiling reached; 1 = as close as the library is to itself. */
    public double ofCeiling() {
        return ceiling > 0 ? overlap / ceiling : Double.NaN;
    }

    /** The share of the ceiling's 95% interval ({@link OverlapInterval}); empty where a side is empty. */
    public Optional<OverlapInterval> ofCeilingInterval(long seed) {
        return OverlapInterval.ofCeiling(generatedFeatures, heldOutFeatures, trainingFeatures, seed);
    }

    /** Pieces that decoded. */
    public int generated() {
        return generatedFeatures.size();
    }

    /** Held-out windows read. */
    public int heldOut() {
        return heldOutFeatures.size();
    }

    /** Training windows read for the ceiling. */
    public int training() {
        return trainingFeatures.size();
    }

    /**
     * Generates {@code pieces} pieces of {@code bars} bars from {@code model}, each asked for the genre, tempo, meter,
     * key, parts and instruments of a held-out file (cycling through them), and measures them against the held-out
     * files. The instruments are the file's because a library is played on its own sounds, which a genre's usual ones
     * (folk's fiddle, where a folk library plays piano) may not be, and the model hears the instrument it is asked for.
     */
    public static StyleMatch measure(Path model, Path library, List<ReferenceSet.Item> heldOut, List<ReferenceSet.Item> training,
                                     int pieces, int bars, long seed, SamplingConfig sampling, Evaluation.Progress progress) {
        EvalConfig config = new EvalConfig(model, library, Optional.empty(), Optional.empty(), pieces, bars, 0, seed,
                library, 0, 0, 2, GenreClassifier.DEFAULT_K, sampling, List.of(), true, EvalConfig.ASK_GENRE, false, true, Optional.empty());
        Evaluation.Generation g = Evaluation.generate(config, heldOut, progress);
        List<PieceFeatures> gen = g.samples().stream().flatMap(s -> s.piece().stream()).map(PieceFeatures::of).toList();
        List<PieceFeatures> held = heldOut.stream().map(ReferenceSet.Item::features).toList();
        List<PieceFeatures> train = training.stream().map(ReferenceSet.Item::features).toList();
        return new StyleMatch(meanOverlap(gen, held), meanOverlap(train, held), gen, held, train);
    }

    static double meanOverlap(List<PieceFeatures> a, List<PieceFeatures> reference) {
        if (a.isEmpty() || reference.isEmpty()) return 0;
        Double overlap = Evaluation.distributionMatch(a, reference).meanOverlap();
        return overlap == null ? 0 : overlap;
    }
}
