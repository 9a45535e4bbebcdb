package loopsmith.music;

import java.util.Locale;

/**
 * The pads of a drum kit as a producer splits it onto Live tracks: each General MIDI percussion key belongs to one
 * group. Crash, ride, china and splash are {@link #CYMBALS} rather than percussion: they mark phrases or carry the
 * time (the jazz ride) and are mixed like overheads, which shakers and congas are not.
 */
public enum DrumGroup {
    /** Bass drums 35 and 36. */
    KICK("Kick"),
    /** Side stick 37, snares 38 and 40, clap 39. */
    SNARE("Snare"),
    /** Closed 42, pedal 44 and open 46 hi-hats, and 22/26, the hat edges of Roland kits. */
    HATS("Hats"),
    /** Floor, low, mid and high toms 41, 43, 45, 47, 48, 50. */
    TOMS("Toms"),
    /** Crashes 49 and 57, rides 51 and 59, ride bell 53, china 52, splash 55. */
    CYMBALS("Cymbals"),
    /** Everything else: tambourine, cowbell, congas, shakers, clicks, the GS extensions. */
    PERCUSSION("Percussion");

    private final String displayName;

    DrumGroup(String displayName) {
        this.displayName = displayName;
    }

    /** "Kick", "Snare", …: the name of its track and files in Live. */
    public String displayName() {
        return displayName;
    }

    /** "kick", "snare", …: the group as the sidecar names it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DrumGroup of(int pitch) {
        return switch (pitch) {
            case 35, 36 -> KICK;
            case 37, 38, 39, 40 -> SNARE;
            case 22, 26, 42, 44, 46 -> HATS;
            case 41, 43, 45, 47, 48, 50 -> TOMS;
            case 49, 51, 52, 53, 55, 57, 59 -> CYMBALS;
            default -> PERCUSSION;
        };
    }
}
