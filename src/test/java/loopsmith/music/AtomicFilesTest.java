package loopsmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is the old one or the whole new one whatever happens to the writer, and a rename is synced to disk. */
@UnitTest
class AtomicFilesTest {
    @TempDir Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

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

    @Test
    void aWriterThatThrowsLeavesTheOldFileAndNoTempFile() throws Exception {
        Path target = dir.resolve("state.json");
        AtomicFiles.write(target, "state", "old".getBytes(StandardCharsets.UTF_8));
        RuntimeException bug = new IllegalStateException("a bug in the writer");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> AtomicFiles.write(target, "state", out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw bug;
        }));
        assertSame(bug, thrown, "a bug is not dressed up as a file error");
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(), "no temp file left");

        Error error = new OutOfMemoryError("Java heap space");
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> AtomicFiles.write(target, "state", out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw error;
        })));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());

        LoopsmithException e = assertThrows(LoopsmithException.class, () -> AtomicFiles.write(target, "state", out -> {
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("state.json") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFirstWriteThatFailsLeavesNothing() throws Exception {
        Path target = dir.resolve("new.bin");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, "data", out -> {
            throw new IllegalStateException("bug");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), files());
    }
}
