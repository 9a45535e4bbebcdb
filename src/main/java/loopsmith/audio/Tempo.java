package loopsmith.audio;

import java.util.OptionalDouble;

/**
 * A clip's tempo as detected.
 *
 * @param bpm              quarter notes per minute, the octave the clip's drum pattern is counted in
 * @param confidence       0..1: how strongly the onsets repeat at this beat period
 * @param firstBeatSeconds where the first beat falls, 0 ≤ offset &lt; one beat
 * @param bars             whole 4/4 bars the clip lasts at this tempo (at least 1)
 * @param loopLength       whether the tempo was snapped to make the clip a whole number of bars
 * @param downbeat         where the first bar starts
 * @param octave           how sure the octave is, and the reading an octave away
 */
public record Tempo(double bpm, double confidence, double firstBeatSeconds, int bars, boolean loopLength, Downbeat downbeat,
                    Octave octave) {
    /**
     * The bar's first beat.
     *
     * @param firstSeconds where the first downbeat falls, 0 ≤ offset &lt; one bar (a clip that starts on beat 3 has its
     *                     first downbeat two beats in)
     * @param confidence   0..1: the share of this downbeat among the sixteen sixteenths a bar could start on; near 0.5
     *                     when the pattern repeats every half bar and the clip's start decided
     */
    public record Downbeat(double firstSeconds, double confidence) { }

    /**
     * The octave choice: a tempo and its half or double hold the same beats, and the drum pattern and the genre decide.
     *
     * @param confidence            0..1: the chosen tempo's share against its octave alternatives
     * @param alternativeBpm        the best reading an octave away, if the clip allows one (in range, whole bars)
     * @param alternativeConfidence its share
     * @param rhythm                the convention the chosen tempo counts the pattern by
     * @param byGenreLabel          whether a genre label's tempo range took part
     */
    public record Octave(double confidence, OptionalDouble alternativeBpm, double alternativeConfidence, Rhythm rhythm,
                         boolean byGenreLabel) {
        /** No choice was made (a clip without onsets). */
        public static final Octave NONE = new Octave(0, OptionalDouble.empty(), 0, Rhythm.OTHER, false);
    }

    public double beatSeconds() {
        return 60.0 / bpm;
    }

    public double barSeconds() {
        return TempoDetector.BEATS_PER_BAR * beatSeconds();
    }

    /**
     * This tempo's beats and downbeat read at another tempo (a label's): the phases are kept, taken modulo the new beat
     * and bar, and the clip is {@code newBars} long; the octave choice no longer applies.
     */
    public Tempo at(double newBpm, int newBars) {
        double beat = 60.0 / newBpm;
        return new Tempo(newBpm, confidence, firstBeatSeconds % beat, newBars, false,
                new Downbeat(downbeat.firstSeconds() % (TempoDetector.BEATS_PER_BAR * beat), downbeat.confidence()), Octave.NONE);
    }
}
