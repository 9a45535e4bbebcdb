package loopsmith.music;

import java.util.Optional;

/** A meter such as 4/4 or 6/8. The denominator is a power of two, as MIDI can only express those. */
public record TimeSignature(int numerator, int denominator) {
    public static final TimeSignature FOUR_FOUR = new TimeSignature(4, 4);
    public static final int MAX_NUMERATOR = 64;
    public static final int MAX_DENOMINATOR = 64;

    public TimeSignature {
        if (numerator < 1 || numerator > MAX_NUMERATOR)
            throw new IllegalArgumentException("numerator must be 1.." + MAX_NUMERATOR + ", was " + numerator);
        if (denominator < 1 || denominator > MAX_DENOMINATOR || Integer.bitCount(denominator) != 1)
            throw new IllegalArgumentException("denominator must be a power of two up to " + MAX_DENOMINATOR + ", was " + denominator);
    }

    /** Length of one bar in ticks at the given resolution; exact when the resolution is divisible by denominator/4. */
    public long ticksPerBar(int ticksPerQuarter) {
        return (long) ticksPerQuarter * 4 * numerator / denominator;
    }

    /** Length of a bar in quarter notes (4/4 → 4, 6/8 → 3). */
    public double quartersPerBar() {
        return 4.0 * numerator / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    /** Parses {@code "6/8"}; empty when the text is not a valid time signature. */
    public static Optional<TimeSignature> parse(String text) {
        if (text == null) return Optional.empty();
        String[] parts = text.trim().split("/");
        if (parts.length != 2) return Optional.empty();
        try {
            int n = Integer.parseInt(parts[0].trim());
            int d = Integer.parseInt(parts[1].trim());
            if (n < 1 || n > MAX_NUMERATOR || d < 1 || d > MAX_DENOMINATOR || Integer.bitCount(d) != 1) return Optional.empty();
            return Optional.of(new TimeSignature(n, d));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
