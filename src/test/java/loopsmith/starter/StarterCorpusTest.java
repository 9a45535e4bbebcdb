package loopsmith.starter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import loopsmith.UnitTest;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import loopsmith.library.LabelReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter corpus: reproducible, distinct, labelled like ../shared/corpus, and idiomatic per genre. */
@UnitTest
class StarterCorpusTest {
    private static List<StarterLoop> loops;

    @BeforeAll
    static void generate() {
        loops = StarterCorpus.loops(new StarterConfig(40, 1, StarterCorpus.GENRES));
    }

    @Test
    void coversTheGenresMetersAndLineUpsTheIssueAsksFor() {
        assertEquals(List.of("house", "techno", "hip-hop", "boom-bap", "lo-fi", "trap", "drum-and-bass", "funk", "pop",
                "rock", "reggae", "jazz", "neo-soul", "ambient"), StarterCorpus.GENRES);
        assertEquals(14 * 40, loops.size());
        Set<String> meters = loops.stream().map(StarterLoop::timeSignature).collect(Collectors.toSet());
        assertEquals(Set.of("4/4", "3/4", "6/8"), meters);
        assertTrue(loops.stream().anyMatch(l -> l.roles().equals(List.of(Role.DRUMS))), "drum-only loops");
        assertTrue(loops.stream().anyMatch(l -> l.roles().containsAll(List.of(Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY))));
        assertTrue(loops.stream().anyMatch(l -> !l.roles().contains(Role.DRUMS)), "loops without drums");
    }

    @Test
    void sameSeedSameBytesAndEveryLoopDistinct() {
        List<StarterLoop> again = StarterCorpus.loops(new StarterConfig(40, 1, List.of("house", "jazz")));
        List<StarterLoop> other = StarterCorpus.loops(new StarterConfig(40, 2, List.of("house", "jazz")));
        Map<String, StarterLoop> byPath = loops.stream().collect(Collectors.toMap(StarterLoop::path, l -> l));
        for (StarterLoop l : again) assertArrayEquals(MidiWriter.toBytes(byPath.get(l.path()).piece()), MidiWriter.toBytes(l.piece()), l.path());
        Set<String> distinct = new HashSet<>();
        for (StarterLoop l : loops) distinct.add(java.util.Arrays.toString(MidiWriter.toBytes(l.piece())));
        assertEquals(loops.size(), distinct.size(), "no two loops are the same file");
        assertTrue(!java.util.Arrays.equals(MidiWriter.toBytes(again.get(0).piece()), MidiWriter.toBytes(other.get(0).piece())),
                "another seed writes other loops");
    }

    @Test
    void tempoKeyAndBarsMatchTheLabels() {
        for (StarterLoop l : loops) {
            Genre g = Genres.named(l.genre()).orElseThrow();
            assertTrue(l.bpm() >= g.minBpm() && l.bpm() <= g.maxBpm(), l.path());
            Piece p = l.piece();
            assertEquals(l.bars(), p.lengthBars(), l.path());
            assertEquals(l.key(), p.key().orElseThrow().displayName());
            for (Track t : p.tracks()) for (Note n : t.notes()) assertTrue(n.endTick() <= p.endTick(), l.path());
        }
    }

    @Test
    void pitchedPartsStayInKeyAndDrumsUseGeneralMidiKeys() {
        int chordNotes = 0, chordInKey = 0, leadNotes = 0, leadInKey = 0, bassNotes = 0, bassInKey = 0;
        for (StarterLoop l : loops) {
            Key key = l.piece().key().orElseThrow();
            for (Track t : l.piece().tracks()) {
                for (Note n : t.notes()) {
                    boolean in = key.inScale(n.pitch());
                    switch (t.role()) {
                        case DRUMS -> assertTrue(n.pitch() >= GeneralMidi.MIN_DRUM_PITCH && n.pitch() <= GeneralMidi.MAX_DRUM_PITCH);
                        case CHORDS, PAD -> { chordNotes++; if (in) chordInKey++; }
                        case MELODY -> { leadNotes++; if (in) leadInKey++; assertTrue(n.pitch() >= 60 && n.pitch() <= 96); }
                        case BASS -> { bassNotes++; if (in) bassInKey++; assertTrue(n.pitch() >= 28 && n.pitch() <= 60); }
                        default -> { }
                    }
                }
            }
        }
        assertEquals(chordNotes, chordInKey, "chords are diatonic");
        assertEquals(leadNotes, leadInKey, "melodies use the key's scale");
        // Bass lines approach the next root chromatically now and then; the rest is in key.
        assertTrue(bassInKey > 0.93 * bassNotes, bassInKey + " of " + bassNotes);
    }

    @Test
    void grooveIdioms() {
        for (StarterLoop l : loops) {
            if (!l.timeSignature().equals("4/4")) continue;
            Track drums = l.piece().tracks().stream().filter(t -> t.role() == Role.DRUMS).findFirst().orElse(null);
            if (drums == null) continue;
            long beats = l.bars() * 4L;
            switch (l.genre()) {
                // Four on the floor: a kick on every beat (ornaments may add pickups between them).
                case "house", "techno" -> {
                    for (long beat = 0; beat < beats; beat++) {
                        long t = beat * 480;
                        assertTrue(drums.notes().stream().anyMatch(n -> n.pitch() == GeneralMidi.KICK
                                && Math.abs(n.startTick() - t) < 60), l.path() + " beat " + beat);
                    }
                }
                // Backbeat: snare or clap on beats 2 and 4 of every bar (fills may add more).
                case "rock", "funk", "boom-bap", "drum-and-bass" -> {
                    for (int bar = 0; bar < l.bars(); bar++)
                        for (int beat : new int[] {1, 3}) {
                            long t = (bar * 4L + beat) * 480;
                            assertTrue(drums.notes().stream().anyMatch(n -> (n.pitch() == 38 || n.pitch() == 39)
                                    && Math.abs(n.startTick() - t) < 60), l.path() + " bar " + bar);
                        }
                }
                default -> { }
            }
        }
        // Trap hats roll: some loops have hi-hats a 32nd (60 ticks) or a sixteenth-triplet (80 ticks) apart.
        assertTrue(loops.stream().filter(l -> l.genre().equals("trap")).anyMatch(l -> l.piece().tracks().stream()
                .filter(t -> t.role() == Role.DRUMS).anyMatch(StarterCorpusTest::hasRoll)));
    }

    private static boolean hasRoll(Track drums) {
        List<Note> hats = drums.notes().stream().filter(n -> n.pitch() == GeneralMidi.CLOSED_HAT).toList();
        for (int i = 1; i < hats.size(); i++) if (hats.get(i).startTick() - hats.get(i - 1).startTick() <= 85) return true;
        return false;
    }

    @Test
    void writtenFolderReadsBackWithItsLabels(@TempDir Path dir) throws Exception {
        StarterCorpus.Written w = StarterCorpus.write(dir, new StarterConfig(3, 1, List.of("trap", "jazz")), n -> { });
        List<String> csv = Files.readAllLines(dir.resolve("metadata.csv"));
        assertEquals("path,source,genre,style,mood,bpm,key,time_signature,bars,roles,licence", csv.get(0));
        assertEquals(7, csv.size());
        for (StarterLoop l : w.loops()) {
            Path f = dir.resolve(l.path());
            Piece read = MidiReader.read(f).piece();
            assertEquals(l.piece().noteCount(), read.noteCount(), l.path());
            assertEquals(l.bpm(), read.initialBpm(), 0.01);
            var labels = new LabelReader(dir).labelsFor(f);
            assertEquals(l.genre(), labels.genre().orElseThrow(), l.path());
        }
    }
}
