package loopsmith.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import loopsmith.NativeTest;
import org.junit.jupiter.api.Test;

/**
 * Jazz loops of the tempo bench's set (the starter corpus's jazz drums, cut to start on the 4, rendered through the GM
 * SoundFont as the bench's own renderer does) that read at half tempo before the hi-hat's foot on 2 and 4 counted for
 * the swing ride: at half, the ride's swung eighths are swung sixteenths and one comping snare or the kick's feathering
 * passes for a slow backbeat or a one-drop.
 */
@NativeTest
class SwingHatFootTest {
    /** Seed 1, loop 053: 4 bars at 134 BPM, as {pitch, tick at 480 a quarter, velocity}; read at 67 as a backbeat. */
    private static final int[][] AT_134 = {
            {51, 316, 74}, {51, 490, 68}, {44, 957, 54}, {36, 960, 39}, {51, 961, 77}, {51, 1279, 69}, {36, 1430, 45},
            {51, 1435, 70}, {51, 1914, 68}, {36, 1925, 38}, {44, 1927, 67}, {51, 2237, 98}, {51, 2400, 70}, {51, 2869, 87},
            {44, 2887, 86}, {51, 3201, 60}, {36, 3355, 44}, {51, 3368, 70}, {44, 3833, 79}, {51, 3835, 74}, {51, 4164, 64},
            {51, 4320, 84}, {51, 4801, 86}, {44, 4805, 65}, {51, 5132, 66}, {51, 5280, 68}, {36, 5748, 36}, {51, 5764, 74},
            {48, 5768, 66}, {44, 5770, 62}, {47, 5879, 90}, {51, 6072, 75}, {45, 6081, 87}, {43, 6125, 106}, {51, 6243, 69},
            {38, 6563, 60}, {44, 6715, 57}, {36, 6719, 36}, {51, 6719, 77}, {51, 7051, 65}, {51, 7193, 81}, {36, 7195, 38},
            {51, 7677, 59}, {44, 7678, 85}
    };

    /** Seed 3, loop 185: 2 bars at 180 BPM; read at 90 as a backbeat. */
    private static final int[][] AT_180 = {
            {44, 0, 59}, {51, 10, 78}, {51, 328, 53}, {51, 485, 76}, {38, 803, 49}, {36, 949, 32}, {44, 954, 64},
            {51, 956, 91}, {51, 1272, 70}, {51, 1437, 68}, {51, 1915, 81}, {44, 1923, 80}, {51, 2242, 36}, {51, 2401, 88},
            {44, 2872, 61}, {36, 2883, 31}, {51, 2893, 69}, {51, 3194, 81}, {36, 3349, 31}, {51, 3359, 82}
    };

    private static Tempo tempo(int[][] hits, double bpm, int bars) {
        return Analyzer.analyze(Path.of("jazz.wav"), Signals.renderGm(Signals.hitLoop(hits, bpm, bars))).tempo();
    }

    @Test
    void aSwingRideStartedOnTheFourIsCountedAtItsQuarterNotes() {
        Tempo t = tempo(AT_134, 134, 4);
        assertEquals(134, t.bpm(), 0.02 * 134, t.toString());
        assertEquals(Rhythm.SWING, t.octave().rhythm(), t.toString());
    }

    @Test
    void aFastSwingRideOfTwoBarsIsNotASlowBackbeat() {
        Tempo t = tempo(AT_180, 180, 2);
        assertEquals(180, t.bpm(), 0.02 * 180, t.toString());
        assertEquals(Rhythm.SWING, t.octave().rhythm(), t.toString());
    }
}
