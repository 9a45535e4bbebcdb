package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class RoleGuesserTest {
    private static List<Note> line(int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(new Note(pitches[i], 90, i * 480L, 400));
        return notes;
    }

    private static List<Note> chords(int beats) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < beats; i++) for (int p : new int[] {60, 64, 67}) notes.add(new Note(p, 80, i * 480L, 470));
        return notes;
    }

    @Test
    void drumChannelWins() {
        assertEquals(Role.DRUMS, RoleGuesser.guess("Lead", 0, true, line(36, 38), 480));
    }

    @Test
    void namesBeatPrograms() {
        assertEquals(Role.BASS, RoleGuesser.guess("Sub Bass", 0, false, line(60), 480));
        assertEquals(Role.CHORDS, RoleGuesser.guess("PIANO", 0, false, line(60), 480));
        assertEquals(Role.MELODY, RoleGuesser.guess("MELODY", 0, false, chords(2), 480));
    }

    @Test
    void notesDecideWhenNothingElseDoes() {
        assertEquals(Role.BASS, RoleGuesser.guess("Track 2", 0, false, line(36, 38, 40, 43), 480));
        assertEquals(Role.MELODY, RoleGuesser.guess("Track 3", 0, false, line(72, 74, 76, 79), 480));
        assertEquals(Role.CHORDS, RoleGuesser.guess("Track 4", 0, false, chords(4), 480));
        assertEquals(Role.BASS, RoleGuesser.guess("Track 5", 33, false, line(72), 480)); // GM bass program
    }
}
