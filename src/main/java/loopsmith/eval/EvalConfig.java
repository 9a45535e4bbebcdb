package loopsmith.eval;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import loopsmith.music.Role;
import loopsmith.tokens.Token;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One evaluation run. Defaults in {@link #defaults}.
 *
 * @param model          model file or training run (generation mode)
 * @param reference      labelled folder of MIDI files to compare with and to train the genre judge on
 * @param train          the model's training set (dataset folder or MIDI folder); empty = the reference folder, which
 *                       for the bundled model is what it was trained on
 * @param generated      a folder of already generated MIDI to judge instead of generating
 * @param pieces         how many pieces to generate
 * @param bars           bars per generated piece, and the reference window length
 * @param referenceLimit read at most this many reference files (0 = all)
 * @param seed           seed of the first piece (piece i uses seed + i), of the reference sample and of the CV folds
 * @param reproducibilityChecks pieces generated a second time with the same seed
 * @param pianoRolls     samples drawn as piano rolls in the report
 * @param folds          cross-validation folds of the genre judge
 * @param neighbours     k of the k-NN genre judge
 * @param sampling       how generation draws tokens; the product's defaults unless a run compares settings
 * @param roles          parts every generated piece gets (e.g. drums, bass, chords, melody to measure coherence on
 *                       full line-ups); empty = each reference file's own parts
 * @param keepIdiom      generate as the product does, the genre's drum idiom kept ({@link DrumIdiomGuard}); false
 *                       judges the model's first drum part alone
 * @param asked          which of a reference file's tags each request carries: {@link #ASK_GENRE} by default;
 *                       {@link #ASK_ALL} adds style, mood and feel as ingest labelled the file (a Groove fill is asked
 *                       for as a fill played by a human); a tag the model does not know is left out either way
 * @param matchLength    each piece as long as its reference window (at most {@code bars}): a 2-bar Groove fill, one
 *                       bar of fill and its landing, is asked for as 2 bars, not as 4 bars of fill; false asks
 *                       {@code bars} of every piece (what coherence over 16 bars needs)
 * @param askInstruments each pitched part asked with the GM program its reference file plays it with, not the genre's
 *                       usual one ({@link loopsmith.generate.GenreInstruments}): a POP909 song's bass and melody are
 *                       piano there, and the model learned POP909 on piano but the starter's pop on a pick bass and a
 *                       lead synth, so the instrument steers which of the two it plays
 * @param heldOut        a dataset whose split picks the files: the reference folder's files it held out are judged,
 *                       the folder's files it trained on give the ceiling (unless {@code train} is a MIDI folder), and
 *                       its train split is the memorization index (unless {@code train} is given)
 */
public record EvalConfig(Path model, Path reference, Optional<Path> train, Optional<Path> generated, int pieces, int bars,
                         int referenceLimit, long seed, Path out, int reproducibilityChecks, int pianoRolls, int folds,
                         int neighbours, loopsmith.generate.SamplingConfig sampling, List<Role> roles, boolean keepIdiom,
                         Set<Token.TagKind> asked, boolean matchLength, boolean askInstruments, Optional<Path> heldOut) {
    /** Every tag of the reference file. */
    public static final Set<Token.TagKind> ASK_ALL = Set.copyOf(EnumSet.allOf(Token.TagKind.class));
    /** The genre alone: what eval asked before it could ask more, so figures measured with it stay comparable. */
    public static final Set<Token.TagKind> ASK_GENRE = Set.of(Token.TagKind.GENRE);
    /** The --ask word for {@link #askInstruments}, beside the tag kinds' names. */
    public static final String ASK_INSTRUMENT = "instrument";

    public EvalConfig {
        if (pieces < 1) throw new IllegalArgumentException("pieces must be >= 1, was " + pieces);
        if (bars < 1 || bars > loopsmith.generate.GenerationRequest.MAX_BARS)
            throw new IllegalArgumentException("bars must be 1.." + loopsmith.generate.GenerationRequest.MAX_BARS + ", was " + bars);
        if (referenceLimit < 0) throw new IllegalArgumentException("referenceLimit must be >= 0");
        if (folds < 2) throw new IllegalArgumentException("folds must be >= 2");
        if (neighbours < 1) throw new IllegalArgumentException("neighbours must be >= 1");
        train = train == null ? Optional.empty() : train;
        generated = generated == null ? Optional.empty() : generated;
        roles = roles == null ? List.of() : List.copyOf(roles);
        asked = asked == null ? ASK_GENRE : Set.copyOf(asked);
        heldOut = heldOut == null ? Optional.empty() : heldOut;
    }

    /** As generate makes ideas: the drum idiom kept. */
    public EvalConfig(Path model, Path reference, Optional<Path> train, Optional<Path> generated, int pieces, int bars,
                      int referenceLimit, long seed, Path out, int reproducibilityChecks, int pianoRolls, int folds,
                      int neighbours, loopsmith.generate.SamplingConfig sampling, List<Role> roles) {
        this(model, reference, train, generated, pieces, bars, referenceLimit, seed, out, reproducibilityChecks, pianoRolls,
                folds, neighbours, sampling, roles, true, ASK_GENRE, false, false, Optional.empty());
    }

    public EvalConfig(Path model, Path reference, Optional<Path> train, Optional<Path> generated, int pieces, int bars,
                      int referenceLimit, long seed, Path out, int reproducibilityChecks, int pianoRolls, int folds,
                      int neighbours, loopsmith.generate.SamplingConfig sampling) {
        this(model, reference, train, generated, pieces, bars, referenceLimit, seed, out, reproducibilityChecks, pianoRolls,
                folds, neighbours, sampling, List.of());
    }

    /**
     * 200 eight-bar pieces (the segment length the bundled model was trained on), two reproducibility checks, 5-NN, 5
     * folds; sampled as generate samples the model (its own min-p where it asks for one).
     */
    public static EvalConfig defaults(Path model, Path reference, Path out) {
        boolean exists = java.nio.file.Files.exists(model);
        return new EvalConfig(model, reference, Optional.empty(), Optional.empty(), 200, 8, 0, 1, out, 2, 3, 5,
                GenreClassifier.DEFAULT_K, loopsmith.generate.SamplingConfig.defaultsFor(
                        exists ? loopsmith.model.ModelFile.samplingOf(model) : Optional.empty()));
    }
}
