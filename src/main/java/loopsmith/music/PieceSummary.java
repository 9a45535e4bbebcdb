package loopsmith.music;

import java.util.ArrayList;
import java.util.List;

/** What {@code loopsmith inspect} shows of a piece: the facts a producer checks before using a file. */
public record PieceSummary(int ticksPerQuarter, double bpm, double dominantBpm, int tempoChanges, String timeSignature,
                           int timeSignatureChanges, String key, long lengthBars, double lengthSeconds, int noteCount,
                           List<TrackSummary> tracks) {

    public record TrackSummary(String name, String role, int program, String instrument, boolean drums, int notes,
                               int lowestPitch, int highestPitch) { }

    public static PieceSummary of(Piece piece) {
        List<TrackSummary> tracks = new ArrayList<>();
        for (Track t : piece.tracks()) {
            tracks.add(new TrackSummary(t.name(), t.role().label(), t.program(),
                    t.isDrum() ? "Drum kit" : GeneralMidi.programName(t.program()), t.isDrum(), t.notes().size(),
                    t.lowestPitch(), t.highestPitch()));
        }
        return new PieceSummary(piece.ticksPerQuarter(), round2(piece.initialBpm()), round2(piece.dominantBpm()),
                piece.tempos().size() - 1, piece.initialTimeSignature().toString(), piece.timeSignatures().size() - 1,
                piece.key().map(Key::displayName).orElse(null), piece.lengthBars(),
                Math.round(piece.secondsAt(piece.endTick()) * 1000) / 1000.0, piece.noteCount(), tracks);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
