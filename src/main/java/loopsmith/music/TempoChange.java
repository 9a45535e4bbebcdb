package loopsmith.music;

/** A tempo in quarter notes per minute, in force from {@code tick} on. */
public record TempoChange(long tick, double bpm) {
    /** Ableton Live's tempo range; tempos outside it are clamped when read. */
    public static final double MIN_BPM = 20;
    public static final double MAX_BPM = 999;
    /** Lacking a tempo event, 120 BPM is assumed per the MIDI standard. */
    public static final double DEFAULT_BPM = 120;

    public TempoChange {
        if (tick < 0) throw new IllegalArgumentException("tick must be >= 0, was " + tick);
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM))
            throw new IllegalArgumentException("bpm must be " + MIN_BPM + ".." + MAX_BPM + ", was " + bpm);
    }

    public long microsPerQuarter() {
        return Math.round(60_000_000.0 / bpm);
    }
}
