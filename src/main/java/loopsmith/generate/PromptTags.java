package loopsmith.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import loopsmith.library.Instrument;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.TokenizerConfig;

/**
 * What a free-text prompt asks for, read by {@link TextPrompt}.
 *
 * @param genre         canonical genre from {@link loopsmith.library.Synonyms} ("hip-hop", "drum-and-bass")
 * @param style         canonical style ("deep", "halftime", "waltz")
 * @param mood          canonical mood ("chill", "dark")
 * @param bpm           tempo in quarter notes per minute
 * @param tempoFrom     the words that set the tempo, as written ("124 bpm", "fast"); empty when it is the genre's
 *                      typical tempo
 * @param bars          loop length in bars, {@value #MIN_BARS}..{@value #MAX_BARS}
 * @param roles         parts to generate, in {@link Role} order (drums, bass, chords, melody, pad, fx), no repeats
 * @param feel          how the parts should sound made, a value of {@link TokenizerConfig#DEFAULT_FEELS}: "human"
 *                      (performed timing and dynamics) or "tight" (programmed on the grid)
 * @param instruments   0-based GM program wished for a role (slap bass → BASS:36); every key is one of {@code roles}
 * @param unparsed      words and phrases the prompt had that were not understood or not used, in prompt order
 * @param defaulted     names of the fields filled from {@link GenreDefaults} rather than the prompt, from {@link #FIELDS}
 */
public record PromptTags(Optional<String> genre, Optional<String> style, Optional<String> mood, OptionalDouble bpm,
                         List<String> tempoFrom, Optional<Key> key, Optional<TimeSignature> timeSignature, OptionalInt bars, List<Role> roles,
                         Optional<Density> density, Optional<String> feel, Map<Role, Integer> instruments, List<String> unparsed,
                         List<String> defaulted) {
    public static final int MIN_BARS = 1;
    public static final int MAX_BARS = 32;
    /** Field names as {@code defaulted} and the CLI's JSON spell them. */
    public static final String BPM = "bpm";
    public static final String KEY = "key";
    public static final String TIME_SIGNATURE = "time_signature";
    public static final String BARS = "bars";
    public static final String ROLES = "roles";
    public static final Set<String> FIELDS = Set.of(BPM, KEY, TIME_SIGNATURE, BARS, ROLES);

    public PromptTags {
        requireNonNull(genre, "genre");
        requireNonNull(style, "style");
        requireNonNull(mood, "mood");
        requireNonNull(bpm, "bpm");
        requireNonNull(tempoFrom, "tempoFrom");
        requireNonNull(key, "key");
        requireNonNull(timeSignature, "timeSignature");
        requireNonNull(bars, "bars");
        requireNonNull(roles, "roles");
        requireNonNull(density, "density");
        requireNonNull(feel, "feel");
        requireNonNull(instruments, "instruments");
        requireNonNull(unparsed, "unparsed");
        requireNonNull(defaulted, "defaulted");
        if (bpm.isPresent() && !(bpm.getAsDouble() > 0 && Double.isFinite(bpm.getAsDouble())))
            throw new IllegalArgumentException("bpm must be positive, was " + bpm.getAsDouble());
        if (bars.isPresent() && (bars.getAsInt() < MIN_BARS || bars.getAsInt() > MAX_BARS))
            throw new IllegalArgumentException("bars must be " + MIN_BARS + ".." + MAX_BARS + ", was " + bars.getAsInt());
        if (feel.isPresent() && !TokenizerConfig.DEFAULT_FEELS.contains(feel.get()))
            throw new IllegalArgumentException("feel must be one of " + TokenizerConfig.DEFAULT_FEELS + ", was " + feel.get());
        roles = List.copyOf(roles);
        for (int i = 1; i < roles.size(); i++) {
            if (roles.get(i - 1).ordinal() >= roles.get(i).ordinal())
                throw new IllegalArgumentException("roles must be distinct and in Role order, were " + roles);
        }
        EnumMap<Role, Integer> programs = new EnumMap<>(Role.class);
        for (Map.Entry<Role, Integer> e : instruments.entrySet()) {
            if (!roles.contains(e.getKey()))
                throw new IllegalArgumentException("instrument for " + e.getKey() + " but roles are " + roles);
            int program = e.getValue();
            if (program < 0 || program > Instrument.MAX_PROGRAM)
                throw new IllegalArgumentException("program for " + e.getKey() + " must be 0.." + Instrument.MAX_PROGRAM + ", was " + program);
            programs.put(e.getKey(), e.getValue());
        }
        instruments = Collections.unmodifiableMap(programs);
        tempoFrom = List.copyOf(tempoFrom);
        unparsed = List.copyOf(unparsed);
        defaulted = List.copyOf(defaulted);
        for (String d : defaulted) {
            if (!FIELDS.contains(d)) throw new IllegalArgumentException("defaulted names unknown field '" + d + "'");
        }
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null (use an empty value)");
    }
}
