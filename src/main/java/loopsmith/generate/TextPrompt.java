package loopsmith.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopsmith.generate.GenreDefaults.Pace;
import loopsmith.library.CorpusRules;
import loopsmith.library.Instrument;
import loopsmith.library.Synonyms;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * Reads a free-text prompt ("funky house beat at 124 bpm in A minor with a slap bass") into {@link PromptTags}.
 * Deterministic and forgiving: unknown words never fail, they are listed in {@link PromptTags#unparsed()}.
 *
 * <p>How it reads. The text is split into words (hyphens split too: "lo-fi", "16-bar", "a-moll"). From left to
 * right, the longest run of up to {@value #MAX_PHRASE_WORDS} words that means something wins, so "deep house" is a
 * genre with a style before "deep" could be a style alone, and "2 step" is garage before 2 could be a number. A run is
 * tried as, in this order: tempo, time signature, bars, key, genre, instrument, role, density, feel, tempo word, style,
 * mood, filler. Genres, styles, moods, roles and instruments come from {@link Synonyms}, the project's one table.
 *
 * <p>Rules a reader could not guess:
 * <ul>
 *   <li>Tempo: "124 bpm", "124bpm", "bpm 124", "tempo 124", "tempo of 124", "at 124 bpm" take
 *       {@value #MIN_EXPLICIT_BPM}..{@value #MAX_EXPLICIT_BPM}. "at 124" and a bare number take
 *       {@value #MIN_BARE_BPM}..{@value #MAX_BARE_BPM}; a bare number counts only when nothing else claimed it and
 *       the prompt gives no other tempo, and then the first one wins.</li>
 *   <li>Tempo words put the tempo in the genre's usual range ({@link GenreDefaults#minBpm()}..{@link
 *       GenreDefaults#maxBpm()}): "slow", "laid-back", "downtempo" at its low end, "mid-tempo" in its middle, "fast",
 *       "uptempo", "driving", "double-time" at its high end. A tempo in numbers wins and the words then change nothing.
 *       "half-time" is a style and keeps the genre's tempo as producers count it (trap at 140 with a half-time
 *       snare). "laid-back" is also the mood chill. {@link PromptTags#tempoFrom()} lists the words that set the
 *       tempo.</li>
 *   <li>Keys: "A minor", "a-moll", "A min", "F# major", "C sharp minor", "Eb" and "Am" read anywhere. A single word
 *       needs an accidental or a mode suffix and a capital tonic or a sharp sign ("Am", "Eb", "f#m", but not "am" or
 *       "eb"); after "in", "key" or "key of" the lower-case forms count too. A lone letter counts only as a capital
 *       right after "in", "key" or "key of" ("in C"), so the article "a" is never a key.</li>
 *   <li>Bars: "8 bars", "16-bar", "eight bars", "4 bar loop". Outside {@value PromptTags#MIN_BARS}..{@value
 *       PromptTags#MAX_BARS} the count is clamped to the range, and the words are also listed in unparsed so the
 *       change is visible.</li>
 *   <li>"waltz" is style waltz and 3/4, unless the prompt gives its own time signature.</li>
 *   <li>Feel words ({@link CorpusRules#feelWord}) say how the parts should sound made: "human", "live", "performed",
 *       "played", "humanized", "loose" ask for human (performed timing and dynamics); "tight", "programmed",
 *       "quantized", "sequenced", "on-grid", "robotic" for tight (on the grid). "quantized" also stays the style
 *       straight, as before. "live" right after "Ableton" is the program, not a feel.</li>
 *   <li>A field holds one value: the first one named wins; a different later one is listed in unparsed. Naming the
 *       same value twice is fine.</li>
 *   <li>Roles: naming any role or instrument gives exactly those roles ("a chill beat" is drums only); naming none
 *       gives the genre's roles. "no"/"without" before a role removes it, from named and default roles alike.</li>
 *   <li>A genre spelling that is also a style or mood ("jazzy", "funky", "dub", "liquid", "cinematic", "soulful")
 *       is the genre only when the prompt names no other genre: "jazzy" alone is jazz, "jazzy trap" is trap in the
 *       jazzy style, "dub techno" is techno in the dub style.</li>
 *   <li>Filler words ("a", "with", "the", "at", "in", "loop", ...) are dropped without being listed; every other word
 *       that nothing read is listed in unparsed.</li>
 * </ul>
 * Whatever the prompt leaves out (tempo, key, time signature, bars, roles) comes from {@link GenreDefaults}, and its
 * field name is listed in {@link PromptTags#defaulted()}.
 */
public final class TextPrompt {
    private TextPrompt() {}

    static final int MAX_PHRASE_WORDS = 4;
    static final double MIN_EXPLICIT_BPM = 20;
    static final double MAX_EXPLICIT_BPM = 400;
    static final double MIN_BARE_BPM = 40;
    static final double MAX_BARE_BPM = 300;
    private static final TimeSignature WALTZ_METER = new TimeSignature(3, 4);
    private static final String WALTZ = "waltz";

    // Digits with an optional decimal or meter part ("124", "92.5", "6/8", "808s", "124bpm"), or a word that may hold
    // sharps, flats, '&' and apostrophes ("F#m", "d&b", "drum'n'bass"). Anything else (hyphens, commas) separates.
    private static final Pattern WORD = Pattern.compile("\\d+(?:\\.\\d+)?/\\d+|\\d+(?:\\.\\d+)?\\p{L}*|[\\p{L}\\p{N}#♯♭&'’]+");
    // "124bpm", "16bars": a number glued to its unit is read as two words.
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(bpm|bars?|measures?)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern METER = Pattern.compile("\\d+/\\d+");
    private static final Pattern TEMPO = Pattern.compile(
            "(?:(at|around|about|tempo|tempo of|bpm)\\s+)?(\\d+(?:\\.\\d+)?)(?:\\s+(bpm|beats per minute))?");
    private static final Set<String> TEMPO_UNIT_PREFIXES = Set.of("tempo", "tempo of", "bpm");
    private static final Pattern BARS = Pattern.compile("(.+)\\s+(?:bar|bars|measure|measures)");
    // One word as a key: tonic, optional accidental, optional lower-case mode suffix ("Am", "F#m", "Ebmaj", "Bb").
    private static final Pattern ONE_WORD_KEY = Pattern.compile("([A-Ga-g])([#♯♭b]?)(m|min|maj|minor|major)?");
    private static final Pattern TONIC = Pattern.compile("[a-g](?:[#♯♭b]|is|es|s)?");
    private static final Set<String> MODE_WORDS = Set.of("major", "minor", "maj", "min", "moll", "dur");
    private static final Set<String> ACCIDENTAL_WORDS = Set.of("sharp", "flat");
    private static final Set<String> NEGATIONS = Set.of("no", "without");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60));
    private static final Set<String> TENS = Set.of("twenty", "thirty", "forty", "fifty", "sixty");
    private static final Map<String, Pace> TEMPO_WORDS = Map.ofEntries(
            Map.entry("slow", Pace.LOW), Map.entry("slower", Pace.LOW), Map.entry("downtempo", Pace.LOW),
            Map.entry("down tempo", Pace.LOW), Map.entry("laid back", Pace.LOW), Map.entry("laidback", Pace.LOW),
            Map.entry("slow jam", Pace.LOW),
            Map.entry("mid tempo", Pace.MIDDLE), Map.entry("midtempo", Pace.MIDDLE), Map.entry("medium tempo", Pace.MIDDLE),
            Map.entry("moderate tempo", Pace.MIDDLE),
            Map.entry("fast", Pace.HIGH), Map.entry("faster", Pace.HIGH), Map.entry("uptempo", Pace.HIGH),
            Map.entry("up tempo", Pace.HIGH), Map.entry("quick", Pace.HIGH), Map.entry("fast paced", Pace.HIGH),
            Map.entry("driving", Pace.HIGH), Map.entry("double time", Pace.HIGH), Map.entry("doubletime", Pace.HIGH));
    // Words that carry no request of their own; dropped without being listed in unparsed.
    private static final Set<String> FILLER = Set.of(
            "a", "an", "the", "with", "and", "at", "in", "of", "on", "for", "to", "some", "me", "my", "make", "create",
            "generate", "give", "write", "i", "want", "need", "please", "that", "this", "it", "is", "plus", "featuring",
            "feat", "using", "by", "loop", "loops", "pattern", "track", "song", "key", "time", "signature", "tempo",
            "bpm", "style", "feel", "vibe", "vibes", "kind", "type", "very", "really", "little", "bit", "groove", "like",
            "sound", "sounding", "sounds", "music", "instrumental", "&", "n", "part", "parts", "around", "about", "playing",
            "no", "without", "or", "but", "from", "into", "just", "also", "more", "kinda", "sorta", "ish", "inspired",
            "vibey");

    /** A word of the prompt as written, and lower-cased for matching. */
    private record Word(String text, String lower) {}

    /** Parses a prompt; never fails on unknown words. A null or blank prompt gives the no-genre defaults. */
    public static PromptTags parse(String text) {
        List<Word> words = split(text == null ? "" : text);
        Reading r = read(words, false);
        // "jazzy trap": only after reading the whole prompt is it known that "jazzy" is not the genre.
        if (r.namedPlainGenre && r.namedAdjectiveGenre) r = read(words, true);
        return r.finish();
    }

    private static Reading read(List<Word> words, boolean adjectivesAsTags) {
        Reading r = new Reading(adjectivesAsTags);
        int i = 0;
        while (i < words.size()) i += readAt(words, i, r);
        return r;
    }

    private static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().replaceAll("^['’]+|['’]+$", "");
            if (w.isEmpty()) continue;
            Matcher glued = NUMBER_WITH_UNIT.matcher(w.toLowerCase(Locale.ROOT));
            if (glued.matches()) {
                words.add(new Word(glued.group(1), glued.group(1)));
                words.add(new Word(w.substring(glued.group(1).length()), glued.group(2)));
            } else {
                words.add(new Word(w, w.toLowerCase(Locale.ROOT)));
            }
        }
        return words;
    }

    /** Reads the longest meaningful run of words starting at {@code from}; returns how many words it used. */
    private static int readAt(List<Word> words, int from, Reading r) {
        int longest = Math.min(MAX_PHRASE_WORDS, words.size() - from);
        for (int n = longest; n >= 1; n--) {
            if (readPhrase(words, from, n, r)) return n;
        }
        Word w = words.get(from);
        if (NUMBER.matcher(w.lower()).matches()) r.bareNumbers.add(new Spot(from, w.text()));
        else if (!FILLER.contains(w.lower())) r.unparsed.add(new Spot(from, w.text()));
        return 1;
    }

    /** Whether the {@code n} words at {@code from} mean something; if so, records it in {@code r}. */
    private static boolean readPhrase(List<Word> words, int from, int n, Reading r) {
        List<Word> run = words.subList(from, from + n);
        String lower = joined(run, true);
        Spot spot = new Spot(from, joined(run, false));

        Matcher tempo = TEMPO.matcher(lower);
        if (tempo.matches() && (tempo.group(1) != null || tempo.group(3) != null)) {
            double bpm = Double.parseDouble(tempo.group(2));
            boolean explicit = tempo.group(3) != null || TEMPO_UNIT_PREFIXES.contains(tempo.group(1));
            boolean inRange = explicit ? bpm >= MIN_EXPLICIT_BPM && bpm <= MAX_EXPLICIT_BPM : bpm >= MIN_BARE_BPM && bpm <= MAX_BARE_BPM;
            // "at 8" is not a tempo; let the shorter runs read "at" and "8" on their own.
            if (!explicit && !inRange) return false;
            if (inRange) r.bpm.offer(bpm, spot, r);
            else r.unparsed.add(spot);
            return true;
        }
        if (n == 1 && METER.matcher(lower).matches()) {
            Optional<TimeSignature> ts = TimeSignature.parse(lower);
            if (ts.isPresent()) r.meter.offer(ts.get(), spot, r);
            else r.unparsed.add(spot);
            return true;
        }
        Matcher bars = BARS.matcher(lower);
        if (bars.matches()) {
            OptionalInt count = count(bars.group(1));
            if (count.isPresent()) {
                int clamped = Math.max(PromptTags.MIN_BARS, Math.min(PromptTags.MAX_BARS, count.getAsInt()));
                if (clamped != count.getAsInt()) r.unparsed.add(spot);
                r.bars.offer(clamped, spot, r);
                return true;
            }
        }
        Optional<Key> key = key(words, from, n);
        if (key.isPresent()) {
            r.key.offer(key.get(), spot, r);
            return true;
        }
        Optional<String> genre = Synonyms.genre(lower);
        if (genre.isPresent() && !endsInRoleAfterGenre(run)) {
            boolean adjective = Synonyms.style(lower).isPresent() || Synonyms.mood(lower).isPresent();
            if (adjective) r.namedAdjectiveGenre = true;
            else r.namedPlainGenre = true;
            // Read as the genre, unless it is an adjective and another genre is named: then the style or mood below.
            if (!adjective || !r.adjectivesAsTags) {
                if (r.genre.offer(genre.get(), spot, r)) Synonyms.styleOfGenre(lower).ifPresent(s -> r.style.offer(s, spot, r));
                return true;
            }
        }
        Optional<Instrument> instrument = Synonyms.instrument(lower);
        if (instrument.isPresent()) {
            Role role = instrument.get().role();
            // "a piano melody", "a guitar bass": the part named right after the instrument is the one it plays.
            Optional<Role> part = from + n < words.size() ? Synonyms.role(words.get(from + n).lower()) : Optional.empty();
            if (part.isPresent() && part.get() != Role.DRUMS && role != Role.DRUMS) role = part.get();
            if (negated(words, from)) {
                r.excludedRoles.add(role);
            } else {
                r.namedRoles.add(role);
                r.instruments.computeIfAbsent(role, x -> new Slot<>()).offer(instrument.get().program(), spot, r);
            }
            return true;
        }
        Optional<Role> role = Synonyms.role(lower);
        if (role.isPresent()) {
            if (negated(words, from)) r.excludedRoles.add(role.get());
            else r.namedRoles.add(role.get());
            return true;
        }
        Optional<Density> density = Density.fromWord(lower);
        if (density.isPresent()) {
            r.density.offer(density.get(), spot, r);
            return true;
        }
        Optional<String> feel = CorpusRules.feelWord(lower.replace(' ', '-')).filter(f -> !abletonLive(words, from, lower));
        if (feel.isPresent()) {
            // "quantized" asks for straight time as well as a tight feel; the style is offered once the feel is taken.
            if (r.feel.offer(feel.get(), spot, r)) Synonyms.style(lower).ifPresent(st -> r.style.offer(st, spot, r));
            return true;
        }
        Pace pace = TEMPO_WORDS.get(lower);
        if (pace != null) {
            // "laid back" asks for a mood as well as a tempo; listed in unparsed once at most when the tempo is taken.
            if (r.pace.offer(pace, spot, r)) Synonyms.mood(lower).ifPresent(m -> r.mood.offer(m, spot, r));
            return true;
        }
        Optional<String> style = Synonyms.style(lower);
        if (style.isPresent()) {
            if (r.style.offer(style.get(), spot, r) && style.get().equals(WALTZ)) r.waltz = true;
            return true;
        }
        Optional<String> mood = Synonyms.mood(lower);
        if (mood.isPresent()) {
            r.mood.offer(mood.get(), spot, r);
            return true;
        }
        return false;
    }

    /**
     * "hip hop beats" is listed as a genre spelling (folder names use it), but in a prompt the last word asks for a
     * part: when the words before a role word already name the genre, the shorter run wins and the role is read too.
     */
    private static boolean endsInRoleAfterGenre(List<Word> run) {
        if (run.size() < 2) return false;
        String last = run.get(run.size() - 1).lower();
        return Synonyms.role(last).isPresent() && Synonyms.genre(joined(run.subList(0, run.size() - 1), true)).isPresent();
    }

    /** "for Ableton Live": the program the results are made for, not a live feel. */
    private static boolean abletonLive(List<Word> words, int from, String lower) {
        return lower.equals("live") && from > 0 && words.get(from - 1).lower().equals("ableton");
    }

    private static boolean negated(List<Word> words, int from) {
        return from > 0 && NEGATIONS.contains(words.get(from - 1).lower());
    }

    /** A key spelled over one to three words; see the class comment for when one word counts. */
    private static Optional<Key> key(List<Word> words, int from, int n) {
        List<Word> run = words.subList(from, from + n);
        String first = run.get(0).lower();
        boolean spelled = switch (n) {
            case 3 -> first.length() == 1 && TONIC.matcher(first).matches()
                    && ACCIDENTAL_WORDS.contains(run.get(1).lower()) && MODE_WORDS.contains(run.get(2).lower());
            case 2 -> TONIC.matcher(first).matches() && MODE_WORDS.contains(run.get(1).lower())
                    || first.length() == 1 && TONIC.matcher(first).matches() && ACCIDENTAL_WORDS.contains(run.get(1).lower());
            case 1 -> oneWordKey(run.get(0).text(), afterKeyWord(words, from));
            default -> false;
        };
        return spelled ? Key.parse(joined(run, true)) : Optional.empty();
    }

    private static boolean oneWordKey(String text, boolean afterKeyWord) {
        Matcher m = ONE_WORD_KEY.matcher(text);
        if (!m.matches()) return false;
        boolean capital = Character.isUpperCase(text.charAt(0));
        boolean marked = !m.group(2).isEmpty() || m.group(3) != null;
        if (!marked) return capital && afterKeyWord;
        if (afterKeyWord) return true;
        return capital || (!m.group(2).isEmpty() && !m.group(2).equals("b"));
    }

    /** Whether the word at {@code at} follows "in", "key" or "key of". */
    private static boolean afterKeyWord(List<Word> words, int at) {
        if (at == 0) return false;
        String prev = words.get(at - 1).lower();
        if (prev.equals("in") || prev.equals("key")) return true;
        return prev.equals("of") && at >= 2 && words.get(at - 2).lower().equals("key");
    }

    /** A count in digits or English words ("16", "sixteen", "thirty two"); empty when it is not one. */
    private static OptionalInt count(String text) {
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 3) return OptionalInt.of(Integer.parseInt(text));
        String[] parts = text.split(" ");
        if (parts.length == 1 && NUMBER_WORDS.containsKey(parts[0])) return OptionalInt.of(NUMBER_WORDS.get(parts[0]));
        if (parts.length == 2 && TENS.contains(parts[0]) && NUMBER_WORDS.containsKey(parts[1]) && NUMBER_WORDS.get(parts[1]) < 10)
            return OptionalInt.of(NUMBER_WORDS.get(parts[0]) + NUMBER_WORDS.get(parts[1]));
        return OptionalInt.empty();
    }

    private static String joined(List<Word> run, boolean lower) {
        StringBuilder sb = new StringBuilder();
        for (Word w : run) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(lower ? w.lower() : w.text());
        }
        return sb.toString();
    }

    /** Where a phrase started (word index, for prompt order) and how it was written. */
    private record Spot(int index, String text) {}

    /**
     * A field that holds one value: the first offer wins; a different later one is listed in unparsed. It remembers
     * the words that asked for the value it holds.
     */
    private static final class Slot<T> {
        private T value;
        private final List<Spot> from = new ArrayList<>();

        /** Whether the offered value is now the field's value (taken, or the same as before). */
        boolean offer(T offered, Spot spot, Reading r) {
            if (value == null) value = offered;
            else if (!value.equals(offered)) r.unparsed.add(spot);
            boolean taken = value.equals(offered);
            if (taken) from.add(spot);
            return taken;
        }

        Optional<T> get() {
            return Optional.ofNullable(value);
        }

        /** The words that asked for the value, as written, in prompt order. */
        List<String> from() {
            return from.stream().sorted(Comparator.comparingInt(Spot::index)).map(Spot::text).toList();
        }
    }

    /** What has been read so far; {@link #finish()} fills the gaps from the genre's defaults. */
    private static final class Reading {
        final Slot<String> genre = new Slot<>();
        final Slot<String> style = new Slot<>();
        final Slot<String> mood = new Slot<>();
        final Slot<Double> bpm = new Slot<>();
        final Slot<Pace> pace = new Slot<>();
        final Slot<Key> key = new Slot<>();
        final Slot<TimeSignature> meter = new Slot<>();
        final Slot<Integer> bars = new Slot<>();
        final Slot<Density> density = new Slot<>();
        final Slot<String> feel = new Slot<>();
        final Map<Role, Slot<Integer>> instruments = new EnumMap<>(Role.class);
        final EnumSet<Role> namedRoles = EnumSet.noneOf(Role.class);
        final EnumSet<Role> excludedRoles = EnumSet.noneOf(Role.class);
        final List<Spot> bareNumbers = new ArrayList<>();
        final List<Spot> unparsed = new ArrayList<>();
        final boolean adjectivesAsTags;
        boolean waltz;
        boolean namedPlainGenre;
        boolean namedAdjectiveGenre;

        /** @param adjectivesAsTags read genre spellings that are also a style or mood ("jazzy") as that style or mood */
        Reading(boolean adjectivesAsTags) {
            this.adjectivesAsTags = adjectivesAsTags;
        }

        PromptTags finish() {
            GenreDefaults defaults = GenreDefaults.forGenre(genre.get());
            List<String> defaulted = new ArrayList<>();

            for (Spot number : bareNumbers) {
                double value = Double.parseDouble(number.text());
                if (bpm.get().isEmpty() && value >= MIN_BARE_BPM && value <= MAX_BARE_BPM) bpm.offer(value, number, this);
                else unparsed.add(number);
            }
            double tempo;
            List<String> tempoFrom;
            if (bpm.get().isPresent()) {
                tempo = bpm.get().get();
                tempoFrom = bpm.from();
            } else if (pace.get().isPresent()) {
                tempo = defaults.bpm(pace.get().get());
                tempoFrom = pace.from();
            } else {
                tempo = defaults.bpm();
                tempoFrom = List.of();
                defaulted.add(PromptTags.BPM);
            }
            Key k = key.get().orElse(defaults.key());
            if (key.get().isEmpty()) defaulted.add(PromptTags.KEY);
            TimeSignature ts = meter.get().orElse(waltz ? WALTZ_METER : null);
            if (ts == null) {
                ts = defaults.timeSignature();
                defaulted.add(PromptTags.TIME_SIGNATURE);
            }
            int barCount = bars.get().orElse(defaults.bars());
            if (bars.get().isEmpty()) defaulted.add(PromptTags.BARS);
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(namedRoles.isEmpty() ? defaults.roles() : namedRoles);
            if (namedRoles.isEmpty()) defaulted.add(PromptTags.ROLES);
            roles.removeAll(excludedRoles);
            Map<Role, Integer> programs = new EnumMap<>(Role.class);
            instruments.forEach((role, slot) -> slot.get().filter(p -> roles.contains(role)).ifPresent(p -> programs.put(role, p)));

            List<String> leftOver = unparsed.stream().sorted(Comparator.comparingInt(Spot::index)).map(Spot::text).toList();
            return new PromptTags(genre.get(), style.get(), mood.get(), OptionalDouble.of(tempo), tempoFrom, Optional.of(k),
                    Optional.of(ts), OptionalInt.of(barCount), List.copyOf(roles), density.get(), feel.get(), programs, leftOver, defaulted);
        }
    }
}
