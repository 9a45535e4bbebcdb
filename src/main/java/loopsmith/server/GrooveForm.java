package loopsmith.server;

import java.util.Optional;
import loopsmith.service.GrooveService;

/**
 * The {@code request} part of {@code POST /api/groove}. Every field is optional; missing ones take the CLI's defaults.
 * A client cannot name a model file: the server grooves with the bundled model.
 *
 * @param amount 0..1 (default 1)
 * @param genre  the genre to draw the feel from (default: every genre the model knows)
 * @param seed   the same seed gives the same file (default: one is chosen and sent back in {@code X-Loopsmith-Seed})
 */
public record GrooveForm(Double amount, String genre, Long seed) {
    static final GrooveForm EMPTY = new GrooveForm(null, null, null);
    private static final int MAX_GENRE_CHARS = 64;

    GrooveService.Request toRequest() {
        if (genre != null && genre.length() > MAX_GENRE_CHARS) throw new ApiException(400, "genre: at most " + MAX_GENRE_CHARS + " characters");
        return new GrooveService.Request(amount == null ? GrooveService.DEFAULT_AMOUNT : amount,
                Optional.ofNullable(genre).filter(g -> !g.isBlank()), Optional.ofNullable(seed), Optional.empty());
    }
}
