/**
 * The starter corpus: labelled multi-genre loops written by rules (drum grooves, basslines that follow the harmony,
 * genre-typical progressions, melodies in key), so a fresh install can train and test without anyone's library.
 * Everything is seeded: the same seed writes the same files.
 */
package loopsmith.starter;
