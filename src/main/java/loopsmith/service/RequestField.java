package loopsmith.service;

import java.util.Locale;

/**
 * The fields of a request (generate, Drumify, Interpolate, Groove), for errors that name the one at fault. The service
 * names a field; each shell spells it in its own terms (the CLI as {@code --in-key}, HTTP and OSC as {@code in_key}), so
 * no caller reads about an option it does not have.
 */
public enum RequestField {
    TEXT, GENRE, STYLE, MOOD, BPM, KEY, TIMESIG, BARS, ROLES, IN_KEY, TEMPERATURE, TOP_K, TOP_P, MIN_P, GUIDANCE, SEED,
    VARIATIONS, SEED_MIDI, AUDIO, FEEL_FROM_AUDIO, MODE, VARY_BARS, DENSITY, SWING, QUANTIZE, FEEL, CANDIDATES, STEPS, PART, AMOUNT;

    /** As the HTTP API and OSC spell it: {@code in_key}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
