package loopsmith.audio;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tempo range a genre is counted in, by the library's genre names ({@code library.Synonyms} spells them): what
 * sample packs and DJ software label the genre. A label whose range is narrower than an octave settles which of two
 * octave readings is meant; a wider one (jazz, ambient) leaves it to the drum pattern.
 */
public final class GenreTempos {
    /** A counted range, BPM, inclusive. */
    public record Range(double minBpm, double maxBpm) {
        public Range {
            if (!(minBpm > 0 && maxBpm >= minBpm)) throw new IllegalArgumentException("bad tempo range " + minBpm + ".." + maxBpm);
        }

        /** Whether the range tells a tempo from its double: narrower than an octave. */
        public boolean decidesOctave() {
            return maxBpm < 2 * minBpm;
        }
    }

    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("drum-and-bass", new Range(160, 180)),
            Map.entry("jungle", new Range(155, 180)),
            Map.entry("trap", new Range(130, 160)),
            Map.entry("drill", new Range(135, 150)),
            Map.entry("dubstep", new Range(135, 150)),
            Map.entry("future-bass", new Range(130, 160)),
            Map.entry("grime", new Range(135, 145)),
            Map.entry("reggaeton", new Range(85, 100)),
            Map.entry("dancehall", new Range(85, 110)),
            Map.entry("afrobeat", new Range(95, 125)),
            Map.entry("house", new Range(115, 130)),
            Map.entry("techno", new Range(120, 150)),
            Map.entry("trance", new Range(125, 145)),
            Map.entry("garage", new Range(128, 140)),
            Map.entry("disco", new Range(110, 130)),
            Map.entry("edm", new Range(120, 150)),
            Map.entry("hardstyle", new Range(140, 160)),
            Map.entry("hip-hop", new Range(80, 100)),
            Map.entry("boom-bap", new Range(80, 100)),
            Map.entry("lo-fi", new Range(65, 95)),
            Map.entry("rnb", new Range(60, 110)),
            Map.entry("neo-soul", new Range(65, 100)),
            Map.entry("funk", new Range(90, 125)),
            Map.entry("soul", new Range(70, 120)),
            Map.entry("pop", new Range(90, 130)),
            Map.entry("rock", new Range(95, 170)),
            Map.entry("punk", new Range(150, 200)),
            Map.entry("metal", new Range(90, 200)),
            Map.entry("breakbeat", new Range(120, 140)),
            Map.entry("reggae", new Range(60, 90)),
            Map.entry("synthwave", new Range(80, 118)),
            Map.entry("jazz", new Range(80, 240)),
            Map.entry("ambient", new Range(50, 110)));

    private GenreTempos() {}

    /** The range for a genre name (case and spaces as the library writes them); empty for genres without a convention. */
    public static Optional<Range> of(String genre) {
        return Optional.ofNullable(RANGES.get(genre.trim().toLowerCase(Locale.ROOT).replace(' ', '-')));
    }
}
