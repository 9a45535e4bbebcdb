package loopsmith.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A piece of music: tracks on a shared timeline, with its tempo map, time-signature map and key.
 *
 * <p>All times are in ticks at {@code ticksPerQuarter}. {@code endTick} is where the piece ends: the loop point a clip
 * in Live repeats at. Notes may ring past it (a held chord in the last bar); writers clip them at the end.
 * Lacking a tempo, 120 BPM is assumed and lacking a time signature 4/4, per the MIDI standard: the maps always start
 * at tick 0.
 */
public record Piece(int ticksPerQuarter, List<TempoChange> tempos, List<TimeSignatureChange> timeSignatures,
                    Optional<Key> key, List<Track> tracks, long endTick) {
    public static final int MAX_TICKS_PER_QUARTER = 0x7FFF; // the largest MIDI can express

    public Piece {
        if (ticksPerQuarter < 1 || ticksPerQuarter > MAX_TICKS_PER_QUARTER)
            throw new IllegalArgumentException("ticksPerQuarter must be 1.." + MAX_TICKS_PER_QUARTER + ", was " + ticksPerQuarter);
        if (endTick < 0) throw new IllegalArgumentException("endTick must be >= 0, was " + endTick);
        tempos = startingAtZero(tempos, TempoChange::tick, new TempoChange(0, TempoChange.DEFAULT_BPM));
        timeSignatures = startingAtZero(timeSignatures, TimeSignatureChange::tick,
                new TimeSignatureChange(0, TimeSignature.FOUR_FOUR));
        key = key == null ? Optional.empty() : key;
        tracks = List.copyOf(tracks);
    }

    /** Sorts by tick (stable), keeps the last of several changes at one tick, and fills in the default at tick 0. */
    private static <T> List<T> startingAtZero(List<T> changes, java.util.function.ToLongFunction<T> tick, T atZero) {
        List<T> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingLong(tick));
        List<T> out = new ArrayList<>(sorted.size() + 1);
        for (T c : sorted) {
            if (!out.isEmpty() && tick.applyAsLong(out.get(out.size() - 1)) == tick.applyAsLong(c)) out.remove(out.size() - 1);
            out.add(c);
        }
        if (out.isEmpty() || tick.applyAsLong(out.get(0)) > 0) out.add(0, atZero);
        return List.copyOf(out);
    }

    /** A piece with one tempo and one time signature. */
    public static Piece of(int ticksPerQuarter, double bpm, TimeSignature timeSignature, Optional<Key> key,
                           List<Track> tracks, long endTick) {
        return new Piece(ticksPerQuarter, List.of(new TempoChange(0, bpm)),
                List.of(new TimeSignatureChange(0, timeSignature)), key, tracks, endTick);
    }

    public Piece withTracks(List<Track> newTracks) {
        return new Piece(ticksPerQuarter, tempos, timeSignatures, key, newTracks, endTick);
    }

    public Piece withEndTick(long newEndTick) {
        return new Piece(ticksPerQuarter, tempos, timeSignatures, key, tracks, newEndTick);
    }

    public Piece withKey(Optional<Key> newKey) {
        return new Piece(ticksPerQuarter, tempos, timeSignatures, newKey, tracks, endTick);
    }

    /** This piece at another resolution: every tick scaled and rounded (notes at least one tick long). */
    public Piece withResolution(int newTicksPerQuarter) {
        if (newTicksPerQuarter == ticksPerQuarter) return this;
        double f = (double) newTicksPerQuarter / ticksPerQuarter;
        List<Track> scaled = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes())
                notes.add(new Note(n.pitch(), n.velocity(), Math.round(n.startTick() * f), Math.max(1, Math.round(n.durationTicks() * f))));
            scaled.add(t.withNotes(notes));
        }
        return new Piece(newTicksPerQuarter, tempos.stream().map(c -> new TempoChange(Math.round(c.tick() * f), c.bpm())).toList(),
                timeSignatures.stream().map(c -> new TimeSignatureChange(Math.round(c.tick() * f), c.timeSignature())).toList(),
                key, scaled, Math.round(endTick * f));
    }

    public double initialBpm() {
        return tempos.get(0).bpm();
    }

    /** The tempo in force for the most ticks between 0 and the end: what a producer would call "the" tempo. */
    public double dominantBpm() {
        long end = Math.max(endTick, 1);
        double best = tempos.get(0).bpm();
        long bestTicks = -1;
        java.util.Map<Double, Long> ticksPerBpm = new java.util.HashMap<>();
        for (int i = 0; i < tempos.size(); i++) {
            long from = tempos.get(i).tick();
            long to = i + 1 < tempos.size() ? tempos.get(i + 1).tick() : Math.max(end, from);
            if (from >= end && i > 0) break;
            long ticks = ticksPerBpm.merge(tempos.get(i).bpm(), Math.max(0, Math.min(to, end) - from), Long::sum);
            if (ticks > bestTicks) {
                bestTicks = ticks;
                best = tempos.get(i).bpm();
            }
        }
        return best;
    }

    public TimeSignature initialTimeSignature() {
        return timeSignatures.get(0).timeSignature();
    }

    /** The bar lines of this piece's time-signature map. */
    public BarGrid barGrid() {
        return new BarGrid(ticksPerQuarter, timeSignatures);
    }

    /** Number of bars from tick 0 to the end; a partial last bar counts as one. */
    public long lengthBars() {
        return barGrid().barsCovering(endTick);
    }

    public int noteCount() {
        int n = 0;
        for (Track t : tracks) n += t.notes().size();
        return n;
    }

    /** Seconds from tick 0 to {@code tick}, following the tempo map. */
    public double secondsAt(long tick) {
        double seconds = 0;
        for (int i = 0; i < tempos.size(); i++) {
            long from = tempos.get(i).tick();
            if (from >= tick) break;
            long to = i + 1 < tempos.size() ? Math.min(tempos.get(i + 1).tick(), tick) : tick;
            seconds += (to - from) * 60.0 / (tempos.get(i).bpm() * ticksPerQuarter);
        }
        return seconds;
    }
}
