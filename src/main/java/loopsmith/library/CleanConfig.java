package loopsmith.library;

import java.util.Optional;
import loopsmith.music.Key;

/**
 * How ingest cleans a file. Defaults in {@link #defaults()}.
 *
 * @param gridStepsPerQuarter quantization grid; the tokenizer's grid (24) by default, 4 for plain 16ths
 * @param quantizeStrength    0 leaves timing alone, 1 snaps onsets to the grid, in between moves them part way
 * @param detectSwing         find a consistent swing, store its ratio and straighten it before quantizing
 * @param keepPickup          keep a pickup (notes only late in the first bar) as a partial first bar
 * @param mergeDuplicateRoles merge tracks that share a role (two drum tracks → one kit) instead of keeping both
 * @param transposeTo         move pitched tracks to this key (same mode, nearest transposition); empty = leave
 */
public record CleanConfig(int gridStepsPerQuarter, double quantizeStrength, boolean detectSwing, boolean keepPickup,
                          boolean mergeDuplicateRoles, Optional<Key> transposeTo) {
    public CleanConfig {
        if (gridStepsPerQuarter < 1) throw new IllegalArgumentException("gridStepsPerQuarter must be >= 1");
        if (!(quantizeStrength >= 0 && quantizeStrength <= 1)) throw new IllegalArgumentException("quantizeStrength must be 0..1");
        transposeTo = transposeTo == null ? Optional.empty() : transposeTo;
    }

    public static CleanConfig defaults() {
        return new CleanConfig(24, 1.0, true, false, false, Optional.empty());
    }
}
