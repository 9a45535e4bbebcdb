package loopsmith.generate;

import java.util.Optional;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Role;

/**
 * Which pitches a part may play: drum kits only the General MIDI percussion keys (so hits land on Drum Rack pads),
 * pitched parts a range their instrument plays in, and, by the key constraint, the key's scale.
 */
final class PitchRules {
    /**
     * Logit penalty for an out-of-scale pitch under {@link KeyConstraint#SOFT}: a lean toward the key, not a wall. The
     * min-p cut comes after it, so a larger penalty leaves a chromatic note no chance at all, where played music has
     * a few; this one has ideas leave the key about as often as the music learned from (README, "Prompts").
     */
    static final float SOFT_PENALTY = 0.25f;

    private PitchRules() {}

    /** Lowest and highest pitch a role plays (inclusive), wide enough for real parts, narrow enough to rule out junk. */
    static int[] range(Role role) {
        return switch (role) {
            case BASS -> new int[] {24, 64};
            case CHORDS -> new int[] {36, 88};
            case MELODY -> new int[] {48, 100};
            case PAD -> new int[] {36, 96};
            case DRUMS -> new int[] {GeneralMidi.MIN_DRUM_PITCH, GeneralMidi.MAX_DRUM_PITCH};
            case FX, OTHER -> new int[] {0, 127};
        };
    }

    /** 0 when allowed, {@code -infinity} when forbidden, a penalty when merely discouraged. */
    static float bias(int pitch, Role role, boolean drums, Optional<Key> key, KeyConstraint constraint) {
        if (drums) return GeneralMidi.isDrumPitch(pitch) ? 0 : Float.NEGATIVE_INFINITY;
        int[] r = range(role);
        if (pitch < r[0] || pitch > r[1]) return Float.NEGATIVE_INFINITY;
        if (key.isEmpty() || constraint == KeyConstraint.OFF || key.get().inScale(pitch)) return 0;
        return constraint == KeyConstraint.STRICT ? Float.NEGATIVE_INFINITY : -SOFT_PENALTY;
    }
}
