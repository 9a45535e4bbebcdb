package loopsmith.audio;

/**
 * A clip's tempo as detected.
 *
 * @param bpm              quarter notes per minute
 * @param confidence       0..1: how strongly the onsets repeat at this beat period
 * @param firstBeatSeconds where the first beat falls, 0 ≤ offset &lt; one beat
 * @param bars             whole 4/4 bars the clip lasts at this tempo (at least 1)
 * @param loopLength       whether the tempo was snapped to make the clip a whole number of bars
 */
public record Tempo(double bpm, double confidence, double firstBeatSeconds, int bars, boolean loopLength) {
    public double beatSeconds() {
        return 60.0 / bpm;
    }
}
