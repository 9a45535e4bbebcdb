package loopsmith.tokens;

import java.util.List;

/**
 * Everything that shapes the vocabulary. Defaults in {@link #defaults()}.
 *
 * @param tokenFormat         the token format these settings are for ({@value #TOKEN_FORMAT} is the one this build
 *                            writes and reads); files without the field are format 1, the track-after-track format
 * @param positionsPerQuarter grid resolution. 24 per quarter note is the default: it holds straight 16ths (6 steps),
 *                            8th and 16th triplets (8, 4), 32nds and 32nd triplets (3, 2) — the trap hi-hat rolls and
 *                            triplet fills producers use — and swung 16ths at the common 2:1 and 3:2 ratios fall within
 *                            a step. A POS token is only emitted per distinct onset, so a finer grid barely lengthens
 *                            sequences; it only adds POS and DUR entries to the vocabulary.
 * @param ticksPerQuarter     resolution of decoded pieces; must be a multiple of positionsPerQuarter.
 * @param maxBarQuarters      longest bar the vocabulary has positions for (8 quarters: 8/4, 16/8, 4/2).
 * @param maxBars             longest piece the tokenizer accepts, in bars.
 * @param velocityBins        velocity levels (127 / bins wide each).
 * @param minBpm              lowest tempo bin; slower tempos use it.
 * @param maxBpm              highest tempo bin; faster tempos use it.
 * @param bpmStep             width of a tempo bin. 2 BPM keeps common tempos (120, 124, 128, 140, 174) exact.
 * @param drumDurationSteps   drum hits carry no DUR token (a Drum Rack plays one-shots); decoded hits last this long.
 * @param drumVelocityBins    velocity levels of a drum hit, which carries its level in the same token as its key
 * @param maxTracks           most parts a piece may have (TRK tokens)
 * @param genres              GENRE tag values; other values map to UNK.
 * @param styles              STYLE tag values.
 * @param moods               MOOD tag values.
 * @param feels               FEEL tag values: how a piece was made, {@code human} (performed, with its timing and
 *                            dynamics) or {@code tight} (programmed on the grid), so either can be asked for. Configs
 *                            stored before the tag existed have none, and their vocabularies stay as they were.
 */
public record TokenizerConfig(int tokenFormat, int positionsPerQuarter, int ticksPerQuarter, int maxBarQuarters, int maxBars,
                              int velocityBins, int minBpm, int maxBpm, int bpmStep, int drumDurationSteps,
                              int drumVelocityBins, int maxTracks,
                              List<String> genres, List<String> styles, List<String> moods, List<String> feels) {
    /**
     * 2: bar-interleaved parts (every part's bar k before any part's bar k+1), one token per drum hit, velocity only
     * when it changes, swing and per-part controls, infill. 1 (before 2026-12) serialized whole tracks one after another.
     */
    public static final int TOKEN_FORMAT = 2;

    public static final List<String> DEFAULT_GENRES = List.of(
            "house", "techno", "hip-hop", "boom-bap", "lo-fi", "trap", "drum-and-bass", "funk", "pop", "rock", "reggae",
            "jazz", "neo-soul", "ambient", "folk", "latin", "afro-cuban", "afrobeat", "punk", "new-orleans", "soul",
            "country", "gospel", "dance", "blues", "disco", "rnb", "dubstep", "garage", "electro", "middle-eastern",
            "highlife", "classical", "metal", "edm", "trance", "drill", "jungle", "breakbeat", "synthwave");
    public static final List<String> DEFAULT_STYLES = List.of(
            "beat", "fill", "groove", "halftime", "shuffle", "swing", "straight", "four-on-the-floor", "deep", "tech",
            "progressive", "minimal", "waltz", "jig", "reel", "hornpipe", "polka", "march");
    public static final List<String> DEFAULT_MOODS = List.of(
            "happy", "sad", "dark", "chill", "energetic", "dreamy", "aggressive", "uplifting", "melancholic", "romantic",
            "tense", "epic", "relaxed", "groovy", "mellow", "funky");

    public TokenizerConfig {
        if (positionsPerQuarter < 1 || positionsPerQuarter > 96) throw new IllegalArgumentException("positionsPerQuarter must be 1..96");
        if (ticksPerQuarter % positionsPerQuarter != 0)
            throw new IllegalArgumentException("ticksPerQuarter must be a multiple of positionsPerQuarter");
        if (maxBarQuarters < 1 || maxBarQuarters > 16) throw new IllegalArgumentException("maxBarQuarters must be 1..16");
        if (maxBars < 1) throw new IllegalArgumentException("maxBars must be >= 1");
        if (velocityBins < 1 || velocityBins > 127) throw new IllegalArgumentException("velocityBins must be 1..127");
        if (minBpm < 1 || maxBpm < minBpm || bpmStep < 1) throw new IllegalArgumentException("bad tempo bins");
        if (drumDurationSteps < 1) throw new IllegalArgumentException("drumDurationSteps must be >= 1");
        if (drumVelocityBins < 1 || drumVelocityBins > 127) throw new IllegalArgumentException("drumVelocityBins must be 1..127");
        if (maxTracks < 1 || maxTracks > 64) throw new IllegalArgumentException("maxTracks must be 1..64");
        genres = normalized(genres);
        styles = normalized(styles);
        moods = normalized(moods);
        feels = feels == null ? List.of() : normalized(feels);
    }

    public static final List<String> DEFAULT_FEELS = List.of("human", "tight");

    private static List<String> normalized(List<String> values) {
        return values.stream().map(Token.Tag::normalize).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static TokenizerConfig defaults() {
        return new TokenizerConfig(TOKEN_FORMAT, 24, 480, 8, 512, 16, 40, 240, 2, 6, 8, 12, DEFAULT_GENRES, DEFAULT_STYLES, DEFAULT_MOODS, DEFAULT_FEELS);
    }

    /** The same grid and bins with other tag lists (ingest adds the tags its library uses). */
    public TokenizerConfig withTags(List<String> newGenres, List<String> newStyles, List<String> newMoods) {
        return new TokenizerConfig(tokenFormat, positionsPerQuarter, ticksPerQuarter, maxBarQuarters, maxBars, velocityBins, minBpm,
                maxBpm, bpmStep, drumDurationSteps, drumVelocityBins, maxTracks, newGenres, newStyles, newMoods, feels);
    }

    /** The grid and bins alone: what must match for a model's token ids to mean the same in another vocabulary. */
    public TokenizerConfig withoutTags() {
        return new TokenizerConfig(tokenFormat, positionsPerQuarter, ticksPerQuarter, maxBarQuarters, maxBars, velocityBins, minBpm,
                maxBpm, bpmStep, drumDurationSteps, drumVelocityBins, maxTracks, List.of(), List.of(), List.of(), List.of());
    }

    /** Format 1 files have no tokenFormat field, which reads as 0. */
    public int tokenFormatVersion() {
        return tokenFormat == 0 ? 1 : tokenFormat;
    }
}
