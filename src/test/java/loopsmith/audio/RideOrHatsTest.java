package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import loopsmith.NativeTest;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

/**
 * A one-drop with side-stick ghosts on swung sixteenths, read at double, puts dry hats on a ride's beats and the ghosts
 * on its skip notes: a jazz ride an octave up. What tells them apart is that a ride rings between its strokes. GM
 * loops rendered through the General MIDI SoundFont, as the tempo bench renders its own.
 */
@NativeTest
class RideOrHatsTest {
    private static final int TPQ = 480;
    private static final int KICK = 36;
    private static final int SIDE_STICK = 37;
    private static final int CLOSED_HAT = 42;
    private static final int RIDE = 51;

    /** Hits as {pitch, step of the loop, velocity}; odd sixteenths played a third of a sixteenth late. */
    private static Piece loop(double bpm, int bars, List<int[]> hits) {
        List<Note> notes = new ArrayList<>();
        for (int[] h : hits) {
            long tick = h[1] * (long) TPQ / 4 + (h[1] % 2 == 1 ? TPQ / 12 : 0);
            // A cymbal is held a beat: a renderer that honours note-off would choke a ride held a 32nd.
            notes.add(new Note(h[0], h[2], tick, h[0] == RIDE ? TPQ : TPQ / 8));
        }
        notes.sort(Comparator.comparingLong(Note::startTick));
        return Piece.of(TPQ, bpm, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), bars * 4L * TPQ);
    }

    private static Tempo tempo(Piece piece) {
        float[] mono = Signals.renderGm(piece);
        for (int i = 0; i < mono.length; i++) mono[i] *= 0.25f;  // a quiet export, -12 dB
        return Analyzer.analyze(Path.of("loop.wav"), mono).tempo();
    }

    /**
     * A one-drop of the tempo bench's set (seed 1, loop 120: the starter corpus's reggae drums with their ornaments,
     * swing and drift, 4 bars at 78 BPM) as {pitch, tick at 480 a quarter, velocity}: hats on the eighths, kick and rim
     * on 3, side-stick ghosts on swung sixteenths in some bars. Before the ride had to ring it read as a swing ride at 156.
     */
    private static final int[][] ONE_DROP = {
            {42, 11, 67}, {42, 249, 71}, {42, 471, 69}, {42, 727, 72}, {37, 960, 94}, {36, 963, 115}, {42, 964, 61},
            {42, 1197, 64}, {37, 1344, 67}, {42, 1439, 58}, {42, 1681, 92}, {37, 1815, 70}, {42, 1920, 59},
            {42, 2159, 91}, {42, 2398, 57}, {37, 2641, 38}, {42, 2646, 77}, {37, 2782, 60}, {42, 2877, 53},
            {36, 2879, 99}, {37, 2880, 86}, {42, 3126, 95}, {42, 3368, 42}, {42, 3609, 76}, {42, 3841, 54},
            {42, 4087, 86}, {42, 4308, 69}, {42, 4563, 86}, {37, 4795, 92}, {42, 4802, 54}, {36, 4803, 117},
            {42, 5041, 78}, {42, 5289, 53}, {42, 5530, 77}, {42, 5766, 45}, {42, 6005, 68}, {37, 6145, 45},
            {42, 6244, 58}, {42, 6485, 68}, {36, 6716, 118}, {37, 6724, 94}, {42, 6726, 47}, {42, 6961, 85},
            {37, 7105, 41}, {42, 7189, 41}, {42, 7443, 81}
    };

    @Test
    void aOneDropWithSideStickGhostsIsCountedAtItsHats() {
        List<Note> notes = new ArrayList<>();
        for (int[] n : ONE_DROP) notes.add(new Note(n[0], n[2], n[1], 110));
        Piece loop = Piece.of(TPQ, 78, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), 16L * TPQ);
        Tempo t = tempo(loop);
        assertEquals(78, t.bpm(), 0.02 * 78, t.toString());
        assertEquals(Rhythm.ONE_DROP, t.octave().rhythm(), t.toString());
    }

    @Test
    void aRingingRideWithItsSkipNotesIsStillCountedAtItsQuarterNotes() {
        List<int[]> hits = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            int at = b * 16;
            for (int s : new int[] {0, 4, 8, 12}) hits.add(new int[] {RIDE, at + s, 96});
            for (int s : new int[] {7, 15}) hits.add(new int[] {RIDE, at + s, 76});
            for (int s : new int[] {4, 12}) hits.add(new int[] {44, at + s, 70});
            hits.add(new int[] {38, at + (b % 2 == 0 ? 11 : 3), 50});
            for (int s : new int[] {0, 4, 8, 12}) hits.add(new int[] {KICK, at + s, 40});
        }
        Tempo t = tempo(loop(150, 4, hits));
        assertEquals(150, t.bpm(), 0.02 * 150, t.toString());
        assertEquals(Rhythm.SWING, t.octave().rhythm(), t.toString());
    }
}
