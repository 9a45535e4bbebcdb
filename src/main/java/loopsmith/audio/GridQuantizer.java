package loopsmith.audio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loopsmith.music.Note;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * Places notes heard in seconds onto the detected tempo's sixteenth-note grid, tick 0 at the first beat. Two hits of
 * one drum that land on the same step become one (the louder).
 */
public final class GridQuantizer {
    /** The resolution transcriptions are written at: the common DAW resolution. */
    public static final int TICKS_PER_QUARTER = 480;
    static final int STEPS_PER_BEAT = 4;

    private GridQuantizer() {}

    public static Track track(String name, Role role, int program, boolean isDrum, List<AudioNote> heard, Tempo tempo) {
        long stepTicks = TICKS_PER_QUARTER / STEPS_PER_BEAT;
        long endTick = (long) tempo.bars() * 4 * TICKS_PER_QUARTER;
        Set<Long> seen = new HashSet<>();
        List<Note> notes = new ArrayList<>();
        List<AudioNote> loudestFirst = new ArrayList<>(heard);
        loudestFirst.sort((a, b) -> Integer.compare(b.velocity(), a.velocity()));
        for (AudioNote n : loudestFirst) {
            long step = Math.round((n.startSeconds() - tempo.firstBeatSeconds()) / tempo.beatSeconds() * STEPS_PER_BEAT);
            long start = Math.max(0, step) * stepTicks;
            if (start >= endTick || !seen.add(start * 128 + n.pitch())) continue;
            long duration = Math.max(stepTicks, Math.round(n.durationSeconds() / tempo.beatSeconds() * STEPS_PER_BEAT) * stepTicks);
            notes.add(new Note(n.pitch(), n.velocity(), start, isDrum ? stepTicks : Math.min(duration, endTick - start)));
        }
        return new Track(name, role, program, isDrum, notes);
    }
}
