package loopsmith.starter;

import java.util.List;
import loopsmith.music.Role;

/**
 * How one genre of the starter corpus sounds: tempo range, meters, harmony, the idiom of each part, instruments
 * (GM programs, 0-based), feel, and the labels its loops carry.
 *
 * @param minorShare   share of loops in a minor key
 * @param meters       "4/4", "3/4", "6/8" with weights (cumulative use: see {@link #meter})
 * @param progressions scale degrees (0 = tonic), one chord per bar
 * @param chordNotes   3 triads, 4 sevenths, 5 ninths
 * @param harmonyRole  CHORDS, or PAD where the genre holds long pads rather than rhythmic chords
 * @param roleSets     the part line-ups a loop may have; the first is the genre's full band
 */
record Genre(String name, int minBpm, int maxBpm, double minorShare, List<String> meters, double[] meterWeights,
             List<int[]> progressions, int chordNotes, Parts.Drums drums, Parts.Bass bass, Parts.Comp comp,
             Parts.Lead lead, int[] bassPrograms, int[] compPrograms, int[] leadPrograms, Role harmonyRole,
             Feel feel, List<String> styles, List<String> moods, List<List<Role>> roleSets) {

    String meter(double u) {
        double acc = 0;
        for (int i = 0; i < meters.size(); i++) {
            acc += meterWeights[i];
            if (u < acc) return meters.get(i);
        }
        return meters.get(meters.size() - 1);
    }
}
