package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a file or folder name into the words a producer meant: "FunkyBeat_120bpm_Am" → FunkyBeat is split at the case
 * change into Funky, Beat; "dnb-174-Fm-drums" at the hyphens; "Trap140" between letters and digits. A word that is a
 * label as a whole ("HipHop", "DnB", "808s", "C#min", "6-8") is kept whole, because splitting it would lose it.
 * Case is kept: key tokens need it ("Am" is a key, "am" is not).
 */
final class NameTokens {
    private NameTokens() {}

    /**
     * One word of a name. {@code joined} is true when it was cut out of a longer word at a case or letter/digit
     * boundary: "100" in "jigs100" is joined (an id), "100" in "jigs_100" is not.
     */
    record Word(String text, boolean joined) {}

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_.,;()\\[\\]{}+~=]+");
    /** A meter written in a name: "3-4", "6/8", "12-8". The numerator has no leading zero so dates stay dates. */
    static final Pattern TIME_SIGNATURE = Pattern.compile("([1-9]\\d?)[-/](1|2|4|8|16|32)");
    private static final Pattern CAMEL_OR_DIGIT_BOUNDARY =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    static List<Word> split(String name) {
        List<Word> out = new ArrayList<>();
        for (String coarse : SEPARATORS.split(name)) {
            if (coarse.isEmpty()) continue;
            if (TIME_SIGNATURE.matcher(coarse).matches() || isLabelWord(coarse)) {
                out.add(new Word(coarse, false));
                continue;
            }
            for (String part : coarse.split("-")) {
                if (part.isEmpty()) continue;
                if (isLabelWord(part)) {
                    out.add(new Word(part, false));
                    continue;
                }
                String[] pieces = CAMEL_OR_DIGIT_BOUNDARY.split(part);
                for (String w : pieces) if (!w.isEmpty()) out.add(new Word(w, pieces.length > 1));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isLabelWord(String w) {
        return Synonyms.genre(w).isPresent() || Synonyms.role(w).isPresent() || Synonyms.mood(w).isPresent()
                || KeyToken.single(w).isPresent() || NameHints.explicitBpm(w).isPresent();
    }
}
