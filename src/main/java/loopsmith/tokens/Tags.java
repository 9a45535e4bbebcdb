package loopsmith.tokens;

import java.util.Optional;

/**
 * The free-word conditioning of a piece: genre, style, mood and feel ({@code human} or {@code tight}). Tempo, meter and key are not here: they come from the
 * piece itself. Values are normalized the way {@link Token.Tag} stores them.
 */
public record Tags(Optional<String> genre, Optional<String> style, Optional<String> mood, Optional<String> feel) {
    public static final Tags NONE = new Tags(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Tags {
        genre = clean(genre);
        style = clean(style);
        mood = clean(mood);
        feel = clean(feel);
    }

    public Tags(Optional<String> genre, Optional<String> style, Optional<String> mood) {
        this(genre, style, mood, Optional.empty());
    }

    public Tags withFeel(Optional<String> newFeel) {
        return new Tags(genre, style, mood, newFeel);
    }

    private static Optional<String> clean(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(Token.Tag::normalize).filter(s -> !s.isEmpty());
    }

    public static Tags of(String genre, String style, String mood) {
        return new Tags(Optional.ofNullable(genre), Optional.ofNullable(style), Optional.ofNullable(mood));
    }
}
