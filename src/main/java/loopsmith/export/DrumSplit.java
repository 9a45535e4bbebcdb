package loopsmith.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.DrumGroup;
import loopsmith.music.Note;
import loopsmith.music.Track;

/** A drum part cut into one part per {@link DrumGroup}, every note in exactly one of them. */
final class DrumSplit {
    private DrumSplit() {}

    /** One group's share of a drum part: a drum track named after the group, possibly without notes. */
    record Part(DrumGroup group, Track track) { }

    /** Every group, in {@link DrumGroup} order, each with the notes of {@code drums} that belong to it. */
    static List<Part> of(Track drums) {
        if (!drums.isDrum()) throw new IllegalArgumentException(drums.name() + " is not a drum part");
        Map<DrumGroup, List<Note>> notes = new EnumMap<>(DrumGroup.class);
        for (DrumGroup g : DrumGroup.values()) notes.put(g, new ArrayList<>());
        for (Note n : drums.notes()) notes.get(DrumGroup.of(n.pitch())).add(n);
        List<Part> out = new ArrayList<>();
        for (DrumGroup g : DrumGroup.values())
            out.add(new Part(g, new Track(g.displayName(), drums.role(), drums.program(), true, notes.get(g))));
        return out;
    }
}
