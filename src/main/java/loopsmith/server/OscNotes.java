package loopsmith.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.midi.MidiReader;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * A result part as the notes a Live clip takes (pitch, start and length in beats, velocity), in chunks that fit one
 * UDP datagram each: what {@code /loopsmith/notes} carries (docs/osc.md).
 */
final class OscNotes {
    /** Notes per message: 4 arguments of 4 bytes and a type tag each, so 256 notes are about 5 kB. */
    static final int NOTES_PER_MESSAGE = 256;

    /**
     * @param name        the part, as its file is named: Full, Drums, Bass, Chords, Melody, Pad, Kick…
     * @param lengthBeats the clip's length: the piece's whole bars, in quarter-note beats
     * @param notes       {pitch, start beats, duration beats, velocity} per note, by start
     */
    record Part(String name, double lengthBeats, List<float[]> notes) {
        List<List<Object>> chunks() {
            List<List<Object>> out = new ArrayList<>();
            for (int from = 0; from < Math.max(1, notes.size()); from += NOTES_PER_MESSAGE) {
                List<Object> chunk = new ArrayList<>();
                for (float[] n : notes.subList(Math.min(from, notes.size()), Math.min(notes.size(), from + NOTES_PER_MESSAGE))) {
                    chunk.add((int) n[0]);
                    chunk.add(n[1]);
                    chunk.add(n[2]);
                    chunk.add((int) n[3]);
                }
                out.add(chunk);
            }
            return out;
        }
    }

    private OscNotes() {}

    /** The part in {@code file}, every track merged (a Full file holds them all); empty when it cannot be read. */
    static Optional<Part> read(Path file, String name) {
        Piece p;
        try {
            p = MidiReader.read(file).piece();
        } catch (LoopsmithException e) {
            return Optional.empty();
        }
        double tpq = p.ticksPerQuarter();
        List<float[]> notes = new ArrayList<>();
        for (Track t : p.tracks())
            for (Note n : t.notes())
                notes.add(new float[] {n.pitch(), (float) (n.startTick() / tpq), (float) (n.durationTicks() / tpq), n.velocity()});
        notes.sort((a, b) -> Float.compare(a[1], b[1]));
        double beatsPerBar = p.initialTimeSignature().quartersPerBar();
        return Optional.of(new Part(name, Math.max(1, p.lengthBars()) * beatsPerBar, notes));
    }
}
