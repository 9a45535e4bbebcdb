package loopsmith.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loopsmith.music.BarGrid;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;

/**
 * Whether a piece's parts listen to each other. Chord-tone rate: the share of melody and bass onsets whose pitch class
 * the chord part (CHORDS tracks, else PAD) is sounding at that onset. Bass–kick lock: the share of bass onsets within
 * half a 16th of a kick. Each is measured against the piece's own part and against another piece's part mapped onto
 * the same bar and position (the other piece loops if it is shorter); own − other is the lift, the part of the figure
 * that comes from the parts being written together rather than from scale and grid alone.
 *
 * <p>Onsets within a 32nd of each other count as together (a chord played a little late still sounds at the bass
 * note it goes with). When no chord note sounds, the last chord struck earlier in the same bar stands (a stab has
 * ended, its harmony has not); an onset with no chord at all in its bar so far is not counted. Onsets in the first
 * half of the bars are early (bars 1–2 of 4), the rest late, so a part that falls apart after the start shows.
 */
public final class PartCoherence {
    private static final Set<Integer> KICKS = Set.of(35, 36);

    private PartCoherence() {}

    /** Hits among counted onsets, early (first half of the bars) and late. */
    public record Counts(int earlyHits, int earlyCounted, int lateHits, int lateCounted) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public double early() {
            return earlyCounted == 0 ? Double.NaN : (double) earlyHits / earlyCounted;
        }

        public double late() {
            return lateCounted == 0 ? Double.NaN : (double) lateHits / lateCounted;
        }

        public double all() {
            int n = earlyCounted + lateCounted;
            return n == 0 ? Double.NaN : (double) (earlyHits + lateHits) / n;
        }

        Counts plus(boolean early, boolean hit) {
            return early ? new Counts(earlyHits + (hit ? 1 : 0), earlyCounted + 1, lateHits, lateCounted)
                    : new Counts(earlyHits, earlyCounted, lateHits + (hit ? 1 : 0), lateCounted + 1);
        }
    }

    /** The notes of the chord part: CHORDS tracks, else PAD tracks; empty when the piece has neither. */
    public static List<Note> chordPart(Piece piece) {
        List<Note> chords = notesOf(piece, Role.CHORDS);
        return chords.isEmpty() ? notesOf(piece, Role.PAD) : chords;
    }

    /** Melody and bass onsets of {@code piece} against the chord part of {@code chordSource} moved by {@code semitones}. */
    public static Counts chordTones(Piece piece, Piece chordSource, int semitones) {
        List<Note> chords = chordPart(chordSource);
        List<Note> lines = new ArrayList<>(notesOf(piece, Role.MELODY));
        lines.addAll(notesOf(piece, Role.BASS));
        if (chords.isEmpty() || lines.isEmpty()) return Counts.NONE;
        Mapping map = new Mapping(piece, chordSource);
        long tolerance = Math.max(1, chordSource.ticksPerQuarter() / 8);
        Counts c = Counts.NONE;
        for (Note n : lines) {
            Optional<Long> at = map.tick(n.startTick());
            if (at.isEmpty()) continue;
            Set<Integer> pcs = chordPitchClassesAt(chords, at.get(), map.sourceBarStart(n.startTick()), tolerance);
            if (pcs.isEmpty()) continue;
            c = c.plus(map.early(n.startTick()), pcs.contains(Math.floorMod(n.pitch() - semitones, 12)));
        }
        return c;
    }

    /** Bass onsets of {@code piece} within half a 16th of a kick of {@code drumSource}. */
    public static Counts bassKickLock(Piece piece, Piece drumSource) {
        List<Note> bass = notesOf(piece, Role.BASS);
        long[] kicks = drumSource.tracks().stream().filter(Track::isDrum).flatMap(t -> t.notes().stream())
                .filter(n -> KICKS.contains(n.pitch())).mapToLong(Note::startTick).sorted().toArray();
        if (bass.isEmpty() || kicks.length == 0) return Counts.NONE;
        Mapping map = new Mapping(piece, drumSource);
        long tolerance = Math.max(1, drumSource.ticksPerQuarter() / 8); // half a 16th
        Counts c = Counts.NONE;
        for (Note n : bass) {
            Optional<Long> at = map.tick(n.startTick());
            if (at.isEmpty()) continue;
            int i = Arrays.binarySearch(kicks, at.get() - tolerance);
            if (i < 0) i = -i - 1;
            c = c.plus(map.early(n.startTick()), i < kicks.length && kicks[i] <= at.get() + tolerance);
        }
        return c;
    }

    /** A piece's part, its key and whether it has the part to lend; what {@link #partner} chooses among. */
    public record Candidate(Optional<Key> key, boolean hasPart) { }

    /** Another piece to compare with, and the semitones its part is moved by to sound in this piece's key. */
    public record Partner(int index, int semitones) { }

    /**
     * The partner of piece {@code i}: the next piece (cyclically) with the part and the same key; else the next one in
     * the same mode, transposed to this key; else the next one with a key, transposed tonic to tonic; else the next
     * one with the part, as it is. Empty when no other piece has the part.
     */
    public static Optional<Partner> partner(List<Candidate> pieces, int i) {
        Optional<Key> key = pieces.get(i).key();
        int n = pieces.size();
        for (int pass = 0; pass < 4; pass++) {
            for (int step = 1; step < n; step++) {
                int j = (i + step) % n;
                Candidate c = pieces.get(j);
                if (!c.hasPart()) continue;
                boolean keyed = key.isPresent() && c.key().isPresent();
                if (pass == 0 && keyed && c.key().equals(key)) return Optional.of(new Partner(j, 0));
                if (pass == 1 && keyed && c.key().get().mode() == key.get().mode()) return Optional.of(new Partner(j, shift(c.key().get(), key.get())));
                if (pass == 2 && keyed) return Optional.of(new Partner(j, shift(c.key().get(), key.get())));
                if (pass == 3) return Optional.of(new Partner(j, 0));
            }
        }
        return Optional.empty();
    }

    /** The nearest move, -5..6 semitones, from one tonic to the other. */
    static int shift(Key from, Key to) {
        int d = Math.floorMod(to.tonicPitchClass() - from.tonicPitchClass(), 12);
        return d > 6 ? d - 12 : d;
    }

    private static Set<Integer> chordPitchClassesAt(List<Note> chords, long tick, long barStart, long tolerance) {
        Set<Integer> sounding = new HashSet<>();
        long lastStruck = -1;
        for (Note c : chords) {
            if (c.startTick() > tick + tolerance) break; // notes are sorted by onset
            if (c.endTick() > tick) sounding.add(c.pitch() % 12);
            if (c.startTick() >= barStart) lastStruck = Math.max(lastStruck, c.startTick());
        }
        if (!sounding.isEmpty() || lastStruck < 0) return sounding;
        for (Note c : chords)
            if (c.startTick() >= lastStruck - tolerance && c.startTick() <= lastStruck) sounding.add(c.pitch() % 12);
        return sounding;
    }

    private static List<Note> notesOf(Piece piece, Role role) {
        List<Note> notes = new ArrayList<>();
        for (Track t : piece.tracks()) if (t.role() == role && !t.isDrum()) notes.addAll(t.notes());
        notes.sort(null);
        return notes;
    }

    /** Carries a tick of one piece to the same bar (looping) and position of another, scaled to its resolution. */
    private static final class Mapping {
        private final BarGrid grid;
        private final BarGrid sourceGrid;
        private final long bars;
        private final long sourceBars;
        private final double scale;

        Mapping(Piece piece, Piece source) {
            grid = piece.barGrid();
            sourceGrid = source.barGrid();
            bars = Math.max(1, piece.lengthBars());
            sourceBars = Math.max(1, source.lengthBars());
            scale = (double) source.ticksPerQuarter() / piece.ticksPerQuarter();
        }

        boolean early(long tick) {
            return grid.barAt(tick) < bars / 2;
        }

        long sourceBarStart(long tick) {
            return sourceGrid.barStartTick(grid.barAt(tick) % sourceBars);
        }

        /** Empty when the position lies past the end of the other piece's bar (a longer meter). */
        Optional<Long> tick(long tick) {
            long bar = grid.barAt(tick);
            long offset = Math.round((tick - grid.barStartTick(bar)) * scale);
            long sourceBar = bar % sourceBars;
            if (offset >= sourceGrid.barLengthTicks(sourceBar)) return Optional.empty();
            return Optional.of(sourceGrid.barStartTick(sourceBar) + offset);
        }
    }
}
