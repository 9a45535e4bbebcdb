package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.BarGrid;
import loopsmith.music.DrumGroup;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.Track;

/**
 * A drum part against the sixteenth-note grid of its piece, bar by bar: for every hit, its drum group, the sixteenth
 * of its bar it belongs to (the nearest), how far from that sixteenth it was played and how hard. This is the
 * quantized pattern a groove is learned from and applied to (GrooVAE's split of a performance into score, micro-timing
 * and velocity). Offsets are a share of a sixteenth rather than ticks or milliseconds, so a feel learned at one tempo
 * carries to another.
 */
public final class DrumGrid {
    public static final int STEPS_PER_QUARTER = 4;
    /** Bars longer than this (past 8/4) are not described: no groove is learned from them or applied to them. */
    public static final int MAX_STEPS_PER_BAR = 32;

    /**
     * One hit.
     *
     * @param noteIndex   its index in the track's notes
     * @param step        the sixteenth of its bar, 0-based
     * @param gridTick    where that sixteenth falls in the piece, in ticks (rounded)
     * @param offsetSteps the hit's start less {@code gridTick}, as a share of a sixteenth: −0.5 … 0.5, positive late
     */
    public record Hit(int noteIndex, int pitch, DrumGroup group, int step, long gridTick, double offsetSteps, int velocity) { }

    /**
     * One bar that has hits.
     *
     * @param bar   0-based, in the piece's bar grid
     * @param steps sixteenths in the bar (16 in 4/4, 12 in 3/4 and 6/8)
     * @param hits  in the track's note order
     */
    public record Bar(long bar, int steps, List<Hit> hits) {
        public Bar {
            hits = List.copyOf(hits);
        }
    }

    private DrumGrid() {}

    /** Ticks of one sixteenth (fractional when the resolution is not a multiple of 4). */
    public static double stepTicks(int ticksPerQuarter) {
        return (double) ticksPerQuarter / STEPS_PER_QUARTER;
    }

    /** The bars of {@code drums} that have hits, in order; bars longer than {@link #MAX_STEPS_PER_BAR} are left out. */
    public static List<Bar> bars(Piece piece, Track drums) {
        BarGrid grid = piece.barGrid();
        double stepTicks = stepTicks(piece.ticksPerQuarter());
        List<Bar> bars = new ArrayList<>();
        List<Hit> current = new ArrayList<>();
        long currentBar = -1;
        int currentSteps = 0;
        List<Note> notes = drums.notes();
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            long gridStep = Math.round(n.startTick() / stepTicks);
            long gridTick = Math.round(gridStep * stepTicks);
            long bar = grid.barAt(gridTick);
            long barStart = grid.barStartTick(bar);
            int steps = (int) Math.round(grid.barLengthTicks(bar) / stepTicks);
            int step = (int) Math.round((gridTick - barStart) / stepTicks);
            if (bar != currentBar) {
                if (!current.isEmpty() && currentSteps <= MAX_STEPS_PER_BAR) bars.add(new Bar(currentBar, currentSteps, current));
                current = new ArrayList<>();
                currentBar = bar;
                currentSteps = steps;
            }
            double offset = Math.max(-0.5, Math.min(0.5, (n.startTick() - gridTick) / stepTicks));
            current.add(new Hit(i, n.pitch(), DrumGroup.of(n.pitch()), Math.min(step, Math.max(0, steps - 1)), gridTick, offset, n.velocity()));
        }
        if (!current.isEmpty() && currentSteps <= MAX_STEPS_PER_BAR) bars.add(new Bar(currentBar, currentSteps, current));
        return bars;
    }

    /** The tempo in force where a bar's first hit's sixteenth falls. */
    public static double bpmAt(Piece piece, Bar bar) {
        long tick = bar.hits().get(0).gridTick();
        double bpm = piece.tempos().get(0).bpm();
        for (TempoChange c : piece.tempos()) if (c.tick() <= tick) bpm = c.bpm();
        return bpm;
    }

    /** Whether a track is a drum part: on the drum channel, or named as one ("Drums", "808 Kit"; Live exports clips on channel 1). */
    public static boolean isDrums(Track t) {
        return t.isDrum() || t.role() == Role.DRUMS;
    }
}
