package loopsmith.tokens;

import java.util.Optional;
import loopsmith.music.Piece;

/**
 * What {@link RemiDecoder} made of a token sequence. {@code droppedTokens} counts tokens that did not fit the grammar
 * and were skipped; {@code insertedTokens} counts tokens it had to assume (a missing BAR_END, a note's missing
 * velocity). Both are 0 for a valid sequence.
 * {@code swing} is the piece's swing tag: the notes are straight, and a player applies it (see
 * {@code library.Swing#apply}).
 */
public record Decoded(Piece piece, Tags tags, Optional<Token.Swing> swing, int droppedTokens, int insertedTokens) {
    public boolean repaired() {
        return droppedTokens > 0 || insertedTokens > 0;
    }
}
