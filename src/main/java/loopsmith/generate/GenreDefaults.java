package loopsmith.generate;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * The tempo, key, meter, length and parts a genre usually has: what a prompt leaves out is filled from here.
 * Values are typical, not rules: a producer who names them gets theirs.
 *
 * <p>Tempo ranges are what producers and sample packs label a genre, counted the way producers count it: trap and
 * dubstep at 130..160 and 140 with a half-time snare, not at 70, so "half-time" is a style and never halves the tempo.
 *
 * @param bpm           typical tempo in quarter notes per minute
 * @param minBpm        low end of the genre's usual tempo range ("slow house"), inclusive
 * @param maxBpm        high end of that range ("fast house"), inclusive
 * @param bars          loop length in bars
 * @param roles         parts a loop of this genre usually has, in {@link Role} order
 */
public record GenreDefaults(double bpm, double minBpm, double maxBpm, Key key, TimeSignature timeSignature, int bars,
                            List<Role> roles) {
    /**
     * With no genre named: 120 BPM and 4/4 (the MIDI defaults), C major (no sharps or flats, so nothing is implied),
     * 8 bars and the four main parts. The range spans slow pop ballads to fast dance music.
     */
    public static final GenreDefaults NO_GENRE = of(120, 80, 140, "C major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY);

    /** Where in the genre's tempo range a tempo word ("slow", "mid-tempo", "fast") puts the tempo. */
    public enum Pace { LOW, MIDDLE, HIGH }

    private static final Map<String, GenreDefaults> BY_GENRE = Map.ofEntries(
            Map.entry("house", of(124, 118, 130, "A minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("techno", of(130, 125, 140, "F minor", 8, Role.DRUMS, Role.BASS, Role.PAD)),
            Map.entry("trance", of(138, 130, 145, "A minor", 8, Role.DRUMS, Role.BASS, Role.MELODY, Role.PAD)),
            Map.entry("edm", of(128, 120, 132, "F minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("dance", of(124, 115, 130, "A minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("disco", of(120, 110, 128, "G minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("garage", of(132, 128, 138, "G minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("dubstep", of(140, 135, 150, "F minor", 8, Role.DRUMS, Role.BASS, Role.PAD)),
            Map.entry("drum-and-bass", of(174, 160, 180, "F minor", 8, Role.DRUMS, Role.BASS, Role.PAD)),
            Map.entry("jungle", of(165, 155, 175, "A minor", 8, Role.DRUMS, Role.BASS, Role.PAD)),
            Map.entry("breakbeat", of(130, 120, 140, "A minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("hardstyle", of(150, 145, 160, "A minor", 8, Role.DRUMS, Role.BASS, Role.MELODY)),
            Map.entry("future-bass", of(150, 140, 160, "F major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("synthwave", of(100, 80, 118, "A minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            // Hip-hop family: loops are usually 4 bars, sampled-sounding, in minor keys.
            Map.entry("hip-hop", of(90, 80, 100, "C minor", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("boom-bap", of(90, 84, 98, "D minor", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("lo-fi", of(80, 70, 90, "F major", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("trap", of(140, 130, 160, "F# minor", 4, Role.DRUMS, Role.BASS, Role.MELODY)),
            Map.entry("drill", of(142, 135, 150, "C# minor", 4, Role.DRUMS, Role.BASS, Role.MELODY)),
            Map.entry("grime", of(140, 136, 144, "C minor", 4, Role.DRUMS, Role.BASS, Role.MELODY)),
            Map.entry("rnb", of(90, 65, 100, "Eb major", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("neo-soul", of(85, 70, 95, "Eb major", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("soul", of(95, 70, 110, "F major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("funk", of(105, 90, 120, "E minor", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("gospel", of(80, 65, 110, "Ab major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            // Twelve bars because that is the blues form itself.
            Map.entry("blues", of(90, 60, 120, "E major", 12, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("jazz", of(120, 80, 180, "Bb major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("bossa-nova", of(130, 115, 145, "F major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("latin", of(100, 90, 130, "D minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("afro-cuban", of(110, 90, 130, "D minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("afrobeat", of(110, 95, 125, "A minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("highlife", of(120, 105, 135, "C major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("reggae", of(75, 60, 80, "G major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("dub", of(70, 60, 80, "G minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("reggaeton", of(95, 88, 100, "A minor", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("dancehall", of(100, 90, 110, "G minor", 4, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("pop", of(110, 90, 130, "C major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("rock", of(120, 90, 150, "E major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("metal", of(140, 100, 180, "E minor", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("punk", of(170, 150, 200, "E major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("country", of(110, 85, 130, "G major", 8, Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("folk", of(100, 75, 130, "G major", 8, Role.BASS, Role.CHORDS, Role.MELODY)),
            Map.entry("new-orleans", of(100, 85, 120, "Bb major", 8, Role.DRUMS, Role.BASS, Role.CHORDS)),
            Map.entry("middle-eastern", of(100, 80, 120, "D minor", 8, Role.DRUMS, Role.BASS, Role.MELODY)),
            Map.entry("classical", of(100, 60, 140, "C major", 8, Role.CHORDS, Role.MELODY)),
            Map.entry("cinematic", of(90, 60, 120, "D minor", 8, Role.CHORDS, Role.MELODY, Role.PAD)),
            Map.entry("ambient", of(80, 60, 90, "D major", 16, Role.MELODY, Role.PAD)));

    public GenreDefaults {
        if (!(bpm > 0 && Double.isFinite(bpm))) throw new IllegalArgumentException("bpm must be positive, was " + bpm);
        if (!(minBpm > 0 && minBpm <= bpm && bpm <= maxBpm && Double.isFinite(maxBpm)))
            throw new IllegalArgumentException("tempo range must hold the typical tempo: " + minBpm + " <= " + bpm + " <= " + maxBpm);
        if (key == null) throw new IllegalArgumentException("key must not be null");
        if (timeSignature == null) throw new IllegalArgumentException("timeSignature must not be null");
        if (bars < PromptTags.MIN_BARS || bars > PromptTags.MAX_BARS)
            throw new IllegalArgumentException("bars must be " + PromptTags.MIN_BARS + ".." + PromptTags.MAX_BARS + ", was " + bars);
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("roles must not be empty");
        roles = List.copyOf(EnumSet.copyOf(roles)); // Role order, no repeats
    }

    /** The defaults of a canonical genre ("hip-hop"), or {@link #NO_GENRE} when it has none or none is named. */
    public static GenreDefaults forGenre(Optional<String> genre) {
        return genre.map(BY_GENRE::get).orElse(NO_GENRE);
    }

    /** The tempo a tempo word asks for: an end of the range, or its middle rounded to a whole BPM. */
    public double bpm(Pace pace) {
        return switch (pace) {
            case LOW -> minBpm;
            case MIDDLE -> Math.round((minBpm + maxBpm) / 2);
            case HIGH -> maxBpm;
        };
    }

    /** Whether the genre has its own entry rather than falling back to {@link #NO_GENRE}. */
    public static boolean covers(String genre) {
        return BY_GENRE.containsKey(genre);
    }

    private static GenreDefaults of(double bpm, double minBpm, double maxBpm, String key, int bars, Role... roles) {
        Key parsed = Key.parse(key).orElseThrow(() -> new AssertionError("bad key in defaults table: " + key));
        return new GenreDefaults(bpm, minBpm, maxBpm, parsed, TimeSignature.FOUR_FOUR, bars, List.of(roles));
    }
}
