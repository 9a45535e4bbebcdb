package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.DrumGroup;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The groove model file: written and read back unchanged, and anything else refused with the file's name. */
@UnitTest
class GrooveModelTest {
    @TempDir
    Path dir;

    /** Two bars of 16 steps: a kick and a late snare, then a hat pushed early. */
    static GrooveModel small() {
        return new GrooveModel(GrooveModel.FORMAT, GrooveModel.VERSION, "test", 1, List.of("funk"), new int[] {0, -1}, new int[] {16, 16},
                new int[] {100, 92}, new int[] {2, 1},
                new byte[] {GrooveModel.cell(DrumGroup.KICK, 0), GrooveModel.cell(DrumGroup.SNARE, 4), GrooveModel.cell(DrumGroup.HATS, 15)},
                new byte[] {36, 38, 42}, new byte[] {110, 96, 40},
                new byte[] {0, GrooveModel.offsetByte(0.12), GrooveModel.offsetByte(-0.5)});
    }

    @Test
    void writeThenReadGivesTheSameModel() {
        GrooveModel m = small();
        Path f = dir.resolve("g.json.gz");
        m.write(f);
        GrooveModel back = GrooveModel.read(f);
        assertEquals(m.format(), back.format());
        assertEquals(m.version(), back.version());
        assertEquals(m.genres(), back.genres());
        assertArrayEquals(m.barGenre(), back.barGenre());
        assertArrayEquals(m.barSteps(), back.barSteps());
        assertArrayEquals(m.barBpm(), back.barBpm());
        assertArrayEquals(m.barHits(), back.barHits());
        assertArrayEquals(m.hitCell(), back.hitCell());
        assertArrayEquals(m.hitPitch(), back.hitPitch());
        assertArrayEquals(m.hitVelocity(), back.hitVelocity());
        assertArrayEquals(m.hitOffset(), back.hitOffset());
        assertEquals(0.12, back.offsetSteps(1), 1e-9);
        assertEquals(-0.5, back.offsetSteps(2), 1e-9);
        assertEquals(DrumGroup.HATS, GrooveModel.groupOf(back.hitCell()[2]));
        assertEquals(15, GrooveModel.stepOf(back.hitCell()[2]));
    }

    @Test
    void anotherVersionIsRefusedWithTheFileAndTheFix() throws Exception {
        Path f = dir.resolve("old.json");
        Files.writeString(f, "{\"format\":\"loopsmith-groove\",\"version\":99}");
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> GrooveModel.read(f));
        assertEquals(f, e.file());
        assertTrue(e.reason().contains("version 99"), e.reason());
    }

    @Test
    void aFileWithoutAColumnNamesIt() throws Exception {
        Path f = dir.resolve("short.json");
        Files.writeString(f, "{\"format\":\"loopsmith-groove\",\"version\":1,\"source\":\"t\",\"files\":1,\"genres\":[],"
                + "\"barGenre\":[],\"barSteps\":[],\"barBpm\":[]}");
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> GrooveModel.read(f));
        assertEquals(f, e.file());
        assertTrue(e.reason().contains("missing required field 'barHits'"), e.reason());
    }

    @Test
    void otherFilesAreRefused() throws Exception {
        Path json = dir.resolve("x.json");
        Files.writeString(json, "{\"format\":\"something-else\",\"version\":1}");
        assertTrue(assertThrows(LoopsmithException.class, () -> GrooveModel.read(json)).reason().contains("not a Loopsmith groove model"));
        Path garbage = dir.resolve("y.json.gz");
        Files.write(garbage, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertEquals(garbage, assertThrows(LoopsmithException.class, () -> GrooveModel.read(garbage)).file());
        assertThrows(LoopsmithException.class, () -> GrooveModel.read(dir.resolve("missing.json.gz")));
    }

    @Test
    void columnsThatDisagreeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GrooveModel(GrooveModel.FORMAT, 1, "t", 1, List.of(), new int[] {-1},
                new int[] {16}, new int[] {120}, new int[] {2}, new byte[1], new byte[1], new byte[1], new byte[1]));
    }
}
