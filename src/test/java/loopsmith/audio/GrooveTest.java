package loopsmith.audio;

import static loopsmith.audio.SynthDrums.Drum.HAT;
import static loopsmith.audio.SynthDrums.Drum.KICK;
import static loopsmith.audio.SynthDrums.Drum.SNARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import loopsmith.UnitTest;
import loopsmith.music.GeneralMidi;
import org.junit.jupiter.api.Test;

/** Micro-timing and velocity from audio, on synthesized loops whose every hit's offset and loudness are known. */
@UnitTest
class GrooveTest {
    private static final Path CLIP = Path.of("groove.wav");
    private static final double BPM = 96;
    private static final int BARS = 2;

    @Test
    void attacksAreFoundToAFractionOfAMillisecond() {
        float[] mono = new SynthDrums().add(KICK, 1, 0).add(HAT, 0.4, 6).add(SNARE, 1, 8).render(120, 1, 0);
        AttackFinder finder = new AttackFinder(mono, SynthDrums.RATE);
        double step = 60.0 / 120 / 4;
        for (int s : new int[] {0, 6, 8}) {
            double truth = s * step;
            // From a frame's time a few ms either side, as onset frames are.
            assertEquals(truth, finder.attack(truth + 0.006), 0.001, "step " + s);
            assertEquals(truth, finder.attack(truth - 0.008), 0.001, "step " + s);
        }
    }

    @Test
    void eachHitsOffsetFromTheGridIsMeasuredWithinAFewMilliseconds() {
        // Swung off-eighth hats 25 ms late, a laid-back snare 12 ms late, kicks on time, and a little drift on all.
        SplittableRandom rnd = new SplittableRandom(3);
        SynthDrums loop = new SynthDrums();
        for (int b = 0; b < BARS; b++) {
            for (int s : new int[] {0, 8}) add(loop, b * 16 + s, KICK, 1, rnd.nextDouble() * 4 - 2);
            for (int s : new int[] {4, 12}) add(loop, b * 16 + s, SNARE, 1, 12 + rnd.nextDouble() * 4 - 2);
            for (int s = 2; s < 16; s += 4) add(loop, b * 16 + s, HAT, 0.5, 25 + rnd.nextDouble() * 4 - 2);
        }
        Map<Integer, Double> truth = new HashMap<>();
        for (SynthDrums.Hit h : loop.hits()) truth.put(h.step(), h.offsetMs());
        AudioAnalysis a = Analyzer.analyze(CLIP, loop.render(BPM, BARS, 0));
        assertEquals(BPM, a.tempo().bpm(), 0.01 * BPM);
        Groove g = a.groove();
        int checked = 0;
        for (Groove.Hit h : g.hits()) {
            Double expected = truth.get((int) h.step());
            if (expected == null) continue;
            // The grid is fitted to the beats, whose hits drift by up to 2 ms either way.
            assertEquals(expected, h.offsetMs(), 3, "step " + h.step() + ": " + h);
            assertEquals(h.offsetMs() / (60_000 / BPM / 4), h.offsetSteps(), 1e-9);
            checked++;
        }
        assertTrue(checked >= truth.size(), checked + " of " + truth.size() + " hits found");
        double[] byPosition = g.meanOffsetMsByPosition();
        assertEquals(12, byPosition[4], 3);
        assertEquals(25, byPosition[2], 3);
        assertTrue(Double.isNaN(byPosition[1]), "nothing on the second sixteenth");
        assertEquals(25 / (60_000 / BPM / 2), g.eighthSwing(), 0.03, "off-eighths 25 ms late");
        assertEquals(0, g.sixteenthSwing(), 1e-9, "no hits on odd sixteenths");
    }

    @Test
    void theGridIsNumberedFromTheDownbeatWhereverTheClipStarts() {
        SynthDrums loop = new SynthDrums().everyBar(BARS, KICK, 1, 0, 10).everyBar(BARS, SNARE, 1, 4, 12).everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
        Groove g = Analyzer.analyze(CLIP, loop.render(BPM, BARS, 1)).groove();
        assertEquals(3 * 60 / BPM, g.firstDownbeatSeconds(), 0.01);
        for (Groove.Hit h : g.hits()) {
            if (h.drum() == GeneralMidi.SNARE) assertTrue(h.positionInBar() == 4 || h.positionInBar() == 12, h.toString());
            if (h.drum() == GeneralMidi.KICK) assertTrue(List.of(0, 10).contains(h.positionInBar()), h.toString());
        }
    }

    @Test
    void aClipStartedOffTheBarTranscribesWithBarOneOnItsDownbeat() {
        SynthDrums loop = new SynthDrums().everyBar(BARS, KICK, 1, 0, 10).everyBar(BARS, SNARE, 1, 4, 12).everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
        AudioAnalysis a = Analyzer.analyze(CLIP, loop.render(BPM, BARS, 3)).startingAtDownbeat();
        assertEquals(0, a.tempo().downbeat().firstSeconds());
        loopsmith.music.Piece p = a.toPiece(BARS);
        int ppq = GridQuantizer.TICKS_PER_QUARTER;
        List<Long> snares = p.tracks().get(0).notes().stream().filter(n -> n.pitch() == GeneralMidi.SNARE).map(n -> n.startTick()).sorted().toList();
        assertEquals(List.of((long) ppq, 3L * ppq, 5L * ppq, 7L * ppq), snares, "snares on 2 and 4 of each bar");
        assertTrue(p.tracks().get(0).notes().stream().anyMatch(n -> n.pitch() == GeneralMidi.KICK && n.startTick() == 0), "a kick on the one");
    }

    @Test
    void softerHitsOfADrumGetLowerVelocities() {
        // Accented hats on the beats, soft ones between: the velocity follows the square law a synthesizer plays.
        SynthDrums loop = new SynthDrums().everyBar(BARS, KICK, 1, 0, 8).everyBar(BARS, SNARE, 1, 4, 12)
                .everyBar(BARS, HAT, 1, 0, 4, 8, 12).everyBar(BARS, HAT, 0.5, 2, 6, 10, 14);
        Groove g = Analyzer.analyze(CLIP, loop.render(BPM, BARS, 0)).groove();
        double loud = 0;
        double soft = 0;
        for (Groove.Hit h : g.hits()) {
            if (h.drum() != GeneralMidi.CLOSED_HAT) continue;
            if (h.positionInBar() % 4 == 2) soft = Math.max(soft, h.velocity());
            else loud = Math.max(loud, h.velocity());
        }
        assertTrue(loud >= 110, "accented hats near the top: " + loud);
        // Half the amplitude is 0.71 of the velocity under the square law.
        assertTrue(soft < 0.85 * loud && soft > 0.55 * loud, "soft " + soft + " vs loud " + loud);
    }

    private static void add(SynthDrums loop, int step, SynthDrums.Drum drum, double gain, double offsetMs) {
        loop.add(new SynthDrums.Hit(step, drum, gain, offsetMs));
    }
}
