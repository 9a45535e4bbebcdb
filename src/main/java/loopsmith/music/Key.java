package loopsmith.music;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A key: tonic pitch class (0 = C … 11 = B) and mode. Printed as {@code "A minor"}, {@code "F# major"}. */
public record Key(int tonicPitchClass, Mode mode) {
    // Conventional spellings: the ones producers and the shared corpus use (Eb minor, F# major, Bb major, C# minor).
    private static final String[] MAJOR_NAMES = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final String[] MINOR_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
    private static final Pattern KEY = Pattern.compile(
            "^([a-g])\\s*(#|b|♯|♭|is|es|s|sharp|flat)?\\s*[-_:\\s]?\\s*"
                    + "(major|minor|maj|min|moll|dur|mi|ma|m|)$");

    public Key {
        if (tonicPitchClass < 0 || tonicPitchClass > 11)
            throw new IllegalArgumentException("tonicPitchClass must be 0..11, was " + tonicPitchClass);
        if (mode == null) throw new IllegalArgumentException("mode must not be null");
    }

    public String tonicName() {
        return (mode == Mode.MAJOR ? MAJOR_NAMES : MINOR_NAMES)[tonicPitchClass];
    }

    /** {@code "A minor"}. */
    public String displayName() {
        return tonicName() + " " + mode.label();
    }

    /** {@code "Am"}, {@code "F#"}: the short form used in file names. */
    public String shortName() {
        return tonicName() + (mode == Mode.MINOR ? "m" : "");
    }

    /** Whether the pitch (any octave) belongs to this key's scale. */
    public boolean inScale(int pitch) {
        int degree = Math.floorMod(pitch - tonicPitchClass, 12);
        for (int s : mode.scaleSemitones()) if (s == degree) return true;
        return false;
    }

    /** The same key moved by some semitones. */
    public Key transposed(int semitones) {
        return new Key(Math.floorMod(tonicPitchClass + semitones, 12), mode);
    }

    @Override
    public String toString() {
        return displayName();
    }

    /**
     * The key a MIDI key-signature event means: {@code sharps} in -7..7 (negative = flats), minor or major.
     * Empty when the values are out of range.
     */
    public static Optional<Key> fromKeySignature(int sharps, boolean minor) {
        if (sharps < -7 || sharps > 7) return Optional.empty();
        int majorTonic = Math.floorMod(sharps * 7, 12); // each sharp moves the tonic a fifth up
        return Optional.of(minor ? new Key(Math.floorMod(majorTonic + 9, 12), Mode.MINOR) : new Key(majorTonic, Mode.MAJOR));
    }

    /** Sharps (positive) or flats (negative) of this key's signature, in the spelling MIDI files use. */
    public int sharps() {
        int majorTonic = mode == Mode.MAJOR ? tonicPitchClass : Math.floorMod(tonicPitchClass + 3, 12);
        int s = Math.floorMod(majorTonic * 7, 12); // 0..11 sharps; prefer flats beyond 6 (Gb over F#=6 kept as sharps)
        return s > 6 ? s - 12 : s;
    }

    /**
     * Parses the ways people write keys: {@code "A minor"}, {@code "Am"}, {@code "A min"}, {@code "a-moll"},
     * {@code "F#m"}, {@code "Gb:maj"}, {@code "Eb major"}, {@code "C"}. Empty when the text is not a key.
     */
    public static Optional<Key> parse(String text) {
        if (text == null) return Optional.empty();
        String raw = text.trim();
        if (raw.isEmpty()) return Optional.empty();
        // A lone lower-case "m" suffix means minor (Am); "M" alone (AM) means major in chord-symbol habit.
        boolean capitalMajor = raw.length() >= 2 && raw.endsWith("M");
        Matcher m = KEY.matcher(raw.toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        int pc = switch (m.group(1).charAt(0)) {
            case 'c' -> 0;
            case 'd' -> 2;
            case 'e' -> 4;
            case 'f' -> 5;
            case 'g' -> 7;
            case 'a' -> 9;
            default -> 11; // b
        };
        String acc = m.group(2);
        if (acc != null) {
            switch (acc) {
                case "#", "♯", "is", "sharp" -> pc += 1;
                case "b", "♭", "es", "s", "flat" -> pc -= 1;
                default -> throw new AssertionError("unhandled accidental " + acc);
            }
        }
        String modeWord = m.group(3);
        Mode mode = switch (modeWord) {
            case "minor", "min", "moll", "mi" -> Mode.MINOR;
            case "m" -> capitalMajor ? Mode.MAJOR : Mode.MINOR;
            // German habit: lower-case tonic letter alone means minor ("a-moll" is explicit; "a" alone is ambiguous
            // in English, so we read it as major unless a minor word follows).
            default -> Mode.MAJOR;
        };
        return Optional.of(new Key(Math.floorMod(pc, 12), mode));
    }
}
