package loopsmith.music;

import java.util.Locale;

/** Major or minor (natural minor for scale purposes). */
public enum Mode {
    MAJOR(new int[] {0, 2, 4, 5, 7, 9, 11}),
    MINOR(new int[] {0, 2, 3, 5, 7, 8, 10});

    private final int[] scaleSemitones;

    Mode(int[] scaleSemitones) {
        this.scaleSemitones = scaleSemitones;
    }

    /** Semitones above the tonic of the seven scale degrees. */
    public int[] scaleSemitones() {
        return scaleSemitones.clone();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
