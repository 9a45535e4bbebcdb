package loopsmith.music;

/** A sounding note. Times are in ticks of the owning {@link Piece}'s resolution ({@link Piece#ticksPerQuarter()}). */
public record Note(int pitch, int velocity, long startTick, long durationTicks) implements Comparable<Note> {
    public static final int MIN_PITCH = 0;
    public static final int MAX_PITCH = 127; // inclusive
    public static final int MIN_VELOCITY = 1; // a note-on with velocity 0 is a note-off in MIDI
    public static final int MAX_VELOCITY = 127;

    public Note {
        if (pitch < MIN_PITCH || pitch > MAX_PITCH) throw new IllegalArgumentException("pitch must be 0..127, was " + pitch);
        if (velocity < MIN_VELOCITY || velocity > MAX_VELOCITY)
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        if (startTick < 0) throw new IllegalArgumentException("startTick must be >= 0, was " + startTick);
        if (durationTicks < 0) throw new IllegalArgumentException("durationTicks must be >= 0, was " + durationTicks);
    }

    public long endTick() {
        return startTick + durationTicks;
    }

    /** Order used everywhere a track's notes are listed: by onset, then pitch, then longer first. */
    @Override
    public int compareTo(Note o) {
        int c = Long.compare(startTick, o.startTick);
        if (c != 0) return c;
        c = Integer.compare(pitch, o.pitch);
        if (c != 0) return c;
        c = Long.compare(o.durationTicks, durationTicks);
        return c != 0 ? c : Integer.compare(o.velocity, velocity);
    }
}
