package loopsmith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopsmith.midi.MidiWriter;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

/**
 * The bundled example {@code examples/house-loop_124bpm_Am.mid} is made by this code, not copied from anywhere; the test
 * keeps the committed file identical to it. Regenerate with {@code mvn test -Dgolden.update=true}.
 */
@UnitTest
class ExampleLoopTest {
    static final Path FILE = Path.of("examples/house-loop_124bpm_Am.mid");
    private static final int PPQ = 480;
    private static final int SIXTEENTH = PPQ / 4;

    static Piece houseLoop() {
        List<Note> drums = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> chords = new ArrayList<>();
        List<Note> melody = new ArrayList<>();
        int[][] chordTones = {{57, 60, 64, 67}, {53, 57, 60, 64}}; // Am7, Fmaj7
        int[] roots = {33, 29};
        for (int bar = 0; bar < 2; bar++) {
            long barStart = (long) bar * 4 * PPQ;
            for (int beat = 0; beat < 4; beat++) {
                long t = barStart + (long) beat * PPQ;
                drums.add(new Note(GeneralMidi.KICK, 118, t, SIXTEENTH));
                if (beat % 2 == 1) drums.add(new Note(GeneralMidi.CLAP, 100, t, SIXTEENTH));
                drums.add(new Note(GeneralMidi.OPEN_HAT, 84, t + 2 * SIXTEENTH, SIXTEENTH));
                drums.add(new Note(GeneralMidi.CLOSED_HAT, 60, t + SIXTEENTH, SIXTEENTH));
                drums.add(new Note(GeneralMidi.CLOSED_HAT, 56, t + 3 * SIXTEENTH, SIXTEENTH));
                bass.add(new Note(roots[bar], 100, t + 2 * SIXTEENTH, SIXTEENTH + SIXTEENTH / 2));
                bass.add(new Note(roots[bar] + 12, 80, t + 3 * SIXTEENTH, SIXTEENTH / 2));
            }
            for (long stab : new long[] {SIXTEENTH * 3, SIXTEENTH * 6, SIXTEENTH * 11}) {
                for (int p : chordTones[bar]) chords.add(new Note(p, 90, barStart + stab, SIXTEENTH * 2));
            }
        }
        int[] line = {76, 72, 74, 76, 79, 76, 74, 72};
        for (int i = 0; i < line.length; i++) melody.add(new Note(line[i], 96, (long) i * PPQ, PPQ * 3 / 4));
        List<Track> tracks = List.of(
                new Track("Drums", Role.DRUMS, 0, true, drums),
                new Track("Bass", Role.BASS, 38, false, bass),
                new Track("Chords", Role.CHORDS, 4, false, chords),
                new Track("Melody", Role.MELODY, 80, false, melody));
        return Piece.of(PPQ, 124, TimeSignature.FOUR_FOUR, Key.parse("Am"), tracks, 8L * PPQ);
    }

    @Test
    void bundledExampleIsWhatThisCodeWrites() throws Exception {
        byte[] expected = MidiWriter.toBytes(houseLoop());
        if (Boolean.getBoolean("golden.update")) Files.write(FILE, expected);
        assertArrayEquals(expected, Files.readAllBytes(FILE), "regenerate with -Dgolden.update=true and review");
    }
}
