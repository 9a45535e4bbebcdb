package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.UnitTest;
import loopsmith.library.DrumGrid;
import loopsmith.library.GrooveModel;
import loopsmith.music.DrumGroup;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Groove keeps every hit and its sixteenth, moves nothing at amount 0, and is reproducible by seed. */
@UnitTest
class GrooveTransferTest {
    private static final int[] KIT = {36, 38, 42, 44, 46, 45, 49, 51, 39, 56};

    /** A model of random performed bars: offsets anywhere in ±half a sixteenth, any velocity. */
    static GrooveModel model(long seed, int bars) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] genre = new int[bars];
        int[] steps = new int[bars];
        int[] bpm = new int[bars];
        int[] counts = new int[bars];
        List<byte[]> hits = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            genre[b] = r.nextInt(3) - 1;
            steps[b] = r.nextInt(4) == 0 ? 12 : 16;
            bpm[b] = 60 + r.nextInt(120);
            counts[b] = 1 + r.nextInt(20);
            for (int h = 0; h < counts[b]; h++) {
                int pitch = KIT[r.nextInt(KIT.length)];
                hits.add(new byte[] {GrooveModel.cell(DrumGroup.of(pitch), r.nextInt(steps[b])), (byte) pitch, (byte) (1 + r.nextInt(127)),
                        GrooveModel.offsetByte(r.nextDouble(-0.5, 0.5))});
            }
        }
        byte[][] cols = new byte[4][hits.size()];
        for (int i = 0; i < hits.size(); i++) for (int c = 0; c < 4; c++) cols[c][i] = hits.get(i)[c];
        return new GrooveModel(GrooveModel.FORMAT, GrooveModel.VERSION, "random", 1, List.of("funk", "rock"), genre, steps, bpm, counts,
                cols[0], cols[1], cols[2], cols[3]);
    }

    static final GrooveTransfer TRANSFER = new GrooveTransfer(model(1, 300));

    /** A quantized drum clip (with a bass part that must stay as it is), at a resolution that may be low. */
    static Piece clip(int ppq, long seed, TimeSignature meter) {
        SplittableRandom r = new SplittableRandom(seed);
        int stepTicks = Math.max(1, ppq / 4);
        int bars = 1 + r.nextInt(4);
        long barTicks = meter.ticksPerBar(ppq);
        List<Note> drums = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(60); i++)
            drums.add(new Note(KIT[r.nextInt(KIT.length)], 1 + r.nextInt(127), (long) r.nextInt((int) (bars * barTicks / stepTicks)) * stepTicks,
                    r.nextInt(2 * stepTicks)));
        List<Note> bass = List.of(new Note(40, 90, 0, ppq), new Note(43, 80, ppq + 3, ppq));
        return Piece.of(ppq, 60 + r.nextInt(120), meter, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, drums),
                new Track("Bass", Role.BASS, 33, false, bass)), bars * barTicks);
    }

    @Provide
    Arbitrary<Piece> clips() {
        return Arbitraries.of(24, 96, 100, 480, 960).flatMap(ppq -> Arbitraries.longs().flatMap(seed ->
                Arbitraries.of(new TimeSignature(4, 4), new TimeSignature(3, 4), new TimeSignature(6, 8), new TimeSignature(7, 8))
                        .map(ts -> clip(ppq, seed, ts))));
    }

    @Property(tries = 200)
    void everyHitIsKeptOnItsSixteenth(@ForAll("clips") Piece clip, @ForAll long seed) {
        Piece fine = GrooveTransfer.atLeast(clip, GrooveTransfer.MIN_TICKS_PER_QUARTER);
        Track drums = fine.tracks().get(0);
        List<Note> out = TRANSFER.groove(fine, drums, 1.0, -1, new SplittableRandom(seed));
        assertEquals(drums.notes().size(), out.size());
        double stepTicks = DrumGrid.stepTicks(fine.ticksPerQuarter());
        for (int i = 0; i < out.size(); i++) {
            Note in = drums.notes().get(i);
            Note o = out.get(i);
            assertEquals(in.pitch(), o.pitch());
            assertEquals(in.durationTicks(), o.durationTicks());
            assertTrue(Math.abs(o.startTick() - in.startTick()) <= stepTicks / 2 + 1, in + " -> " + o);
        }
        // Order: a hit on an earlier sixteenth never lands after one on a later sixteenth.
        for (int i = 1; i < out.size(); i++) {
            if (drums.notes().get(i).startTick() > drums.notes().get(i - 1).startTick())
                for (int j = 0; j < i; j++)
                    if (drums.notes().get(j).startTick() < drums.notes().get(i).startTick())
                        assertTrue(out.get(j).startTick() <= out.get(i).startTick(), j + " " + out.get(j) + " after " + i + " " + out.get(i));
        }
        GrooveTransfer.Result r = TRANSFER.apply(clip, new GrooveTransfer.Options(1.0, Optional.empty(), seed));
        assertEquals(clip.noteCount(), r.piece().noteCount());
        assertEquals(drums.notes().size(), r.hits());
        long scale = r.piece().ticksPerQuarter() / clip.ticksPerQuarter();
        List<Note> bass = clip.tracks().get(1).notes().stream()
                .map(n -> new Note(n.pitch(), n.velocity(), n.startTick() * scale, n.durationTicks() * scale)).toList();
        assertEquals(bass, r.piece().tracks().get(1).notes(), "parts that are not drums stay as they are");
        assertEquals(clip.endTick() * scale, r.piece().endTick());
    }

    @Property(tries = 50)
    void amountZeroIsTheIdentity(@ForAll("clips") Piece clip, @ForAll long seed) {
        assertSame(clip, TRANSFER.apply(clip, new GrooveTransfer.Options(0, Optional.of("funk"), seed)).piece());
    }

    @Property(tries = 50)
    void theSameSeedGivesTheSameResult(@ForAll("clips") Piece clip, @ForAll long seed) {
        GrooveTransfer.Options o = new GrooveTransfer.Options(0.7, Optional.of("rock"), seed);
        assertEquals(TRANSFER.apply(clip, o).piece(), new GrooveTransfer(TRANSFER.model()).apply(clip, o).piece());
    }

    @Test
    void hitsTakeTheNeighboursTimingAndVelocity() {
        // One learned bar: kick on 1 late by a tenth of a sixteenth at 110, snare on 2 early by a fifth at 60.
        GrooveModel m = new GrooveModel(GrooveModel.FORMAT, GrooveModel.VERSION, "t", 1, List.of(), new int[] {-1}, new int[] {16},
                new int[] {120}, new int[] {2}, new byte[] {GrooveModel.cell(DrumGroup.KICK, 0), GrooveModel.cell(DrumGroup.SNARE, 4)},
                new byte[] {36, 38}, new byte[] {110, 60}, new byte[] {GrooveModel.offsetByte(0.1), GrooveModel.offsetByte(-0.2)});
        Piece clip = Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true,
                List.of(new Note(36, 100, 0, 60), new Note(38, 100, 480, 60), new Note(36, 100, 1920, 60)))), 3840);
        Piece full = new GrooveTransfer(m).apply(clip, new GrooveTransfer.Options(1, Optional.empty(), 1)).piece();
        assertEquals(List.of(new Note(36, 110, 12, 60), new Note(38, 60, 456, 60), new Note(36, 110, 1932, 60)), full.tracks().get(0).notes());
        Piece half = new GrooveTransfer(m).apply(clip, new GrooveTransfer.Options(0.5, Optional.empty(), 1)).piece();
        assertEquals(List.of(new Note(36, 105, 6, 60), new Note(38, 80, 468, 60), new Note(36, 105, 1926, 60)), half.tracks().get(0).notes());
    }

    @Test
    void anUnknownGenreFallsBackToAllWithAWarning() {
        Piece clip = clip(96, 3, TimeSignature.FOUR_FOUR);
        GrooveTransfer.Result r = TRANSFER.apply(clip, new GrooveTransfer.Options(1, Optional.of("house"), 3));
        assertEquals(Optional.empty(), r.genre());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("no house bars"), r.warnings().get(0));
        assertNotEquals(clip, r.piece());
    }
}
