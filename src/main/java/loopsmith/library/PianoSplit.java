package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * Splits a piano accompaniment (left and right hand in one part, as POP909 writes it) into a bass line and chords.
 * A note is bass when it is the lowest note sounding at its onset (no lower note still held, none lower starting
 * with it) and sits in a bass register; the bass line is then made monophonic, each note ending where the next begins.
 * A left-hand arpeggio over a held root therefore stays with the chords, and a walking left hand becomes the bass.
 */
public final class PianoSplit {
    /** Highest pitch a bass note may have: G3. */
    static final int BASS_MAX_PITCH = 55;

    private PianoSplit() {}

    /** The bass part and the chords part of {@code piano} (either may be empty). */
    public static List<Track> split(Track piano, int ticksPerQuarter) {
        long together = Math.max(1, ticksPerQuarter / 8); // onsets within a 32nd note count as one chord
        List<Note> notes = piano.notes();
        List<Note> bass = new ArrayList<>();
        List<Note> chords = new ArrayList<>();
        int i = 0;
        while (i < notes.size()) {
            long start = notes.get(i).startTick();
            int j = i;
            while (j < notes.size() && notes.get(j).startTick() - start < together) j++;
            int lowest = i;
            for (int k = i + 1; k < j; k++) if (notes.get(k).pitch() < notes.get(lowest).pitch()) lowest = k;
            Note low = notes.get(lowest);
            boolean isBass = low.pitch() <= BASS_MAX_PITCH && !lowerStillSounding(notes, i, low);
            for (int k = i; k < j; k++) (k == lowest && isBass ? bass : chords).add(notes.get(k));
            i = j;
        }
        List<Note> line = new ArrayList<>(bass.size());
        for (int k = 0; k < bass.size(); k++) {
            Note n = bass.get(k);
            long end = n.endTick();
            if (k + 1 < bass.size()) end = Math.min(end, bass.get(k + 1).startTick());
            line.add(new Note(n.pitch(), n.velocity(), n.startTick(), Math.max(1, end - n.startTick())));
        }
        return List.of(new Track("bass", Role.BASS, piano.program(), false, line),
                new Track(piano.name(), Role.CHORDS, piano.program(), false, chords));
    }

    /** Whether a note that started before index {@code from} is still held, lower than {@code low}, at its onset. */
    private static boolean lowerStillSounding(List<Note> notes, int from, Note low) {
        // Notes are sorted by onset; a piano note rarely lasts more than a few bars, so look back a bounded way.
        for (int k = from - 1; k >= 0 && k >= from - 64; k--) {
            Note n = notes.get(k);
            if (n.pitch() < low.pitch() && n.endTick() > low.startTick()) return true;
        }
        return false;
    }
}
