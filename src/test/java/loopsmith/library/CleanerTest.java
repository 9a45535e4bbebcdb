package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import loopsmith.UnitTest;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

@UnitTest
class CleanerTest {
    private static final int PPQ = 480;

    private static Labels labels(Double bpm, String key, String meter, Set<Role> roles) {
        return new Labels(Optional.empty(), Optional.empty(), Optional.empty(),
                bpm == null ? OptionalDouble.empty() : OptionalDouble.of(bpm), Key.parse(key == null ? "" : key),
                TimeSignature.parse(meter == null ? "" : meter), roles, Map.of(), List.of(), List.of());
    }

    private static Piece piece(long endTick, Track... tracks) {
        return Piece.of(PPQ, 100, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(tracks), endTick);
    }

    private static Track melody(long... starts) {
        List<Note> notes = new ArrayList<>();
        int pitch = 60;
        for (long s : starts) notes.add(new Note(pitch++, 90, s, 200));
        return new Track("Lead", Role.MELODY, 80, false, notes);
    }

    @Test
    void labelsWinForTempoKeyAndMeter() {
        Cleaned c = new Cleaner(CleanConfig.defaults()).clean(piece(3840, melody(0, 480)), true, labels(124.0, "Am", "3/4", Set.of()));
        assertEquals(124.0, c.piece().initialBpm());
        assertEquals("label", c.bpmSource());
        assertEquals("A minor", c.key().orElseThrow().displayName());
        assertEquals("label", c.keySource());
        assertEquals("3/4", c.piece().initialTimeSignature().toString());
        assertTrue(c.warnings().get(0).contains("replaces the file's 4/4"));
    }

    @Test
    void fileTempoThenAssumedAndEstimatedKey() {
        Cleaned fromFile = new Cleaner(CleanConfig.defaults()).clean(piece(3840, melody(0, 480, 960)), true, Labels.NONE);
        assertEquals("file", fromFile.bpmSource());
        assertEquals(100.0, fromFile.piece().initialBpm());
        assertEquals("estimated", fromFile.keySource());
        assertTrue(fromFile.keyConfidence() >= 0 && fromFile.keyConfidence() <= 1);
        Cleaned assumed = new Cleaner(CleanConfig.defaults()).clean(piece(3840, melody(0)), false, Labels.NONE);
        assertEquals("assumed", assumed.bpmSource());
        assertEquals(120.0, assumed.piece().initialBpm());
    }

    @Test
    void quantizeStrength() {
        Piece p = piece(1920, melody(13));
        long full = new Cleaner(CleanConfig.defaults()).clean(p, true, Labels.NONE).piece().tracks().get(0).notes().get(0).startTick();
        assertEquals(20, full); // the 24-step grid at 480 PPQ is 20 ticks
        CleanConfig half = new CleanConfig(4, 0.5, false, false, false, Optional.empty());
        Note n = new Cleaner(half).clean(piece(1920, melody(100)), true, Labels.NONE).piece().tracks().get(0).notes().get(0);
        assertEquals(110, n.startTick()); // halfway from 100 to the 16th at 120
    }

    @Test
    void leadingSilenceAndPickupAreRemoved() {
        // Two empty bars, then a pickup on beat 4 of bar 2, then the tune from bar 3.
        Cleaned c = new Cleaner(CleanConfig.defaults()).clean(piece(6 * 1920, melody(2 * 1920 + 1440, 3 * 1920, 3 * 1920 + 480)), true, Labels.NONE);
        assertEquals(2, c.leadingBarsDropped());
        assertEquals(1, c.pickupNotesDropped());
        assertEquals(0, c.piece().tracks().get(0).notes().get(0).startTick());
        assertEquals(3 * 1920, c.piece().endTick());
        CleanConfig keep = new CleanConfig(24, 1, true, true, false, Optional.empty());
        Cleaned kept = new Cleaner(keep).clean(piece(6 * 1920, melody(2 * 1920 + 1440, 3 * 1920)), true, Labels.NONE);
        assertEquals(1440, kept.piece().tracks().get(0).notes().get(0).startTick(), "pickup kept as a partial bar");
    }

    @Test
    void singleTrackRoleFromLabelsAndRoleMerging() {
        Cleaned c = new Cleaner(CleanConfig.defaults()).clean(piece(1920, melody(0, 480)), true, labels(null, null, null, Set.of(Role.BASS)));
        assertEquals(Role.BASS, c.piece().tracks().get(0).role());
        CleanConfig merge = new CleanConfig(24, 1, true, false, true, Optional.empty());
        Cleaned m = new Cleaner(merge).clean(piece(1920, melody(0), melody(480)), true, Labels.NONE);
        assertEquals(1, m.piece().tracks().size());
        assertEquals(2, m.piece().noteCount());
    }

    @Test
    void transposeToACommonKey() {
        CleanConfig toC = new CleanConfig(24, 1, false, false, false, Key.parse("C"));
        Cleaned c = new Cleaner(toC).clean(piece(1920, melody(0)), true, labels(null, "D", null, Set.of()));
        assertEquals(58, c.piece().tracks().get(0).notes().get(0).pitch()); // D → C: down a tone
        assertEquals("C major", c.key().orElseThrow().displayName());
        Cleaned relative = new Cleaner(toC).clean(piece(1920, melody(0)), true, labels(null, "Am", null, Set.of()));
        assertEquals(60, relative.piece().tracks().get(0).notes().get(0).pitch(), "A minor shares C major's notes");
    }
}
