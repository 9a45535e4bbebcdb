package loopsmith.music;

import java.util.List;

/**
 * Where bars begin, given a time-signature map. A time-signature change that falls inside a bar cuts that bar short
 * and starts a new bar at the change, which is how sequencers read such files.
 */
public final class BarGrid {
    private final int ticksPerQuarter;
    private final long[] segmentStartTick;
    private final long[] segmentFirstBar;
    private final long[] segmentBarTicks;

    public BarGrid(int ticksPerQuarter, List<TimeSignatureChange> changes) {
        this.ticksPerQuarter = ticksPerQuarter;
        int n = changes.size();
        segmentStartTick = new long[n];
        segmentFirstBar = new long[n];
        segmentBarTicks = new long[n];
        long bar = 0;
        for (int i = 0; i < n; i++) {
            segmentStartTick[i] = changes.get(i).tick();
            segmentBarTicks[i] = Math.max(1, changes.get(i).timeSignature().ticksPerBar(ticksPerQuarter));
            segmentFirstBar[i] = bar;
            if (i + 1 < n) {
                long span = changes.get(i + 1).tick() - segmentStartTick[i];
                bar += ceilDiv(span, segmentBarTicks[i]);
            }
        }
    }

    public int ticksPerQuarter() {
        return ticksPerQuarter;
    }

    private int segmentOfTick(long tick) {
        int i = segmentStartTick.length - 1;
        while (i > 0 && segmentStartTick[i] > tick) i--;
        return i;
    }

    private int segmentOfBar(long bar) {
        int i = segmentFirstBar.length - 1;
        while (i > 0 && segmentFirstBar[i] > bar) i--;
        return i;
    }

    /** The bar (0-based) that contains {@code tick}. */
    public long barAt(long tick) {
        int s = segmentOfTick(tick);
        return segmentFirstBar[s] + (tick - segmentStartTick[s]) / segmentBarTicks[s];
    }

    /** Tick where bar {@code bar} (0-based) begins. */
    public long barStartTick(long bar) {
        int s = segmentOfBar(bar);
        return segmentStartTick[s] + (bar - segmentFirstBar[s]) * segmentBarTicks[s];
    }

    /** Length in ticks of bar {@code bar}, shortened when a time-signature change cuts it. */
    public long barLengthTicks(long bar) {
        return barStartTick(bar + 1) - barStartTick(bar);
    }

    /** Number of bars needed to cover ticks {@code [0, endTick)}. */
    public long barsCovering(long endTick) {
        if (endTick <= 0) return 0;
        long bar = barAt(endTick - 1);
        return bar + 1;
    }

    /** The first bar line at or after {@code tick}. */
    public long barLineAtOrAfter(long tick) {
        long bar = barAt(tick);
        long start = barStartTick(bar);
        return start == tick ? tick : barStartTick(bar + 1);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
