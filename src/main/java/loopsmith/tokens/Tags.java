package loopsmith.tokens;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import loopsmith.library.CorpusRules;
import loopsmith.library.Labels;

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

    /** The tags ingest gives a file: its labels' genre, style and mood, and the feel its label or corpus says. */
    public static Tags of(Labels labels) {
        return new Tags(labels.genre(), labels.style(), labels.mood(), CorpusRules.feel(labels));
    }

    /** The tags from their tokens; a kind given twice keeps the last. */
    public static Tags fromTokens(Collection<Token.Tag> tags) {
        Optional<String> genre = Optional.empty(), style = Optional.empty(), mood = Optional.empty(), feel = Optional.empty();
        for (Token.Tag t : tags) {
            switch (t.kind()) {
                case GENRE -> genre = Optional.of(t.value());
                case STYLE -> style = Optional.of(t.value());
                case MOOD -> mood = Optional.of(t.value());
                case FEEL -> feel = Optional.of(t.value());
            }
        }
        return new Tags(genre, style, mood, feel);
    }

    /** The tags as tokens, in the order a piece's header writes them: genre, style, mood, feel. */
    public List<Token.Tag> tokens() {
        List<Token.Tag> out = new ArrayList<>(4);
        genre.ifPresent(g -> out.add(new Token.Tag(Token.TagKind.GENRE, g)));
        style.ifPresent(s -> out.add(new Token.Tag(Token.TagKind.STYLE, s)));
        mood.ifPresent(m -> out.add(new Token.Tag(Token.TagKind.MOOD, m)));
        feel.ifPresent(f -> out.add(new Token.Tag(Token.TagKind.FEEL, f)));
        return out;
    }
}
