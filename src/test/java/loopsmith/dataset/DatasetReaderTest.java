package loopsmith.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets as earlier builds left them still open; one this build cannot read says why. */
@UnitTest
class DatasetReaderTest {
    @TempDir
    Path dir;

    /** The flat layout of version 1: vocabulary, shards and index beside dataset.json, index rows without origin. */
    private void writeVersion1() throws Exception {
        Vocabulary.defaults().save(dir.resolve(DatasetFormat.VOCABULARY));
        Files.write(dir.resolve("train-000.bin"), new byte[] {1, 0, 2, 0, 3, 1});
        Files.write(dir.resolve("validation-000.bin"), new byte[] {4, 0});
        Files.write(dir.resolve(DatasetFormat.INDEX), List.of(
                IndexRowTest.ROW.replace(",\"origin\":\"midi\"", "").replace("\"offset\":107,\"length\":88", "\"offset\":1,\"length\":2"),
                IndexRowTest.ROW.replace(",\"origin\":\"midi\"", "").replace("\"train", "\"validation")
                        .replace("\"offset\":107,\"length\":88", "\"offset\":0,\"length\":1")));
        Files.writeString(dir.resolve(DatasetFormat.MANIFEST), DatasetManifestTest.VERSION_1);
    }

    @Test
    void opensAVersion1Dataset() throws Exception {
        writeVersion1();
        DatasetReader d = DatasetReader.open(dir);
        assertEquals(1, d.manifest().version());
        assertEquals(Vocabulary.defaults().size(), d.vocabulary().size());
        IndexRow train = d.entries(DatasetFormat.TRAIN).get(0);
        assertArrayEquals(new int[] {2, 256 + 3}, d.tokens(train), "uint16 little-endian from the row's offset");
        assertEquals(DatasetFormat.ORIGIN_MIDI, train.origin());
        assertArrayEquals(new int[] {4}, d.tokens(d.entries(DatasetFormat.VALIDATION).get(0)));
    }

    @Test
    void opensAVersion2DatasetInItsDataFolder() throws Exception {
        writeVersion1();
        Path data = Files.createDirectories(dir.resolve("data-mx5yxqgg191m6x"));
        for (String f : List.of(DatasetFormat.VOCABULARY, DatasetFormat.INDEX, "train-000.bin", "validation-000.bin"))
            Files.move(dir.resolve(f), data.resolve(f));
        Files.writeString(dir.resolve(DatasetFormat.MANIFEST), DatasetManifestTest.VERSION_2);
        DatasetReader d = DatasetReader.open(dir);
        assertEquals(2, d.manifest().version());
        assertArrayEquals(new int[] {2, 256 + 3}, d.tokens(d.entries(DatasetFormat.TRAIN).get(0)));
    }

    @Test
    void refusesShardsStoredAnotherWay() throws Exception {
        writeVersion1();
        Files.writeString(dir.resolve(DatasetFormat.MANIFEST), DatasetManifestTest.VERSION_1.replace("uint16le", "uint32le"));
        LoopsmithException e = assertThrows(LoopsmithException.class, () -> DatasetReader.open(dir));
        assertEquals(dir.resolve(DatasetFormat.MANIFEST), e.file());
        assertTrue(e.reason().contains("uint32le"), e.reason());
    }
}
