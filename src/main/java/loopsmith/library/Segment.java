package loopsmith.library;

import loopsmith.music.Piece;

/** A window of a cleaned piece: {@code bars} bars starting at bar {@code startBar}, moved to start at tick 0. */
public record Segment(Piece piece, long startBar, int bars) { }
