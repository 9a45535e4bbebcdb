package loopsmith.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Assumptions;

/** Test signals with known answers: click tracks, sine chords and notes, and drum patterns rendered with FluidR3_GM. */
public final class Signals {
    static final int RATE = Analyzer.SAMPLE_RATE_HZ;
    static final Path SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private Signals() {}

    /** Decaying noise-and-tone clicks on every beat, accented on the bar, {@code bars} bars of 4/4 long. */
    static float[] clicks(double bpm, int bars) {
        int frames = (int) Math.round(bars * 4 * 60.0 / bpm * RATE);
        float[] out = new float[frames];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int beat = 0; beat < bars * 4; beat++) {
            int at = (int) Math.round(beat * 60.0 / bpm * RATE);
            double gain = beat % 4 == 0 ? 0.9 : 0.5;
            for (int i = 0; i < RATE / 20 && at + i < frames; i++) {
                double env = Math.exp(-i / (RATE * 0.01));
                out[at + i] += (float) (gain * env * (0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE) + 0.5 * (rnd.nextDouble() * 2 - 1)));
            }
        }
        return out;
    }

    /** Sine triads (root position, with octave doubling of the root), each {@code seconds} long. */
    static float[] chords(double seconds, int[]... chords) {
        int per = (int) Math.round(seconds * RATE);
        float[] out = new float[per * chords.length];
        for (int c = 0; c < chords.length; c++) {
            for (int pitch : chords[c]) {
                double hz = 440 * Math.pow(2, (pitch - 69) / 12.0);
                for (int i = 0; i < per; i++) {
                    double env = Math.min(1, Math.min(i, per - i) / (RATE * 0.01));
                    out[c * per + i] += (float) (0.15 * env * Math.sin(2 * Math.PI * hz * i / RATE));
                }
            }
        }
        return out;
    }

    /** A sequence of single sine notes with a little second harmonic, each {@code seconds} long. */
    static float[] melody(double seconds, int... pitches) {
        return chords(seconds, java.util.Arrays.stream(pitches).mapToObj(p -> new int[] {p}).toArray(int[][]::new));
    }

    /** A drum track: kick on 1 and 3, snare on 2 and 4, closed hats on the eighths. */
    public static Track backbeat(int bars, int ppq) {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            long b = (long) bar * 4 * ppq;
            for (int eighth = 0; eighth < 8; eighth++) notes.add(new Note(GeneralMidi.CLOSED_HAT, 80, b + eighth * ppq / 2L, ppq / 4));
            notes.add(new Note(GeneralMidi.KICK, 110, b, ppq / 4));
            notes.add(new Note(GeneralMidi.KICK, 110, b + 2L * ppq, ppq / 4));
            notes.add(new Note(GeneralMidi.KICK, 100, b + 2L * ppq + ppq / 2, ppq / 4));
            notes.add(new Note(GeneralMidi.SNARE, 110, b + ppq, ppq / 4));
            notes.add(new Note(GeneralMidi.SNARE, 110, b + 3L * ppq, ppq / 4));
        }
        return new Track("Drums", Role.DRUMS, 0, true, notes);
    }

    static Piece drumPiece(Track drums, double bpm, int bars, int ppq) {
        return Piece.of(ppq, bpm, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(drums), (long) bars * 4 * ppq);
    }

    /**
     * A drum loop of {@code bars} 4/4 bars at 480 ticks a quarter from {pitch, tick, velocity} hits (those past the end
     * left out), as the tempo bench's MIDI holds them: a ride or crash is held a beat (a renderer that honours note-off
     * would choke a cymbal held a 32nd), every other hit a 32nd.
     */
    static Piece hitLoop(int[][] hits, double bpm, int bars) {
        int tpq = 480;
        long end = bars * 4L * tpq;
        List<Note> notes = new ArrayList<>();
        for (int[] h : hits) if (h[1] < end) notes.add(new Note(h[0], h[2], h[1], CYMBALS.contains(h[0]) ? tpq : tpq / 8));
        notes.sort(Comparator.comparingLong(Note::startTick));
        return Piece.of(tpq, bpm, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), end);
    }

    /** GM crash, ride, Chinese, splash and ride-bell pitches. */
    private static final Set<Integer> CYMBALS = Set.of(49, 51, 52, 53, 55, 57, 59);

    /**
     * The piece's first track rendered to mono at {@link #RATE} through the GM SoundFont the project finds, as the tempo
     * bench renders its loops; fails when none is installed (a {@code @NativeTest} needs one).
     */
    static float[] renderGm(Piece piece) {
        Path sf2 = SoundFonts.find(Optional.empty()).orElseThrow(() -> new AssertionError("a GM SoundFont is installed (fluid-soundfont-gm)"));
        StemRenderer renderer = new StemRenderer(sf2, RATE);
        return Analyzer.mono(renderer.render(piece, piece.tracks().get(0), renderer.loopFrames(piece), 0));
    }

    /** The piece rendered to mono at {@link #RATE}; skips the test when the Debian SoundFont is absent. */
    static float[] render(Piece piece) {
        Assumptions.assumeTrue(Files.isRegularFile(SOUNDFONT), "FluidR3_GM.sf2 not installed");
        StemRenderer r = new StemRenderer(SOUNDFONT, RATE);
        float[][] stereo = r.render(piece, piece.tracks().get(0), r.loopFrames(piece), 0);
        return Analyzer.mono(stereo);
    }
}
