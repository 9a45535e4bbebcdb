package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class BarGridTest {
    @Test
    void fourFourBars() {
        BarGrid g = new BarGrid(480, List.of(new TimeSignatureChange(0, TimeSignature.FOUR_FOUR)));
        assertEquals(0, g.barsCovering(0));
        assertEquals(1, g.barsCovering(1));
        assertEquals(1, g.barsCovering(1920));
        assertEquals(2, g.barsCovering(1921));
        assertEquals(3840, g.barStartTick(2));
        assertEquals(3840, g.barLineAtOrAfter(1921));
        assertEquals(1920, g.barLineAtOrAfter(1920));
    }

    @Test
    void meterChangeMidBarCutsTheBar() {
        // 4/4 for 1.5 bars, then 3/4: bar 1 is cut to 2 beats, bar 2 starts at the change.
        BarGrid g = new BarGrid(480, List.of(new TimeSignatureChange(0, TimeSignature.FOUR_FOUR),
                new TimeSignatureChange(2880, new TimeSignature(3, 4))));
        assertEquals(1, g.barAt(2879));
        assertEquals(2, g.barAt(2880));
        assertEquals(2880, g.barStartTick(2));
        assertEquals(960, g.barLengthTicks(1));
        assertEquals(1440, g.barLengthTicks(2));
        assertEquals(4320, g.barStartTick(3));
    }

    @Test
    void sixEightBarIsThreeQuarters() {
        assertEquals(1440, new TimeSignature(6, 8).ticksPerBar(480));
        assertEquals(3.0, new TimeSignature(6, 8).quartersPerBar());
    }
}
