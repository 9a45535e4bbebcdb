package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loopsmith.NativeTest;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The analysis on signals with known answers: click tracks, sine chords, sine melodies, rendered drum patterns. */
@NativeTest
class AnalyzerTest {
    private static final Path CLIP = Path.of("clip.wav");

    @ParameterizedTest
    @ValueSource(doubles = {90, 120, 174})
    void clickTrackTempoWithinTwoPercent(double bpm) {
        AudioAnalysis a = Analyzer.analyze(CLIP, Signals.clicks(bpm, 4));
        assertEquals(bpm, a.tempo().bpm(), 0.02 * bpm, a.summary().toString());
        assertEquals(4, a.tempo().bars());
        assertTrue(a.tempo().firstBeatSeconds() < 0.03, "first click at 0: " + a.tempo());
        assertTrue(a.key().isEmpty(), "clicks have no key: " + a.summary());
    }

    @Test
    void sineChordsInCMajorAndAMinor() {
        float[] cMajor = Signals.chords(1.0, new int[] {48, 60, 64, 67}, new int[] {53, 65, 69, 72}, new int[] {55, 67, 71, 74},
                new int[] {48, 60, 64, 67});
        float[] aMinor = Signals.chords(1.0, new int[] {45, 57, 60, 64}, new int[] {50, 62, 65, 69}, new int[] {52, 64, 68, 71},
                new int[] {45, 57, 60, 64});
        assertEquals(new Key(0, Mode.MAJOR), Analyzer.analyze(CLIP, cMajor).detectedKey().orElseThrow());
        assertEquals(new Key(9, Mode.MINOR), Analyzer.analyze(CLIP, aMinor).detectedKey().orElseThrow());
    }

    @Test
    void yinTranscribesASineBassLine() {
        int[] pitches = {40, 43, 45, 47, 52, 45, 33};
        AudioAnalysis a = Analyzer.analyze(CLIP, Signals.melody(0.4, pitches));
        assertEquals(AudioAnalysis.Kind.PITCHED, a.kind());
        assertEquals(List.of(40, 43, 45, 47, 52, 45, 33), a.notes().stream().map(AudioNote::pitch).toList());
        for (int i = 0; i < pitches.length; i++) assertEquals(0.4 * i, a.notes().get(i).startSeconds(), 0.03, a.notes().get(i).toString());
        Track bass = a.toPiece().tracks().get(0);
        assertEquals("Bass", bass.name());
        assertEquals(pitches.length, bass.notes().size());
    }

    @Test
    void renderedBackbeatOnsetsAndDrumClasses() {
        int ppq = 480;
        double bpm = 100;
        Piece piece = Signals.drumPiece(Signals.backbeat(2, ppq), bpm, 2, ppq);
        AudioAnalysis a = Analyzer.analyze(CLIP, Signals.render(piece));
        assertEquals(bpm, a.tempo().bpm(), 0.02 * bpm, a.summary().toString());
        assertEquals(2, a.tempo().bars());
        assertEquals(AudioAnalysis.Kind.DRUMS, a.kind());

        // Onsets: distinct reference times against distinct detected times, ±50 ms.
        Map<Double, List<Integer>> reference = new TreeMap<>();
        for (Note n : piece.tracks().get(0).notes()) reference.computeIfAbsent(piece.secondsAt(n.startTick()), k -> new ArrayList<>()).add(n.pitch());
        Map<Double, List<Integer>> detected = new TreeMap<>();
        for (AudioNote n : a.drumHits()) detected.computeIfAbsent(n.startSeconds(), k -> new ArrayList<>()).add(n.pitch());
        int matched = 0;
        int kickSnareRight = 0;
        int kickSnareTotal = 0;
        int hatsRight = 0;
        int hatsAlone = 0;
        for (Map.Entry<Double, List<Integer>> r : reference.entrySet()) {
            Map.Entry<Double, List<Integer>> d = nearest(detected, r.getKey());
            boolean hit = d != null && Math.abs(d.getKey() - r.getKey()) <= 0.05;
            if (hit) matched++;
            List<Integer> heard = hit ? d.getValue() : List.of();
            for (int drum : new int[] {GeneralMidi.KICK, GeneralMidi.SNARE}) {
                if (!r.getValue().contains(drum)) continue;
                kickSnareTotal++;
                if (heard.contains(drum)) kickSnareRight++;
            }
            if (r.getValue().equals(List.of(GeneralMidi.CLOSED_HAT))) {
                hatsAlone++;
                if (heard.contains(GeneralMidi.CLOSED_HAT)) hatsRight++;
            }
        }
        double precision = matched / (double) detected.size();
        double recall = matched / (double) reference.size();
        double f = 2 * precision * recall / (precision + recall);
        assertTrue(f >= 0.9, "onset F-measure " + f + " (P " + precision + ", R " + recall + ")");
        assertTrue(kickSnareRight >= 0.9 * kickSnareTotal, kickSnareRight + " of " + kickSnareTotal + " kicks and snares right");
        assertTrue(hatsRight >= 0.9 * hatsAlone, hatsRight + " of " + hatsAlone + " lone hats right");

        // The transcription on the grid: kicks at beats 1, 3 and the "and" of 3, snares at 2 and 4.
        Track drums = a.toPiece().tracks().get(0);
        assertTrue(drums.isDrum());
        List<Long> kicks = drums.notes().stream().filter(n -> n.pitch() == GeneralMidi.KICK).map(Note::startTick).toList();
        List<Long> snares = drums.notes().stream().filter(n -> n.pitch() == GeneralMidi.SNARE).map(Note::startTick).toList();
        assertEquals(List.of(0L, 960L, 1200L, 1920L, 2880L, 3120L), kicks);
        assertEquals(List.of(480L, 1440L, 2400L, 3360L), snares);
    }

    private static Map.Entry<Double, List<Integer>> nearest(Map<Double, List<Integer>> m, double t) {
        Map.Entry<Double, List<Integer>> best = null;
        for (Map.Entry<Double, List<Integer>> e : m.entrySet())
            if (best == null || Math.abs(e.getKey() - t) < Math.abs(best.getKey() - t)) best = e;
        return best;
    }

    @Test
    void aQuietExportOfALoopReadsAsTheLoudOne() {
        int ppq = 480;
        float[] loud = Signals.render(Signals.drumPiece(Signals.backbeat(2, ppq), 100, 2, ppq));
        float[] quiet = new float[loud.length];
        for (int i = 0; i < loud.length; i++) quiet[i] = loud[i] * 0.25f;  // -12 dB
        AudioAnalysis a = Analyzer.analyze(CLIP, loud);
        AudioAnalysis b = Analyzer.analyze(CLIP, quiet);
        assertEquals(a.tempo(), b.tempo());
        assertEquals(a.drumHits(), b.drumHits());
    }

    @Test
    void loopedTranscriptionFillsTheRequestedBars() {
        AudioAnalysis a = Analyzer.analyze(CLIP, Signals.clicks(120, 2));
        Piece four = a.toPiece(4);
        assertEquals(4, four.lengthBars());
        assertEquals(2 * a.toPiece().noteCount(), four.noteCount());
    }
}
