package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopsmith.music.Note;
import loopsmith.music.Track;

/**
 * Roland V-Drums kits (the TD-11 of the Groove MIDI Dataset, and most e-kits' MIDI export) write each pad's second
 * zone as its own note: a hi-hat's edge as 22 and 26, which General MIDI does not have, and rims and cymbal edges on
 * GM notes that mean other instruments (58, a tom rim, is GM's vibraslap). Mapped to the GM sound a Drum Rack plays
 * for that pad, so a human drummer's hi-hat is not lost and a tom rim is not a vibraslap.
 */
public final class DrumKit {
    private DrumKit() {}

    /** Roland zone → GM note: hi-hat edges to the hi-hat, rims to their drum's head, cymbal edges to their cymbal. */
    static final Map<Integer, Integer> ROLAND_TO_GM = Map.of(
            22, 42,   // hi-hat closed, edge
            26, 46,   // hi-hat open, edge
            40, 38,   // snare rim shot
            50, 48,   // tom 1 rim
            47, 45,   // tom 2 rim
            58, 43,   // tom 3 rim
            55, 49,   // crash 1 edge
            52, 57,   // crash 2 edge
            59, 51);  // ride edge

    /** Pitches only a Roland kit writes: a drum part that has one was recorded on one. */
    private static boolean rolandOnly(int pitch) {
        return pitch == 22 || pitch == 26;
    }

    /**
     * The drum part with Roland zones mapped to GM when it comes from a Roland kit: {@code roland} says so (the
     * corpus is known to be one), or the part plays a pitch only a Roland kit writes. Other parts are returned as they are.
     */
    public static Track toGeneralMidi(Track drums, boolean roland) {
        if (!drums.isDrum()) return drums;
        boolean map = roland || drums.notes().stream().anyMatch(n -> rolandOnly(n.pitch()));
        if (!map) return drums;
        List<Note> notes = new ArrayList<>(drums.notes().size());
        for (Note n : drums.notes()) {
            Integer gm = ROLAND_TO_GM.get(n.pitch());
            notes.add(gm == null ? n : new Note(gm, n.velocity(), n.startTick(), n.durationTicks()));
        }
        return drums.withNotes(notes);
    }
}
