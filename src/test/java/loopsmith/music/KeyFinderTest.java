package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import org.junit.jupiter.api.Test;

@CorpusTest
class KeyFinderTest {
    private static Track line(int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(new Note(pitches[i], 90, i * 480L, 480));
        return new Track("t", Role.MELODY, 0, false, notes);
    }

    @Test
    void scalesAndTriads() {
        assertEquals("C major", KeyFinder.estimate(List.of(line(60, 62, 64, 65, 67, 69, 71, 72, 67, 64, 60))).orElseThrow().key().displayName());
        assertEquals("A minor", KeyFinder.estimate(List.of(line(57, 60, 64, 57, 60, 64, 69, 71, 72, 64, 57, 52, 57))).orElseThrow().key().displayName());
        assertEquals("F# major", KeyFinder.estimate(List.of(line(66, 68, 70, 71, 73, 75, 77, 78, 73, 70, 66))).orElseThrow().key().displayName());
        Track drums = new Track("d", Role.DRUMS, 0, true, List.of(new Note(36, 100, 0, 10)));
        assertTrue(KeyFinder.estimate(List.of(drums)).isEmpty(), "drums say nothing about key");
    }

    /** On the Nottingham tunes, whose key signatures are known, the estimate agrees on most files. */
    @Test
    void agreesWithNottinghamKeySignatures() {
        int agree = 0;
        int total = 0;
        for (Path f : SharedCorpus.midiFiles("nottingham")) {
            Piece p = MidiReader.read(f).piece();
            Key labelled = p.key().orElseThrow();
            Key estimated = KeyFinder.estimate(p.tracks()).orElseThrow().key();
            total++;
            // A key signature cannot tell a major key from its relative minor; count both.
            boolean relative = estimated.sharps() == labelled.sharps() && estimated.mode() != labelled.mode();
            if (estimated.equals(labelled) || relative) agree++;
        }
        double rate = (double) agree / total;
        assertTrue(rate > 0.85, "agreement " + rate);
    }
}
