package loopsmith.audio;

import static loopsmith.audio.SynthDrums.Drum.CRASH;
import static loopsmith.audio.SynthDrums.Drum.HAT;
import static loopsmith.audio.SynthDrums.Drum.KICK;
import static loopsmith.audio.SynthDrums.Drum.SNARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The octave a tempo is counted in and the downbeat, on synthesized drum loops whose answers are known: the grooves
 * that a comb and a tempo preference alone read an octave off (drum-and-bass, trap, reggaeton), the ones they read
 * right (boom-bap), a genre label deciding a pattern that could be either, and clips that start off the downbeat.
 */
@UnitTest
class OctaveAndDownbeatTest {
    private static final int BARS = 4;

    private static Tempo tempo(float[] mono, Optional<String> genre) {
        Spectrogram spec = Spectrogram.of(mono, Analyzer.SAMPLE_RATE_HZ, Analyzer.FRAME_SIZE, Analyzer.HOP);
        return TempoDetector.detect(OnsetEnvelope.of(spec), BandFlux.of(spec), mono.length / (double) Analyzer.SAMPLE_RATE_HZ, Analyzer.leadSeconds(mono, Analyzer.peak(mono)),
                genre.flatMap(GenreTempos::of));
    }

    private static SynthDrums drumAndBass() {
        return new SynthDrums().everyBar(BARS, KICK, 1, 0, 10).everyBar(BARS, SNARE, 1, 4, 12).everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
    }

    private static SynthDrums trap() {
        return new SynthDrums().everyBar(BARS, KICK, 1, 0, 7, 10).everyBar(BARS, SNARE, 1, 8)
                .everyBar(BARS, HAT, 0.5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    private static SynthDrums reggaeton() {
        return new SynthDrums().everyBar(BARS, KICK, 1, 0, 4, 8, 12).everyBar(BARS, SNARE, 0.9, 3, 6, 11, 14)
                .everyBar(BARS, HAT, 0.4, 0, 2, 4, 6, 8, 10, 12, 14);
    }

    private static SynthDrums boomBap() {
        return new SynthDrums().everyBar(BARS, KICK, 1, 0, 10).everyBar(BARS, SNARE, 1, 4, 12).everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
    }

    @Test
    void drumAndBassIsCountedAtTheSnaresBackbeatNotHalfOfIt() {
        Tempo t = tempo(drumAndBass().render(172, BARS, 0), Optional.empty());
        assertEquals(172, t.bpm(), 0.02 * 172, t.toString());
        assertEquals(Rhythm.BACKBEAT, t.octave().rhythm());
        assertEquals(86, t.octave().alternativeBpm().orElseThrow(), 0.02 * 86, "the alternative is the other octave: " + t);
        assertTrue(t.octave().confidence() > t.octave().alternativeConfidence(), t.toString());
    }

    @Test
    void trapIsCountedAtItsHatsWithAHalfTimeSnare() {
        Tempo t = tempo(trap().render(140, BARS, 0), Optional.empty());
        assertEquals(140, t.bpm(), 0.02 * 140, t.toString());
        assertEquals(Rhythm.HALF_TIME, t.octave().rhythm());
    }

    @Test
    void reggaetonIsCountedAtItsFourKicksNotTheDembowsEighths() {
        Tempo t = tempo(reggaeton().render(95, BARS, 0), Optional.empty());
        assertEquals(95, t.bpm(), 0.02 * 95, t.toString());
        assertEquals(Rhythm.DEMBOW, t.octave().rhythm());
    }

    @Test
    void reggaesOneDropIsCountedAtItsEighthHatsNotDouble() {
        // Kick and rim together on 3, nothing on 1: at double tempo the eighth hats would be a pulse on every beat
        // and the drop would come every other bar.
        SynthDrums oneDrop = new SynthDrums().everyBar(BARS, KICK, 1, 8).everyBar(BARS, SNARE, 0.9, 8)
                .everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
        Tempo t = tempo(oneDrop.render(72, BARS, 0), Optional.empty());
        assertEquals(72, t.bpm(), 0.02 * 72, t.toString());
        assertEquals(Rhythm.ONE_DROP, t.octave().rhythm());
        assertEquals(0, t.downbeat().firstSeconds(), 0.05, t.toString());
    }

    @Test
    void reggaesSteppersIsCountedLikeTheOneDrop() {
        // The kick on every beat under a soft rim on 3: read double it is a kick on 1 and 3 with the rim on the one of
        // every other bar, which a house or a backbeat reading would otherwise take.
        SynthDrums steppers = new SynthDrums().everyBar(BARS, KICK, 1, 0, 4, 8, 12).everyBar(BARS, SNARE, 0.6, 8)
                .everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
        Tempo t = tempo(steppers.render(69, BARS, 0), Optional.empty());
        assertEquals(69, t.bpm(), 0.02 * 69, t.toString());
        assertEquals(Rhythm.STEPPERS, t.octave().rhythm());
    }

    @Test
    void aSlowBackbeatWithEighthHatsIsCountedWhereItIsAndWithSixteenthsAsHalfTime() {
        // Lo-fi at 72: read at 144 it would be a half-time snare over quarter-note hats, which no one counts.
        SynthDrums lofi = new SynthDrums().everyBar(BARS, KICK, 1, 0, 7, 10).everyBar(BARS, SNARE, 0.9, 4, 12)
                .everyBar(BARS, HAT, 0.5, 0, 2, 4, 6, 8, 10, 12, 14);
        Tempo slow = tempo(lofi.render(72, BARS, 0), Optional.empty());
        assertEquals(72, slow.bpm(), 0.02 * 72, slow.toString());
        assertEquals(Rhythm.BACKBEAT, slow.octave().rhythm());
        // The same kick and snare under sixteenth hats is trap's pattern at half its tempo: counted at 144.
        SynthDrums trap = new SynthDrums().everyBar(BARS, KICK, 1, 0, 7, 10).everyBar(BARS, SNARE, 0.9, 4, 12)
                .everyBar(BARS, HAT, 0.5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        Tempo half = tempo(trap.render(72, BARS, 0), Optional.empty());
        assertEquals(144, half.bpm(), 0.02 * 144, half.toString());
        assertEquals(Rhythm.HALF_TIME, half.octave().rhythm());
    }

    @Test
    void boomBapStaysAtItsBackbeatNotADoubledHalfTime() {
        Tempo t = tempo(boomBap().render(90, BARS, 0), Optional.empty());
        assertEquals(90, t.bpm(), 0.02 * 90, t.toString());
        assertTrue(!t.octave().byGenreLabel());
    }

    @Test
    void aGenreLabelDecidesAPatternThatFitsEitherOctave() {
        // A backbeat at 78 with sixteenth hats is also a half-time groove at 156 with eighths: lo-fi counts the one,
        // trap the other.
        float[] loop = boomBap().everyBar(BARS, HAT, 0.3, 1, 3, 5, 7, 9, 11, 13, 15).render(78, BARS, 0);
        Tempo lofi = tempo(loop, Optional.of("lo-fi"));
        Tempo trap = tempo(loop, Optional.of("trap"));
        assertEquals(78, lofi.bpm(), 0.02 * 78, lofi.toString());
        assertEquals(156, trap.bpm(), 0.02 * 156, trap.toString());
        assertTrue(lofi.octave().byGenreLabel() && trap.octave().byGenreLabel());
        assertEquals(Optional.empty(), GenreTempos.of("jazz").filter(GenreTempos.Range::decidesOctave), "jazz spans more than an octave");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void theDownbeatOfABackbeatIsFoundWhereverTheClipStarts(int shiftBeats) {
        double bpm = 100;
        Tempo t = tempo(boomBap().render(bpm, BARS, shiftBeats), Optional.empty());
        double expected = ((4 - shiftBeats) % 4) * 60 / bpm;
        assertEquals(expected, t.downbeat().firstSeconds(), 0.05, t.toString());
        assertEquals(bpm, t.bpm(), 0.02 * bpm);
    }

    @Test
    void theDownbeatOfAHalfTimeGrooveIsTwoBeatsBeforeItsSnare() {
        double bpm = 140;
        Tempo t = tempo(trap().render(bpm, BARS, 2), Optional.empty());
        assertEquals(2 * 60 / bpm, t.downbeat().firstSeconds(), 0.05, t.toString());
    }

    @Test
    void aCrashTellsTheHalvesOfAFourOnTheFloorBarApart() {
        // Kick on every beat, clap on 2 and 4, hats on the off-beats: the bar repeats every half bar, and only the
        // crash that starts the phrase says which half is first.
        double bpm = 124;
        SynthDrums house = new SynthDrums().everyBar(BARS, KICK, 1, 0, 4, 8, 12).everyBar(BARS, SNARE, 0.8, 4, 12)
                .everyBar(BARS, HAT, 0.5, 2, 6, 10, 14).add(CRASH, 1, 0);
        Tempo t = tempo(house.render(bpm, BARS, 2), Optional.empty());
        assertEquals(124, t.bpm(), 0.02 * 124, t.toString());
        assertEquals(2 * 60 / bpm, t.downbeat().firstSeconds(), 0.05, t.toString());
    }

    @Test
    void offBeatHatsOverAFourOnTheFloorDoNotPullTheDownbeatOntoTheAnd() {
        // Techno without a clap: loud open hats on every "and" look like a ride on the beats an eighth early, and the
        // beat phase of the whole envelope can follow them; the kick under the beats and the clip's start put it back.
        double bpm = 130;
        SynthDrums techno = new SynthDrums().everyBar(BARS, KICK, 0.8, 0, 4, 8, 12).everyBar(BARS, HAT, 1, 2, 6, 10, 14)
                .everyBar(BARS, HAT, 0.3, 1, 3, 5, 7, 9, 11, 13, 15);
        Tempo t = tempo(techno.render(bpm, BARS, 0), Optional.empty());
        assertEquals(bpm, t.bpm(), 0.02 * bpm, t.toString());
        assertEquals(0, t.downbeat().firstSeconds(), 0.05, t.toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.06, 0.2, 0.45})
    void aGapBeforeTheLoopMovesTheDownbeatAndLeavesTheTempo(double gapSeconds) {
        // An export with silence before the one: the clip is no longer whole bars, the loop after the gap is.
        double bpm = 96;
        float[] loop = boomBap().render(bpm, BARS, 0);
        float[] clip = new float[loop.length + (int) Math.round(gapSeconds * Analyzer.SAMPLE_RATE_HZ)];
        System.arraycopy(loop, 0, clip, clip.length - loop.length, loop.length);
        Tempo t = tempo(clip, Optional.empty());
        assertEquals(bpm, t.bpm(), 0.005 * bpm, t.toString());
        assertEquals(gapSeconds, t.downbeat().firstSeconds(), 0.05, t.toString());
        assertEquals(BARS, t.bars());
    }

    @Test
    void aLoopThatStartsOnARestKeepsItsWholeLength() {
        // 10 s is 4 bars at 96, 9.7 s is 4 bars at 99: the comb's tempo decides, unless the beats fall on 0 s.
        assertEquals(10.0, TempoDetector.loopSeconds(96, 10.0, 0.3, false), 1e-9);
        assertEquals(9.7, TempoDetector.loopSeconds(99, 10.0, 0.3, false), 1e-9);
        assertEquals(9.7, TempoDetector.loopSeconds(98, 10.0, 0.3, false), 1e-9, "both whole bars: the nearer");
        assertEquals(10.0, TempoDetector.loopSeconds(98, 10.0, 0.3, true), 1e-9, "beats on 0 s: the silence is a rest");
        assertEquals(9.7, TempoDetector.loopSeconds(99.5, 10.0, 0.3, true), 1e-9, "only the trimmed clip is whole bars");
        assertEquals(10.0, TempoDetector.loopSeconds(99, 10.0, 0.03, false), 1e-9, "a late first hit is no gap");
    }
}
