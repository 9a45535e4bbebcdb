package loopsmith.audio;

/** A note heard in a clip, in seconds from its start; for drums {@code pitch} is a General MIDI drum note. */
public record AudioNote(double startSeconds, double durationSeconds, int pitch, int velocity) { }
