package loopsmith.generate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How many notes a prompt asks for, relative to what the genre usually has. */
public enum Density {
    SPARSE, MEDIUM, BUSY;

    // Prompt words only: labels in a library never carry a density, so these spellings live here, not in Synonyms.
    private static final Map<String, Density> WORDS = Map.ofEntries(
            Map.entry("sparse", SPARSE), Map.entry("minimal", SPARSE), Map.entry("minimalist", SPARSE),
            Map.entry("simple", SPARSE), Map.entry("stripped", SPARSE),
            Map.entry("medium", MEDIUM), Map.entry("moderate", MEDIUM),
            Map.entry("busy", BUSY), Map.entry("dense", BUSY), Map.entry("complex", BUSY), Map.entry("intricate", BUSY));

    /** {@code "sparse"}, {@code "medium"}, {@code "busy"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The density a prompt word asks for ("minimal" → SPARSE, "dense" → BUSY); empty for other words. */
    public static Optional<Density> fromWord(String word) {
        if (word == null) return Optional.empty();
        return Optional.ofNullable(WORDS.get(word.trim().toLowerCase(Locale.ROOT)));
    }
}
