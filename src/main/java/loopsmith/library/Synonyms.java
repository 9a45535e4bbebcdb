package loopsmith.library;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import loopsmith.music.Key;
import loopsmith.music.Role;

/**
 * The one table of label spellings. Every source (folder names, file names, CSV cells, JSON and YAML values) goes
 * through here, so "Hip Hop", "hiphop" and "hip-hop" end up as the same genre however the producer wrote it.
 *
 * <p>Lookups ignore case, spaces, underscores, hyphens, dots and apostrophes ("drum'n'bass" and "Drum-n-Bass" are one
 * spelling), and fall back to the singular when a plural is not listed ("Basslines" → bassline → bass).
 */
public final class Synonyms {
    private Synonyms() {}

    /** A genre spelling: the canonical genre and, for compound names such as "deep house", the style it implies. */
    private record GenreEntry(String genre, Optional<String> style) {}

    private static final Map<String, GenreEntry> GENRES = new HashMap<>();
    private static final Map<String, String> STYLES = new HashMap<>();
    private static final Map<String, String> MOODS = new HashMap<>();
    private static final Map<String, Role> ROLES = new HashMap<>();

    // Characters a lookup ignores; '&' stays because it carries meaning in "r&b" and "d&b".
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-'’.]+");
    // A free word we keep for an unknown value: letters, digits, spaces and a little punctuation, starting with a letter.
    private static final Pattern PLAUSIBLE_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N} _\\-&'’./]*");
    private static final int MAX_WORD_CHARS = 40;

    static {
        genre("hip-hop", "hip hop", "hiphop", "hip-hop", "hip hop beats");
        genre("drum-and-bass", "dnb", "drum and bass", "drum'n'bass", "d&b", "drum-n-bass", "drum n bass", "drum & bass",
                "drumandbass");
        genre("lo-fi", "lofi", "lo-fi", "lo fi", "lofi hip hop", "chillhop");
        genre("rnb", "r&b", "rnb", "r'n'b", "r and b", "rhythm and blues");
        genre("boom-bap", "boom bap", "boombap");
        genre("neo-soul", "neo soul", "neosoul");
        genre("edm", "edm", "electronic dance music");
        genre("house", "house");
        genreWithStyle("house", "deep", "deep house");
        genreWithStyle("house", "tech", "tech house");
        genreWithStyle("house", "progressive", "progressive house", "prog house");
        genreWithStyle("house", "afro", "afro house");
        genreWithStyle("house", "future", "future house");
        genreWithStyle("house", "acid", "acid house");
        genre("techno", "techno");
        genreWithStyle("techno", "minimal", "minimal techno");
        genre("trance", "trance");
        genre("trap", "trap");
        genre("drill", "drill");
        genre("grime", "grime");
        genre("funk", "funk", "funky");
        genre("pop", "pop");
        genreWithStyle("pop", "k-pop", "kpop", "k-pop");
        genre("rock", "rock");
        genre("reggae", "reggae");
        genre("reggaeton", "reggaeton");
        genre("dancehall", "dancehall");
        genre("jazz", "jazz", "jazzy");
        genre("ambient", "ambient");
        genre("folk", "folk");
        genre("latin", "latin");
        genre("afrobeat", "afrobeat", "afrobeats", "afro beat");
        genre("afro-cuban", "afrocuban", "afro cuban");
        genre("soul", "soul", "soulful");
        genre("disco", "disco");
        genreWithStyle("disco", "nu-disco", "nu disco", "nudisco");
        genre("dubstep", "dubstep");
        genre("garage", "garage", "uk garage", "ukg", "2-step", "2 step");
        genre("country", "country");
        genre("blues", "blues", "bluesy");
        genre("gospel", "gospel");
        genre("metal", "metal");
        genre("punk", "punk");
        genre("jungle", "jungle");
        genre("breakbeat", "breakbeat", "breaks");
        genre("dub", "dub");
        genre("synthwave", "synthwave", "retrowave");
        genre("future-bass", "future bass");
        genre("hardstyle", "hardstyle");
        genre("classical", "classical");
        genre("cinematic", "cinematic", "film score");
        genre("dance", "dance");
        genre("new-orleans", "neworleans", "new orleans");
        genre("middle-eastern", "middleeastern", "middle eastern");
        genre("highlife", "highlife");
        genre("bossa-nova", "bossa nova", "bossanova", "bossa");

        // Sub-styles and rhythmic feels a name or sidecar can carry; other style values are kept as free words.
        style("deep", "deep");
        style("tech", "tech");
        style("progressive", "progressive");
        style("minimal", "minimal");
        style("beat", "beat");
        style("fill", "fill");
        style("waltz", "waltz", "waltzes");
        style("swing", "swing", "swung");
        style("shuffle", "shuffle");
        style("halftime", "halftime", "half time");
        style("jig", "jig", "jigs");
        style("reel", "reel", "reels");
        style("hornpipe", "hornpipe", "hornpipes");
        style("polka", "polka");
        style("march", "march");

        mood("dark", "dark", "darker");
        mood("happy", "happy", "joyful", "cheerful");
        mood("sad", "sad");
        mood("chill", "chill", "chilled", "chillout", "laid back", "relaxed", "relaxing");
        mood("energetic", "energetic", "energy", "hype");
        mood("dreamy", "dreamy");
        mood("melancholic", "melancholic", "melancholy");
        mood("uplifting", "uplifting");
        mood("aggressive", "aggressive", "hard");
        mood("emotional", "emotional");
        mood("epic", "epic");
        mood("romantic", "romantic");
        mood("calm", "calm", "peaceful");
        mood("mellow", "mellow", "smooth");
        mood("groovy", "groovy");
        mood("mysterious", "mysterious");

        role(Role.DRUMS, "drum", "drums", "beat", "kick", "snare", "hats", "hat", "hihat", "hi hat", "perc", "percs",
                "percussion", "clap", "toms", "cymbals");
        role(Role.BASS, "bass", "bassline", "bass line", "sub", "sub bass", "subbass", "808", "808s");
        role(Role.CHORDS, "chords", "chord", "keys", "piano", "rhodes", "stabs", "stab", "progression", "organ");
        role(Role.MELODY, "melody", "melodies", "lead", "hook", "topline", "vocal", "vocals", "arp", "arpeggio");
        role(Role.PAD, "pad", "pads", "strings", "atmos", "atmosphere", "texture");
        role(Role.FX, "fx", "sfx", "riser", "sweep", "impact", "uplifter", "downlifter", "effects");
        role(Role.OTHER, "other");
    }

    private static void genre(String canonical, String... spellings) {
        for (String s : spellings) put(GENRES, s, new GenreEntry(canonical, Optional.empty()));
    }

    private static void genreWithStyle(String canonical, String style, String... spellings) {
        for (String s : spellings) put(GENRES, s, new GenreEntry(canonical, Optional.of(style)));
    }

    private static void style(String canonical, String... spellings) {
        for (String s : spellings) put(STYLES, s, canonical);
    }

    private static void mood(String canonical, String... spellings) {
        for (String s : spellings) put(MOODS, s, canonical);
    }

    private static void role(Role role, String... spellings) {
        for (String s : spellings) put(ROLES, s, role);
    }

    private static <V> void put(Map<String, V> table, String spelling, V value) {
        V before = table.put(squash(spelling), value);
        // A spelling listed twice with different meanings would make the table order-dependent.
        if (before != null && !before.equals(value))
            throw new AssertionError("synonym '" + spelling + "' listed as both " + before + " and " + value);
    }

    /** The canonical genre of a known spelling: "Hip Hop" → hip-hop, "Deep House" → house, "funky" → funk. */
    public static Optional<String> genre(String raw) {
        return lookup(GENRES, raw).map(GenreEntry::genre);
    }

    /** The style a compound genre spelling implies: "Deep House" → deep; empty for plain genres. */
    public static Optional<String> styleOfGenre(String raw) {
        return lookup(GENRES, raw).flatMap(GenreEntry::style);
    }

    /** The canonical form of a known style word ("half time" → halftime); empty for others. */
    public static Optional<String> style(String raw) {
        return lookup(STYLES, raw);
    }

    public static Optional<String> mood(String raw) {
        return lookup(MOODS, raw);
    }

    public static Optional<Role> role(String raw) {
        return lookup(ROLES, raw);
    }

    /** A key written any common way: "Am", "A minor", "A_min", "a-moll", "F#m", "Gb:maj". */
    public static Optional<Key> key(String raw) {
        if (raw == null) return Optional.empty();
        return Key.parse(raw.trim().replaceAll("[_\\s]+", " "));
    }

    /**
     * An unknown value kept as a free word: lower case, runs of spaces and underscores as one '-'
     * ("Zydeco" → zydeco, "Neo Trad" → neo-trad); empty when the text does not look like a word.
     */
    public static Optional<String> word(String raw) {
        if (raw == null) return Optional.empty();
        String t = raw.trim();
        if (t.isEmpty() || t.length() > MAX_WORD_CHARS || !PLAUSIBLE_WORD.matcher(t).matches()) return Optional.empty();
        return Optional.of(t.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("-{2,}", "-"));
    }

    private static <V> Optional<V> lookup(Map<String, V> table, String raw) {
        if (raw == null) return Optional.empty();
        String key = squash(raw);
        if (key.isEmpty()) return Optional.empty();
        V v = table.get(key);
        if (v == null && key.length() > 3 && key.endsWith("s")) v = table.get(key.substring(0, key.length() - 1));
        return Optional.ofNullable(v);
    }

    private static String squash(String raw) {
        return IGNORED.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
