package loopsmith.music;

/** A time signature in force from {@code tick} on. */
public record TimeSignatureChange(long tick, TimeSignature timeSignature) {
    public TimeSignatureChange {
        if (tick < 0) throw new IllegalArgumentException("tick must be >= 0, was " + tick);
        if (timeSignature == null) throw new IllegalArgumentException("timeSignature must not be null");
    }
}
