package loopsmith.library;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    private static final Map<String, GenreEntry> GENRES;
    private static final Map<String, String> STYLES;
    private static final Map<String, String> MOODS;
    private static final Map<String, Role> ROLES;
    private static final Map<String, Instrument> INSTRUMENTS;

    // Characters a lookup ignores; '&' stays because it carries meaning in "r&b" and "d&b".
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-'’.]+");
    // A free word we keep for an unknown value: letters, digits, spaces and a little punctuation, starting with a letter.
    private static final Pattern PLAUSIBLE_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N} _\\-&'’./]*");
    private static final int MAX_WORD_CHARS = 40;

    static {
        Table b = new Table();
        b.genre("hip-hop", "hip hop", "hiphop", "hip-hop", "hip hop beats");
        b.genreWithStyle("hip-hop", "jazzy", "jazzy hip hop", "jazz hop", "jazzhop");
        b.genre("drum-and-bass", "dnb", "drum and bass", "drum'n'bass", "d&b", "drum-n-bass", "drum n bass", "drum & bass",
                "drumandbass");
        b.genre("lo-fi", "lofi", "lo-fi", "lo fi", "lofi hip hop", "chillhop");
        b.genre("rnb", "r&b", "rnb", "r'n'b", "r and b", "rhythm and blues");
        b.genre("boom-bap", "boom bap", "boombap");
        b.genre("neo-soul", "neo soul", "neosoul");
        b.genre("edm", "edm", "electronic dance music");
        b.genre("house", "house");
        b.genreWithStyle("house", "deep", "deep house");
        b.genreWithStyle("house", "tech", "tech house");
        b.genreWithStyle("house", "progressive", "progressive house", "prog house");
        b.genreWithStyle("house", "afro", "afro house");
        b.genreWithStyle("house", "future", "future house");
        b.genreWithStyle("house", "acid", "acid house");
        b.genreWithStyle("house", "funky", "funky house");
        b.genre("techno", "techno");
        b.genreWithStyle("techno", "minimal", "minimal techno");
        b.genre("trance", "trance");
        b.genre("trap", "trap");
        b.genre("drill", "drill", "uk drill", "ny drill", "brooklyn drill");
        b.genre("grime", "grime");
        b.genre("funk", "funk", "funky");
        b.genre("pop", "pop");
        b.genreWithStyle("pop", "k-pop", "kpop", "k-pop");
        b.genre("rock", "rock");
        b.genre("reggae", "reggae");
        b.genre("reggaeton", "reggaeton");
        b.genre("dancehall", "dancehall");
        b.genre("jazz", "jazz", "jazzy");
        b.genre("ambient", "ambient");
        b.genre("folk", "folk");
        b.genre("latin", "latin");
        b.genre("afrobeat", "afrobeat", "afrobeats", "afro beat");
        b.genre("afro-cuban", "afrocuban", "afro cuban");
        b.genre("soul", "soul", "soulful");
        b.genre("disco", "disco");
        b.genreWithStyle("disco", "nu-disco", "nu disco", "nudisco");
        b.genre("dubstep", "dubstep");
        b.genre("garage", "garage", "uk garage", "ukg", "2-step", "2 step");
        b.genre("country", "country");
        b.genre("blues", "blues", "bluesy");
        b.genre("gospel", "gospel");
        b.genre("metal", "metal");
        b.genre("punk", "punk");
        b.genre("jungle", "jungle");
        // Drum & bass sub-genres: named alone they mean drum & bass in that style.
        b.genreWithStyle("drum-and-bass", "liquid", "liquid", "liquid funk", "liquid dnb");
        b.genreWithStyle("drum-and-bass", "jump-up", "jump up", "jumpup");
        b.genreWithStyle("drum-and-bass", "neurofunk", "neurofunk", "neuro");
        b.genre("breakbeat", "breakbeat", "breaks");
        b.genre("dub", "dub");
        b.genre("synthwave", "synthwave", "retrowave");
        b.genre("future-bass", "future bass");
        b.genre("hardstyle", "hardstyle");
        b.genre("classical", "classical");
        b.genre("cinematic", "cinematic", "film score");
        b.genre("dance", "dance");
        b.genre("new-orleans", "neworleans", "new orleans");
        b.genre("middle-eastern", "middleeastern", "middle eastern");
        b.genre("highlife", "highlife");
        b.genre("bossa-nova", "bossa nova", "bossanova", "bossa");

        // Sub-styles and rhythmic feels a name or sidecar can carry; other style values are kept as free words.
        // A spelling that is also a genre ("dub", "liquid", "jazzy") is read as the style when a prompt names another
        // genre too ("dub techno"); see TextPrompt. File names go through this table too, so no bare numbers ("303" is
        // a file id in POP909) and no words instrument names start with ("grand piano").
        b.style("deep", "deep");
        b.style("tech", "tech");
        b.style("progressive", "progressive");
        b.style("minimal", "minimal");
        b.style("melodic", "melodic");
        b.style("acid", "acid", "acidic");
        b.style("dub", "dub", "dubby", "dubwise");
        b.style("liquid", "liquid");
        b.style("jump-up", "jump up", "jumpup");
        b.style("neurofunk", "neurofunk", "neuro");
        b.style("jazzy", "jazzy");
        // Texture words of lo-fi and boom-bap: the sampled, worn sound producers ask for.
        b.style("dusty", "dusty", "vinyl", "crackle", "crackly");
        b.style("beat", "beat");
        b.style("fill", "fill");
        b.style("waltz", "waltz", "waltzes");
        b.style("swing", "swing", "swung", "swinging", "swingy");
        b.style("shuffle", "shuffle", "shuffled", "shuffling", "shuffly");
        b.style("straight", "straight", "unswung", "quantized", "quantised");
        b.style("halftime", "halftime", "half time");
        b.style("jig", "jig", "jigs");
        b.style("reel", "reel", "reels");
        b.style("hornpipe", "hornpipe", "hornpipes");
        b.style("polka", "polka");
        b.style("march", "march");
        b.style("four-on-the-floor", "four on the floor", "4 on the floor", "four to the floor", "4 to the floor",
                "four on floor", "4x4");

        // Moods. A new spelling goes onto a value the tokenizer already has wherever the meaning allows: "laid back"
        // and "relaxed" are chill, "upbeat" is happy, "euphoric" is uplifting, "nostalgic" is melancholic.
        b.mood("dark", "dark", "darker", "moody", "gloomy", "sinister", "menacing", "evil", "grim", "brooding", "murky",
                "haunting");
        b.mood("happy", "happy", "joyful", "cheerful", "upbeat", "playful", "fun", "feel good", "feelgood", "sunny",
                "positive", "carefree", "joyous");
        b.mood("sad", "sad", "sorrowful", "heartbroken", "heartbreaking", "depressing", "depressed", "tearful", "lonely",
                "mournful");
        b.mood("chill", "chill", "chilled", "chillout", "laid back", "laidback", "relaxed", "relaxing", "easygoing",
                "easy going", "lazy", "cozy", "cosy");
        b.mood("energetic", "energetic", "energy", "hype", "hyped", "lively", "high energy", "powerful", "punchy",
                "banging", "banger");
        b.mood("dreamy", "dreamy", "ethereal", "floaty", "floating", "spacey", "spacy", "atmospheric", "hazy", "airy",
                "celestial", "ambient");
        b.mood("melancholic", "melancholic", "melancholy", "nostalgic", "wistful", "bittersweet", "somber", "sombre",
                "reflective", "pensive", "longing");
        b.mood("uplifting", "uplifting", "euphoric", "anthemic", "hopeful", "inspiring", "inspirational");
        b.mood("aggressive", "aggressive", "hard", "heavy", "angry", "gritty", "brutal", "hard hitting", "intense",
                "fierce");
        b.mood("emotional", "emotional", "soulful", "heartfelt", "emotive");
        b.mood("epic", "epic", "cinematic", "majestic", "triumphant", "heroic", "dramatic");
        b.mood("romantic", "romantic", "sensual", "sexy", "sultry", "seductive", "intimate", "passionate");
        b.mood("calm", "calm", "peaceful", "serene", "tranquil", "soothing", "meditative", "gentle");
        b.mood("mellow", "mellow", "smooth", "warm", "silky", "velvety");
        b.mood("groovy", "groovy", "bouncy", "bouncing", "grooving");
        b.mood("funky", "funky");
        b.mood("mysterious", "mysterious", "eerie", "mystical", "spooky", "creepy");
        b.mood("tense", "tense", "tension", "suspense", "suspenseful", "ominous", "anxious", "nervous", "uneasy");

        b.role(Role.DRUMS, "drum", "drums", "beat", "kick", "snare", "hats", "hat", "hihat", "hi hat", "perc", "percs",
                "percussion", "clap", "toms", "cymbals");
        b.role(Role.BASS, "bass", "bassline", "bass line", "sub", "sub bass", "subbass", "808", "808s");
        b.role(Role.CHORDS, "chords", "chord", "keys", "piano", "rhodes", "stabs", "stab", "progression", "organ");
        b.role(Role.MELODY, "melody", "melodies", "lead", "hook", "topline", "vocal", "vocals", "arp", "arpeggio");
        b.role(Role.PAD, "pad", "pads", "strings", "atmos", "atmosphere", "texture");
        b.role(Role.FX, "fx", "sfx", "riser", "sweep", "impact", "uplifter", "downlifter", "effects");
        b.role(Role.OTHER, "other");

        // Named instruments: the role they play and a 0-based GM program (names in GeneralMidi). Generic role words
        // ("bass", "keys", "pad") are left out on purpose: they say what to play, not which sound.
        b.instrument(Role.BASS, 32, "acoustic bass", "upright bass", "double bass");
        b.instrument(Role.BASS, 33, "electric bass", "bass guitar", "finger bass");
        b.instrument(Role.BASS, 35, "fretless bass", "fretless");
        b.instrument(Role.BASS, 36, "slap bass");
        b.instrument(Role.BASS, 38, "808", "808s", "808 bass", "synth bass", "sub bass");
        b.instrument(Role.CHORDS, 0, "piano", "grand piano", "acoustic piano");
        b.instrument(Role.CHORDS, 4, "rhodes", "electric piano", "e-piano", "wurlitzer", "wurli");
        b.instrument(Role.CHORDS, 7, "clavinet", "clav");
        b.instrument(Role.CHORDS, 16, "organ", "hammond", "hammond organ");
        b.instrument(Role.CHORDS, 24, "acoustic guitar", "nylon guitar");
        b.instrument(Role.CHORDS, 27, "guitar", "electric guitar", "clean guitar");
        b.instrument(Role.PAD, 48, "strings", "string section", "string ensemble");
        b.instrument(Role.PAD, 52, "choir");
        b.instrument(Role.PAD, 89, "warm pad");
        b.instrument(Role.PAD, 90, "synth pad");
        b.instrument(Role.MELODY, 81, "synth lead", "saw lead");
        b.instrument(Role.MELODY, 80, "square lead");
        b.instrument(Role.MELODY, 73, "flute");
        b.instrument(Role.MELODY, 65, "sax", "saxophone", "alto sax");
        b.instrument(Role.MELODY, 56, "trumpet");
        b.instrument(Role.MELODY, 11, "vibraphone");
        b.instrument(Role.MELODY, 12, "marimba");
        b.instrument(Role.MELODY, 108, "kalimba");
        b.instrument(Role.MELODY, 9, "glockenspiel", "glock");
        GENRES = Map.copyOf(b.genres);
        STYLES = Map.copyOf(b.styles);
        MOODS = Map.copyOf(b.moods);
        ROLES = Map.copyOf(b.roles);
        INSTRUMENTS = Map.copyOf(b.instruments);
        for (Map.Entry<String, Instrument> e : INSTRUMENTS.entrySet()) {
            // "rhodes" is both a role word and an instrument; the two tables must not disagree on its role.
            Role asRole = ROLES.get(e.getKey());
            if (asRole != null && asRole != e.getValue().role())
                throw new AssertionError("'" + e.getKey() + "' is role " + asRole + " but instrument for " + e.getValue().role());
        }
    }

    /** Collects the spellings above; the finished table is copied into immutable maps. */
    private static final class Table {
        final Map<String, GenreEntry> genres = new HashMap<>();
        final Map<String, String> styles = new HashMap<>();
        final Map<String, String> moods = new HashMap<>();
        final Map<String, Role> roles = new HashMap<>();
        final Map<String, Instrument> instruments = new HashMap<>();

        void genre(String canonical, String... spellings) {
            for (String s : spellings) put(genres, s, new GenreEntry(canonical, Optional.empty()));
        }

        void genreWithStyle(String canonical, String style, String... spellings) {
            for (String s : spellings) put(genres, s, new GenreEntry(canonical, Optional.of(style)));
        }

        void style(String canonical, String... spellings) {
            for (String s : spellings) put(styles, s, canonical);
        }

        void mood(String canonical, String... spellings) {
            for (String s : spellings) put(moods, s, canonical);
        }

        void role(Role role, String... spellings) {
            for (String s : spellings) put(roles, s, role);
        }

        void instrument(Role role, int program, String... spellings) {
            for (String s : spellings) put(instruments, s, new Instrument(role, program));
        }

        private static <V> void put(Map<String, V> table, String spelling, V value) {
            V before = table.put(squash(spelling), value);
            // A spelling listed twice with different meanings would make the table order-dependent.
            if (before != null && !before.equals(value))
                throw new AssertionError("synonym '" + spelling + "' listed as both " + before + " and " + value);
        }
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

    /** A named instrument: "slap bass" → bass on GM program 36, "rhodes" → chords on 4; empty for generic role words. */
    public static Optional<Instrument> instrument(String raw) {
        return lookup(INSTRUMENTS, raw);
    }

    /** Every canonical genre, sorted: lets a table keyed by genre prove that it covers them all. */
    public static Set<String> genres() {
        Set<String> names = new TreeSet<>();
        for (GenreEntry e : GENRES.values()) names.add(e.genre());
        return Set.copyOf(names);
    }

    /** Every canonical style, those compound genres imply ("deep house" → deep) included. */
    public static Set<String> styles() {
        Set<String> names = new TreeSet<>(STYLES.values());
        for (GenreEntry e : GENRES.values()) e.style().ifPresent(names::add);
        return Set.copyOf(names);
    }

    /** Every canonical mood. */
    public static Set<String> moods() {
        return Set.copyOf(MOODS.values());
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
