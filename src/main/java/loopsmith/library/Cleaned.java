package loopsmith.library;

import java.util.List;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Piece;

/**
 * A file after cleaning, with the decisions the report shows: where tempo and key came from, the key finder's
 * confidence when it had to guess, the swing it straightened, and what bar alignment removed.
 *
 * @param bpmSource   {@code label}, {@code file} or {@code assumed} (no tempo anywhere: 120 BPM)
 * @param tempoNote   empty, or how tempo changes were handled ("dominant tempo of 3 used")
 * @param keySource   {@code label}, {@code key signature}, {@code estimated} or {@code none} (drums only)
 * @param keyConfidence 1 for labels and key signatures, the key finder's confidence when estimated
 */
public record Cleaned(Piece piece, String bpmSource, String tempoNote, Optional<Key> key, String keySource,
                      double keyConfidence, Optional<Swing> swing, int leadingBarsDropped, int pickupNotesDropped,
                      List<String> warnings) {
    public Cleaned {
        warnings = List.copyOf(warnings);
    }
}
