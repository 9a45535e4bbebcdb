package loopsmith.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import loopsmith.CorpusTest;
import loopsmith.SharedCorpus;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import org.junit.jupiter.api.Test;

/** The real corpora: every file reads, and our note counts agree with the JDK's independent parser. */
@CorpusTest
class CorpusReadTest {

    /** Note-ons with velocity above 0, counted by javax.sound.midi: an independent reader for valid files. */
    static int jdkNoteCount(Path file) throws Exception {
        Sequence s = MidiSystem.getSequence(file.toFile());
        int n = 0;
        for (javax.sound.midi.Track t : s.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) n++;
            }
        }
        return n;
    }

    @Test
    void everyCorpusFileReadsAndMatchesTheJdkNoteCount() throws Exception {
        List<Path> files = SharedCorpus.allMusic();
        assertTrue(files.size() > 1600, "corpus has " + files.size() + " files");
        List<String> mismatches = new ArrayList<>();
        long notes = 0;
        for (Path f : files) {
            MidiReadResult r = MidiReader.read(f);
            notes += r.piece().noteCount();
            int jdk = jdkNoteCount(f);
            if (jdk != r.piece().noteCount()) mismatches.add(f + ": ours " + r.piece().noteCount() + ", JDK " + jdk);
        }
        assertEquals(List.of(), mismatches);
        assertTrue(notes > 900_000, "notes " + notes);
    }

    @Test
    void corpusSourcesReadAsTheirReadmeDescribes() {
        // Groove: format 0, 480 tpq, one drum track on channel 10.
        Piece groove = MidiReader.read(SharedCorpus.root().resolve("groove/drummer1/session1/1_funk_80_beat_4-4.mid")).piece();
        assertEquals(480, groove.ticksPerQuarter());
        assertEquals(1, groove.tracks().size());
        assertTrue(groove.tracks().get(0).isDrum());
        assertEquals(Role.DRUMS, groove.tracks().get(0).role());
        assertEquals(80.0, groove.initialBpm(), 0.01);

        // Nottingham: 1024 tpq, melody + chords on channel 1 in two tracks, a key signature, no tempo (120 assumed).
        Path ashover = SharedCorpus.midiFiles("nottingham").get(0);
        Piece folk = MidiReader.read(ashover).piece();
        assertEquals(1024, folk.ticksPerQuarter());
        assertTrue(folk.key().isPresent());
        assertEquals(120.0, folk.initialBpm(), 1e-9);

        // POP909: MELODY / BRIDGE / PIANO tracks → melody, melody, chords.
        Piece pop = MidiReader.read(SharedCorpus.root().resolve("pop909/002/002.mid")).piece();
        Map<String, Role> roles = new TreeMap<>();
        for (Track t : pop.tracks()) roles.put(t.name(), t.role());
        assertEquals(Role.MELODY, roles.get("MELODY"));
        assertEquals(Role.CHORDS, roles.get("PIANO"));

        // Pop-K: 96 tpq, 8 bars of 4/4 at 120.
        Piece popk = MidiReader.read(SharedCorpus.midiFiles("popk-examples").get(0)).piece();
        assertEquals(96, popk.ticksPerQuarter());
        assertEquals(8, popk.lengthBars());
    }
}
