package loopsmith.music;

import java.util.Locale;
import java.util.Optional;

/** What a track does in an arrangement. The lower-case name is used in tokens, labels and file names. */
public enum Role {
    DRUMS, BASS, CHORDS, MELODY, PAD, FX, OTHER;

    /** Chords and pads: parts whose notes sound together as chords (one note at a time is a line's). */
    public boolean playsChords() {
        return this == CHORDS || this == PAD;
    }

    /** {@code "drums"}, {@code "bass"}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "Drums"}, {@code "Bass"}, ...: the name a track gets in Live's browser. */
    public String displayName() {
        return name().charAt(0) + label().substring(1);
    }

    /** Parses a role label, case-insensitively; empty when it names no role. */
    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim().toUpperCase(Locale.ROOT);
        for (Role r : values()) if (r.name().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
