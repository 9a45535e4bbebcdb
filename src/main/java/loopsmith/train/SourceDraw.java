package loopsmith.train;

/**
 * How a run draws one source of its training segments, as its recipe's weights set it.
 *
 * @param source   the source ("groove") or a source's style weighted apart ("groove/fill")
 * @param share    its share of the training draws, 0..1
 * @param segments the training segments it draws from
 */
public record SourceDraw(String source, double share, int segments) { }
