package loopsmith.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class ControlsTest {
    /** A part playing just under a level's ceiling is measured at that level; at the ceiling, at the next. */
    @Test
    void aLevelsCeilingIsWhereItsPartsStop() {
        for (Role role : List.of(Role.BASS, Role.CHORDS, Role.MELODY, Role.PAD)) {
            for (int level = 0; level < Controls.LEVELS - 1; level++) {
                double ceiling = Controls.notesPerBarBelow(role, false, level);
                int bars = 4;
                int atCeiling = (int) Math.ceil(ceiling * bars);
                assertEquals(level, Controls.density(part(role, atCeiling - 1), bars), role + " level " + level);
                assertEquals(level + 1, Controls.density(part(role, atCeiling), bars), role + " level " + level);
            }
            assertEquals(Double.POSITIVE_INFINITY, Controls.notesPerBarBelow(role, false, Controls.LEVELS - 1));
        }
        assertEquals(9, Controls.notesPerBarBelow(Role.DRUMS, true, 0));
        assertThrows(IllegalArgumentException.class, () -> Controls.notesPerBarBelow(Role.BASS, false, Controls.LEVELS));
    }

    private static Track part(Role role, int notes) {
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < notes; i++) out.add(new Note(60, 90, i * 10L, 10));
        return new Track("part", role, 0, false, out);
    }
}
