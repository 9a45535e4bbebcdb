package loopsmith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random pieces that MIDI can carry exactly: per pitch, notes do not overlap; every note lies inside the piece;
 * tempos are whole microseconds per quarter. Odd meters, tempo and meter changes, drums and many tracks included.
 */
public final class PieceArbitraries {
    private PieceArbitraries() {}

    /** Any piece at all, as files deliver them: overlapping notes, notes past the end, any role, odd resolutions. */
    public static Arbitrary<Piece> messyPieces() {
        Arbitrary<Integer> ppq = Arbitraries.of(1, 7, 24, 96, 100, 480, 960, 1000, 1024, 32767);
        return Combinators.combine(ppq, Arbitraries.longs()).as(PieceArbitraries::messyPiece);
    }

    static Piece messyPiece(int ppq, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        Piece base = randomPiece(ppq, seed);
        List<Track> tracks = new ArrayList<>();
        for (Track t : base.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes());
            for (int i = 0; i < rnd.nextInt(6); i++) { // overlaps, duplicates, zero lengths, notes past the end
                long start = rnd.nextInt((int) Math.min(Integer.MAX_VALUE, base.endTick() + ppq));
                notes.add(new Note(rnd.nextInt(128), 1 + rnd.nextInt(127), start, rnd.nextInt(4 * ppq + 1)));
                if (!notes.isEmpty() && rnd.nextBoolean()) notes.add(notes.get(rnd.nextInt(notes.size())));
            }
            Role role = t.isDrum() ? Role.DRUMS : Role.values()[rnd.nextInt(Role.values().length)];
            tracks.add(new Track("Track " + rnd.nextInt(100), role, t.program(), t.isDrum(), notes));
        }
        return base.withTracks(tracks).withEndTick(rnd.nextInt(3) == 0 ? 0 : base.endTick());
    }

    private static final List<Role> NAMED_ROLES = List.of(Role.BASS, Role.CHORDS, Role.MELODY, Role.PAD, Role.FX);

    public static Arbitrary<Piece> writablePieces() {
        Arbitrary<Integer> ppq = Arbitraries.of(24, 96, 120, 192, 384, 480, 960, 1024);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(ppq, seed).as(PieceArbitraries::randomPiece);
    }

    static Piece randomPiece(int ppq, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<TimeSignature> meters = List.of(TimeSignature.FOUR_FOUR, new TimeSignature(3, 4), new TimeSignature(6, 8),
                new TimeSignature(7, 8), new TimeSignature(5, 4), new TimeSignature(2, 2), new TimeSignature(12, 8));
        TimeSignature ts = meters.get(rnd.nextInt(meters.size()));
        long barTicks = ts.ticksPerBar(ppq);
        int bars = 1 + rnd.nextInt(8);
        long end = bars * barTicks;
        List<TempoChange> tempos = new ArrayList<>();
        tempos.add(new TempoChange(0, 60_000_000.0 / (300_000 + rnd.nextInt(900_000))));
        if (bars > 1 && rnd.nextBoolean()) tempos.add(new TempoChange(barTicks, 60_000_000.0 / (300_000 + rnd.nextInt(900_000))));
        List<TimeSignatureChange> meterMap = new ArrayList<>(List.of(new TimeSignatureChange(0, ts)));
        if (bars > 2 && rnd.nextInt(4) == 0) meterMap.add(new TimeSignatureChange(2 * barTicks, new TimeSignature(3, 4)));
        int trackCount = rnd.nextInt(6);
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < trackCount; t++) {
            boolean drums = rnd.nextInt(4) == 0;
            Role role = drums ? Role.DRUMS : NAMED_ROLES.get(rnd.nextInt(NAMED_ROLES.size()));
            List<Note> notes = new ArrayList<>();
            long[] freeFrom = new long[128];
            int n = rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                int pitch = drums ? 35 + rnd.nextInt(20) : 24 + rnd.nextInt(80);
                long start = freeFrom[pitch] + rnd.nextInt((int) Math.max(1, barTicks));
                if (start >= end) continue;
                long duration = 1 + rnd.nextInt((int) Math.min(Integer.MAX_VALUE, Math.max(1, end - start)));
                notes.add(new Note(pitch, 1 + rnd.nextInt(127), start, duration));
                freeFrom[pitch] = start + duration;
            }
            tracks.add(new Track(role.displayName(), role, drums ? 0 : rnd.nextInt(128), drums, notes));
        }
        Optional<Key> key = rnd.nextBoolean() ? Optional.of(new Key(rnd.nextInt(12), rnd.nextBoolean() ? Mode.MAJOR : Mode.MINOR))
                : Optional.empty();
        return new Piece(ppq, tempos, meterMap, key, tracks, end);
    }
}
