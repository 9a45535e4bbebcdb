package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rename is synced to disk. */
@UnitTest
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void aWriteAndAMoveEachSyncTheFolder() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        Path folder = dir.toAbsolutePath();
        Consumer<Path> before = AtomicFiles.synced;
        AtomicFiles.synced = d -> {
            if (d.equals(folder)) syncs.incrementAndGet();
        };
        try {
            AtomicFiles.write(dir.resolve("a.txt"), "a", "one".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, syncs.get(), "the write's rename is synced");
            Path moved = dir.resolve("b.txt");
            AtomicFiles.move(dir.resolve("a.txt"), moved);
            assertEquals(2, syncs.get(), "the move is synced");
            assertEquals("one", Files.readString(moved));
        } finally {
            AtomicFiles.synced = before;
        }
    }
}
