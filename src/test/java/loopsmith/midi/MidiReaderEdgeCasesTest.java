package loopsmith.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated files for each reading rule of the Foundation issue. */
@UnitTest
class MidiReaderEdgeCasesTest {
    private static final Path NAME = Path.of("generated.mid");

    private static MidiReadResult read(byte[] bytes) {
        return MidiReader.read(bytes, NAME);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 24, 96, 480, 960, 1000, 1024, 32767})
    void anyResolution(int ppq) {
        byte[] b = Smf.header(0, 1, ppq).track(Smf.events().on(0, 0, 60, 100).off(ppq, 0, 60).end(ppq * 3L)).bytes();
        Piece p = read(b).piece();
        assertEquals(ppq, p.ticksPerQuarter());
        assertEquals(List.of(new Note(60, 100, 0, ppq)), p.tracks().get(0).notes());
        assertEquals(1, p.lengthBars());
    }

    @Test
    void runningStatusAndVelocityZeroNoteOff() {
        byte[] b = Smf.header(0, 1, 480).track(Smf.events()
                .delta(0).raw(0x90, 60, 100).delta(240).raw(60, 0).delta(0).raw(62, 90).delta(240).raw(62, 0).end(0)).bytes();
        MidiReadResult r = read(b);
        assertTrue(r.clean(), r.warnings().toString());
        assertEquals(List.of(new Note(60, 100, 0, 240), new Note(62, 90, 240, 240)), r.piece().tracks().get(0).notes());
    }

    @Test
    void overlappingSamePitchRestrikes() {
        // on@0, on@100 (same pitch), off@200, off@300: the re-strike ends the first note.
        byte[] b = Smf.header(0, 1, 480).track(Smf.events()
                .on(0, 0, 60, 100).on(100, 0, 60, 80).off(100, 0, 60).off(100, 0, 60).end(0)).bytes();
        List<Note> notes = read(b).piece().tracks().get(0).notes();
        assertEquals(List.of(new Note(60, 100, 0, 100), new Note(60, 80, 100, 100)), notes);
    }

    @Test
    void unterminatedNoteClosesAtEndOfTrack() {
        byte[] b = Smf.header(0, 1, 480).track(Smf.events().on(0, 0, 60, 100).end(1920)).bytes();
        MidiReadResult r = read(b);
        assertEquals(List.of(new Note(60, 100, 0, 1920)), r.piece().tracks().get(0).notes());
        assertTrue(r.warnings().get(0).contains("never released"));
    }

    /** Trailing silence up to End-of-Track counts in whole bars: a loop's silent last bar stays, a stopped recording's tail does not. */
    @Test
    void endOfTrackAddsTrailingSilenceInWholeBarsOnly() {
        // Notes in bar 1 (4/4 at 480 ticks a quarter: a bar is 1920 ticks).
        java.util.function.LongFunction<Long> barsWithEndAt = eot -> {
            byte[] b = Smf.header(0, 1, 480).track(Smf.events().on(0, 9, 38, 100).off(240, 9, 38).on(1320, 9, 36, 90).off(120, 9, 36)
                    .end(eot - 1680)).bytes();
            Piece p = read(b).piece();
            return p.barGrid().barsCovering(p.endTick());
        };
        assertEquals(4L, barsWithEndAt.apply(4 * 1920L), "a 4-bar loop whose last three bars are silent");
        assertEquals(2L, barsWithEndAt.apply(2 * 1920L + 2), "End-of-Track a sliver past a bar line");
        assertEquals(1L, barsWithEndAt.apply(1920L + 360), "a recording stopped three quarters of a beat into the next bar");
        assertEquals(2L, barsWithEndAt.apply(2 * 1920L + 1000), "whole silent bars before a partial one still count");
    }

    @Test
    void missingEndOfTrackStillReadsTheTrack() {
        byte[] b = Smf.header(0, 1, 480).track(Smf.events().on(0, 0, 60, 100).off(480, 0, 60)).bytes();
        MidiReadResult r = read(b);
        assertEquals(1, r.piece().noteCount());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("End-of-Track")), r.warnings().toString());
    }

    @Test
    void formatZeroIsSplitByChannelWithDrumsOnChannelTen() {
        byte[] b = Smf.header(0, 1, 480).track(Smf.events().name("Beat")
                .program(0, 1, 33).on(0, 9, 36, 100).on(0, 1, 36, 90).off(240, 9, 36).off(0, 1, 36).end(0)).bytes();
        Piece p = read(b).piece();
        assertEquals(2, p.tracks().size());
        assertEquals("Beat ch2", p.tracks().get(0).name());
        assertEquals(33, p.tracks().get(0).program());
        assertEquals(Role.BASS, p.tracks().get(0).role());
        assertTrue(p.tracks().get(1).isDrum());
        assertEquals(Role.DRUMS, p.tracks().get(1).role());
    }

    @Test
    void tempoTimeSignatureAndKeyChanges() {
        byte[] b = Smf.header(1, 2, 480)
                .track(Smf.events().tempo(0, 500_000).timeSignature(0, 6, 3).keySignature(0, -3, 1)
                        .tempo(1440, 400_000).timeSignature(0, 4, 2).end(0))
                .track(Smf.events().on(0, 0, 60, 100).off(2880, 0, 60).end(0)).bytes();
        Piece p = read(b).piece();
        assertEquals(2, p.tempos().size());
        assertEquals(150.0, p.tempos().get(1).bpm(), 1e-9);
        assertEquals("6/8", p.initialTimeSignature().toString());
        assertEquals("4/4", p.timeSignatures().get(1).timeSignature().toString());
        assertEquals("C minor", p.key().orElseThrow().displayName());
        assertEquals(2, p.lengthBars()); // one 6/8 bar (1440 ticks), then one 4/4 bar
        assertEquals(1.5 + 1440 / 480.0 * 0.4, p.secondsAt(2880), 1e-9);
    }

    @Test
    void smpteDivisionIsConverted() {
        int division = ((-24 & 0xFF) << 8) | 10; // 24 fps, 10 ticks per frame = 240 ticks per second
        byte[] b = Smf.header(0, 1, division).track(Smf.events().on(0, 0, 60, 100).off(240, 0, 60).end(0)).bytes();
        Piece p = read(b).piece();
        assertEquals(1.0, p.secondsAt(240), 1e-9);
    }

    @Test
    void rmidWrapperIsUnwrapped() {
        byte[] smf = Smf.header(0, 1, 480).track(Smf.events().on(0, 0, 60, 100).off(480, 0, 60).end(0)).bytes();
        Smf riff = new Smf().ascii("RIFF");
        int size = 4 + 8 + smf.length;
        riff.raw(size & 0xFF, size >> 8 & 0xFF, 0, 0).ascii("RMID").ascii("data").raw(smf.length & 0xFF, smf.length >> 8 & 0xFF, 0, 0);
        byte[] wrapped = concat(riff.bytes(), smf);
        assertEquals(read(smf).piece(), read(wrapped).piece());
    }

    @Test
    void notMidiIsRejectedWithTheReason() {
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> read("hello, world".getBytes()));
        assertEquals("generated.mid: not a MIDI file: no MThd header", e.getMessage());
    }

    @Test
    void truncatedTrackKeepsWhatCameBefore() {
        byte[] full = Smf.header(0, 1, 480).track(Smf.events()
                .on(0, 0, 60, 100).off(480, 0, 60).on(0, 0, 62, 100).off(480, 0, 62).end(0)).bytes();
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 6);
        MidiReadResult r = read(cut);
        assertEquals(2, r.piece().noteCount());
        assertFalse(r.clean());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("truncated")), r.warnings().toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
