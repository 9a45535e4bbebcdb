package loopsmith.generate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** How many notes a prompt asks for, relative to what the genre usually has. */
public enum Density {
    SPARSE, MEDIUM, BUSY;

    // Prompt words only: labels in a library never carry a density, so these spellings live here, not in Synonyms.
    // "rolling" is how producers ask for a bassline or groove that never stops, so it is busy.
    private static final Map<String, Density> WORDS = Map.ofEntries(
            Map.entry("sparse", SPARSE), Map.entry("minimal", SPARSE), Map.entry("minimalist", SPARSE),
            Map.entry("simple", SPARSE), Map.entry("stripped", SPARSE), Map.entry("stripped back", SPARSE),
            Map.entry("stripped down", SPARSE), Map.entry("bare", SPARSE), Map.entry("barebones", SPARSE),
            Map.entry("bare bones", SPARSE), Map.entry("spacious", SPARSE), Map.entry("few notes", SPARSE),
            Map.entry("medium", MEDIUM), Map.entry("moderate", MEDIUM), Map.entry("balanced", MEDIUM),
            Map.entry("busy", BUSY), Map.entry("dense", BUSY), Map.entry("complex", BUSY), Map.entry("intricate", BUSY),
            Map.entry("full", BUSY), Map.entry("packed", BUSY), Map.entry("rolling", BUSY), Map.entry("many notes", BUSY),
            Map.entry("lots of notes", BUSY));
    // Hyphens and underscores read as spaces, so "stripped-back" from a prompt or an option finds "stripped back".
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    /** {@code "sparse"}, {@code "medium"}, {@code "busy"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The density a prompt word or short phrase asks for ("minimal" → SPARSE, "stripped-back" → SPARSE, "dense" →
     * BUSY); empty for other words.
     */
    public static Optional<Density> fromWord(String word) {
        if (word == null) return Optional.empty();
        return Optional.ofNullable(WORDS.get(SEPARATORS.matcher(word.trim().toLowerCase(Locale.ROOT)).replaceAll(" ")));
    }
}
