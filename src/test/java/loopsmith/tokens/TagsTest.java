package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

/** Tags as the header tokens a piece writes, and back. */
@UnitTest
class TagsTest {
    @Test
    void tokensComeInHeaderOrderAndReadBackToTheSameTags() {
        Tags all = new Tags(Optional.of("Deep House"), Optional.of("fill"), Optional.of("dark"), Optional.of("human"));
        assertEquals(List.of("GENRE=deep-house", "STYLE=fill", "MOOD=dark", "FEEL=human"), all.tokens().stream().map(Token::toString).toList());
        assertEquals(all, Tags.fromTokens(all.tokens()));
        Tags some = Tags.of("techno", null, "dark");
        assertEquals(List.of("GENRE=techno", "MOOD=dark"), some.tokens().stream().map(Token::toString).toList());
        assertEquals(some, Tags.fromTokens(some.tokens()));
        assertEquals(Tags.NONE, Tags.fromTokens(List.of()));
    }
}
