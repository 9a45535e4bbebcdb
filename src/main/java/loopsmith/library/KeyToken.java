package loopsmith.library;

import java.util.Optional;
import java.util.regex.Pattern;
import loopsmith.music.Key;

/**
 * Key spellings we accept inside file and folder names. Names are full of short words, so we are stricter than
 * {@link Key#parse}: the tonic letter is a capital and must carry an accidental or a mode ("Am", "F#m", "Bb", "Cmaj",
 * "C#min"); a lone capital letter ("C") is never a key, because "Take C" or "Part B" would become keys. A lower-case
 * tonic is accepted only with a spelled-out mode ("amin", "f#min"). A capital "M" suffix is not read as major, so
 * "3AM" stays a time of day.
 */
final class KeyToken {
    private KeyToken() {}

    private static final Pattern SINGLE = Pattern.compile(
            "[A-G](?:(?:#|b|♯|♭)(?:m|(?i:min|minor|maj|major))?|(?:m|(?i:min|minor|maj|major)))"
                    + "|[a-g](?:#|b)?(?i:min|minor|maj|major)");
    private static final Pattern TONIC = Pattern.compile("[A-Ga-g](?:#|b|♯|♭)?");
    private static final Pattern MODE_WORD = Pattern.compile("(?i:min|minor|maj|major)");

    /** A key written as one token: "Am", "Bbmaj", "C#min". */
    static Optional<Key> single(String token) {
        if (!SINGLE.matcher(token).matches()) return Optional.empty();
        return Synonyms.key(token);
    }

    /** A key written as two tokens: "A" "minor", "Eb" "maj" (from "A_minor", "Eb maj"). */
    static Optional<Key> pair(String tonic, String mode) {
        if (!TONIC.matcher(tonic).matches() || !MODE_WORD.matcher(mode).matches()) return Optional.empty();
        return Synonyms.key(tonic + " " + mode);
    }
}
