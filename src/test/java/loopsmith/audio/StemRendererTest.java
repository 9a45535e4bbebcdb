package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import loopsmith.NativeTest;
import loopsmith.music.GeneralMidi;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SoundFont renderer on the real FluidR3_GM: presets, pitch, timing, envelopes, exclusive classes, bad files. */
@NativeTest
class StemRendererTest {
    private static final int RATE = 44100;
    private static final int PPQ = 480;
    private static StemRenderer renderer;

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(Files.isRegularFile(Signals.SOUNDFONT), "FluidR3_GM.sf2 not installed");
        renderer = new StemRenderer(Signals.SOUNDFONT, RATE);
    }

    @Test
    void everyGeneralMidiProgramAndTheStandardKitHaveLayers() {
        SoundFont font = SoundFont.open(Signals.SOUNDFONT);
        for (int program = 0; program <= Track.MAX_PROGRAM; program++) // G3: inside every instrument's compass (contrabass ends at A3)
            assertFalse(font.layers(0, program, 55, 100).isEmpty(), "program " + program);
        for (int drum : new int[] {GeneralMidi.KICK, GeneralMidi.SNARE, GeneralMidi.CLOSED_HAT, GeneralMidi.OPEN_HAT, GeneralMidi.CRASH})
            assertFalse(font.layers(128, 0, drum, 100).isEmpty(), "drum " + drum);
        // key ranges choose different samples across a piano's compass
        assertTrue(font.layers(0, 0, 21, 100).get(0).sampleIndex() != font.layers(0, 0, 108, 100).get(0).sampleIndex());
    }

    @Test
    void notesSoundAtTheirPitch() {
        for (int[] c : new int[][] {{0, 57, 220}, {0, 69, 440}, {73, 81, 880}, {33, 45, 110}}) { // piano, piano, flute, bass
            float[] audio = mono(render(track(c[0], false, new Note(c[1], 100, 0, 2L * PPQ)), 1));
            PitchTracker.Track t = PitchTracker.track(java.util.Arrays.copyOfRange(audio, 2205, RATE), RATE);
            double median = median(t.hz());
            assertEquals(c[2], median, c[2] * 0.015, "program " + c[0] + " key " + c[1]);
        }
    }

    @Test
    void drumHitsStartOnTheirFrame() {
        List<Note> hits = new ArrayList<>();
        for (int beat = 1; beat < 8; beat++) hits.add(new Note(GeneralMidi.KICK, 110, beat * (long) PPQ, PPQ / 4));
        float[] audio = mono(render(track(0, true, hits.toArray(Note[]::new)), 2));
        int framesPerBeat = RATE / 2; // 120 bpm
        for (int k = 0; k < framesPerBeat; k++) assertEquals(0f, audio[k], "silence before the first hit, frame " + k);
        for (int beat = 1; beat < 8; beat++) {
            float peak = 0;
            // the SF2 default volume-envelope delay is 1 ms (-12000 timecents), as in FluidSynth, and the kick sample's first
            // millisecond is near silence: the hit is loud within 3 ms
            for (int k = beat * framesPerBeat; k < beat * framesPerBeat + 3 * RATE / 1000; k++) peak = Math.max(peak, Math.abs(audio[k]));
            assertTrue(peak > 0.01, "hit on beat " + beat + " sounds within 3 ms of its time, peak " + peak);
        }
    }

    @Test
    void releasedNotesFadeAndSustainedOnesHold() {
        // an organ (looped sample, full sustain) held for two beats then released
        float[] audio = mono(render(track(16, false, new Note(60, 100, 0, 2L * PPQ)), 2));
        double held = rms(audio, RATE / 4, RATE / 2), later = rms(audio, 3 * RATE / 2, 2 * RATE);
        assertTrue(held > 0.01, "sounds while held: " + held);
        assertTrue(later < held / 100, "silent long after release: " + later + " vs " + held);
    }

    @Test
    void aClosedHatCutsAnOpenOne() {
        float[] open = mono(render(track(0, true, new Note(GeneralMidi.OPEN_HAT, 100, 0, PPQ)), 2));
        float[] cut = mono(render(track(0, true, new Note(GeneralMidi.OPEN_HAT, 100, 0, PPQ), new Note(GeneralMidi.CLOSED_HAT, 1, PPQ / 2, 10)), 2));
        double ringing = rms(open, RATE / 2, RATE), choked = rms(cut, RATE / 2, RATE);
        assertTrue(choked < ringing / 3, "open hat after the closed one: " + choked + " vs " + ringing);
    }

    @Test
    void louderVelocitiesAreLouderAndRendersRepeatExactly() {
        float[][] soft = render(track(0, false, new Note(60, 40, 0, PPQ)), 1);
        float[][] loud = render(track(0, false, new Note(60, 120, 0, PPQ)), 1);
        assertTrue(peak(loud[0]) > 2 * peak(soft[0]), peak(loud[0]) + " vs " + peak(soft[0]));
        float[][] again = render(track(0, false, new Note(60, 120, 0, PPQ)), 1);
        assertArrayEquals(loud[0], again[0]);
        assertArrayEquals(loud[1], again[1]);
    }

    @Test
    void panIsStereo() {
        // FluidR3's piano has left and right samples panned apart: the channels differ but carry the same level
        float[][] piano = render(track(0, false, new Note(60, 100, 0, PPQ)), 1);
        assertFalse(java.util.Arrays.equals(piano[0], piano[1]));
        assertEquals(1, rms(piano[0], 0, RATE) / rms(piano[1], 0, RATE), 0.5);
    }

    @Test
    void whatIsNotASoundFontIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.sf2"), "not a soundfont at all");
        Path wav = dir.resolve("drum.sf2");
        WavWriter.write(wav, new float[][] {new float[100], new float[100]}, RATE, 16);
        Path truncated = dir.resolve("truncated.sf2");
        try (var in = Files.newInputStream(Signals.SOUNDFONT)) {
            Files.write(truncated, in.readNBytes(4096));
        }
        for (Path bad : List.of(text, wav, truncated, dir.resolve("missing.sf2"))) {
            LoopsmithException e = assertThrows(LoopsmithException.class, () -> new StemRenderer(bad, RATE));
            assertEquals(bad, e.file(), e.getMessage());
        }
    }

    /**
     * A cancelled or timed-out server job interrupts its thread; the render stops at its next block instead of running
     * to the end on a job nobody waits for, and says so as the generator does, with a CancellationException.
     */
    @Test
    void anInterruptedRenderStops() {
        Track held = track(48, false, new Note(48, 100, 0, 64L * PPQ), new Note(55, 100, 0, 64L * PPQ), new Note(60, 100, 0, 64L * PPQ));
        Piece piece = Piece.of(PPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(held), 16L * 4 * PPQ);
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> renderer.render(piece, held, renderer.loopFrames(piece), 0));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    /** renderAll's caller interrupted while its tracks render on other threads: those stop too, and it is a cancellation. */
    @Test
    void anInterruptedRenderOfSeveralTracksStops() {
        Track a = track(48, false, new Note(48, 100, 0, 64L * PPQ)), b = track(0, false, new Note(60, 100, 0, 64L * PPQ));
        Piece piece = Piece.of(PPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(a, b), 16L * 4 * PPQ);
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> renderer.renderAll(piece, List.of(a, b), renderer.loopFrames(piece), 0));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    private static Track track(int program, boolean drums, Note... notes) {
        return new Track(drums ? "Drums" : "Synth", drums ? Role.DRUMS : Role.MELODY, program, drums, List.of(notes));
    }

    /** The track as a piece at 120 bpm, {@code bars} 4/4 bars long, rendered to stereo. */
    private static float[][] render(Track track, int bars) {
        Piece piece = Piece.of(PPQ, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(track), (long) bars * 4 * PPQ);
        return renderer.render(piece, track, renderer.loopFrames(piece), 0);
    }

    private static float[] mono(float[][] stereo) {
        return Analyzer.mono(stereo);
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * x[i];
        return Math.sqrt(s / (to - from));
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) p = Math.max(p, Math.abs(v));
        return p;
    }

    private static double median(double[] hz) {
        double[] voiced = java.util.Arrays.stream(hz).filter(h -> h > 0).sorted().toArray();
        return voiced.length == 0 ? 0 : voiced[voiced.length / 2];
    }
}
