package loopsmith.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One part of a piece: its notes (sorted, see {@link Note#compareTo}), its General MIDI program (0-based) and whether
 * it plays on the drum channel, where pitches name drum sounds instead of notes.
 */
public record Track(String name, Role role, int program, boolean isDrum, List<Note> notes) {
    public static final int MIN_PROGRAM = 0;
    public static final int MAX_PROGRAM = 127;

    public Track {
        if (name == null) throw new IllegalArgumentException("name must not be null");
        if (role == null) throw new IllegalArgumentException("role must not be null");
        if (program < MIN_PROGRAM || program > MAX_PROGRAM)
            throw new IllegalArgumentException("program must be 0..127, was " + program);
        notes = sorted(notes);
    }

    private static List<Note> sorted(List<Note> notes) {
        for (int i = 1; i < notes.size(); i++) {
            if (notes.get(i - 1).compareTo(notes.get(i)) > 0) {
                List<Note> copy = new ArrayList<>(notes);
                Collections.sort(copy);
                return List.copyOf(copy);
            }
        }
        return List.copyOf(notes);
    }

    public Track withNotes(List<Note> newNotes) {
        return new Track(name, role, program, isDrum, newNotes);
    }

    public Track withRole(Role newRole) {
        return new Track(name, newRole, program, isDrum, notes);
    }

    public Track withName(String newName) {
        return new Track(newName, role, program, isDrum, notes);
    }

    public int lowestPitch() {
        return notes.stream().mapToInt(Note::pitch).min().orElse(-1);
    }

    public int highestPitch() {
        return notes.stream().mapToInt(Note::pitch).max().orElse(-1);
    }

    /** Tick of the last note-off, 0 for an empty track. */
    public long lastNoteEndTick() {
        long end = 0;
        for (Note n : notes) end = Math.max(end, n.endTick());
        return end;
    }
}
