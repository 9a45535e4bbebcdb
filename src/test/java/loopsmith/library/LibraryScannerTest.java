package loopsmith.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import loopsmith.UnitTest;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk of a small library: what is MIDI, audio, a sidecar or ignored, what could not be looked at, and the order.
 * The scanner sorts by extension only and reads no labels (LabelReader does), so the files need only be real where
 * a later stage would read them.
 */
@UnitTest
class LibraryScannerTest {
    @TempDir Path dir;

    private Path lib;

    private static void midi(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Track kick = new Track("Drums", Role.DRUMS, 0, true, List.of(new Note(36, 100, 0, 240)));
        MidiWriter.write(Piece.of(480, 120, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(kick), 1920), file);
    }

    private static void text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @BeforeEach
    void library() throws IOException {
        lib = Files.createDirectories(dir.resolve("lib"));
        midi(lib.resolve("bass.mid"));
        midi(lib.resolve("Drums/kick.mid"));
        midi(lib.resolve("Drums/Fills/fill.MIDI"));
        text(lib.resolve("loop.wav"), "not parsed by the scanner");
        text(lib.resolve("metadata.csv"), "path,genre\nbass.mid,house\n");
        text(lib.resolve("Drums/kick.mid.yaml"), "genre: techno\n");
        text(lib.resolve("notes.txt"), "bought 2024");
        text(lib.resolve("Drums/README"), "");
        // Hidden files and folders are a tool's or the OS's, not the producer's: left out of every list.
        midi(lib.resolve(".hidden.mid"));
        midi(lib.resolve(".git/objects/x.mid"));
        text(lib.resolve(".DS_Store"), "");
        // Producers link sample packs in from elsewhere, so links are followed and listed under the link's name.
        midi(dir.resolve("pack/lead.mid"));
        Files.createSymbolicLink(lib.resolve("Pack"), dir.resolve("pack"));
        Files.createSymbolicLink(lib.resolve("Drums/up"), lib);
        Files.createSymbolicLink(lib.resolve("gone.mid"), dir.resolve("deleted.mid"));
    }

    @Test
    void sortsFilesIntoKindsByExtensionInCodePointOrder() {
        LibraryScan s = LibraryScanner.scan(lib);

        // Path.toString order: capitals before lower case, and case-blind extensions (".MIDI").
        assertEquals(paths("Drums/Fills/fill.MIDI", "Drums/kick.mid", "Pack/lead.mid", "bass.mid"), s.midi());
        assertEquals(paths("loop.wav"), s.audio());
        assertEquals(paths("Drums/kick.mid.yaml", "metadata.csv"), s.sidecars());
        assertEquals(List.of(new LibraryScan.Skipped(Path.of("Drums/README"), "not a music file"),
                new LibraryScan.Skipped(Path.of("notes.txt"), "not a music file (.txt)")), s.ignored());
    }

    @Test
    void reportsWhatItCouldNotLookAtAndGoesOn() {
        LibraryScan s = LibraryScanner.scan(lib);

        // A link back to the library would walk it forever; a dangling link has nothing to read. Both are named, not fatal.
        assertEquals(List.of(new LibraryScan.Skipped(Path.of("Drums/up"), "link loop (folder already visited)"),
                new LibraryScan.Skipped(Path.of("gone.mid"), "not a regular file")), s.skipped());
    }

    @Test
    void aLinkToAPlaceInsideTheLibraryListsItsFilesOnceWhereTheyAre() throws IOException {
        Files.createSymbolicLink(lib.resolve("Favourites"), lib.resolve("Drums"));
        Files.createSymbolicLink(lib.resolve("best.mid"), lib.resolve("bass.mid"));
        midi(lib.resolve(".stash/idea.mid"));
        Files.createSymbolicLink(lib.resolve("idea.mid"), lib.resolve(".stash/idea.mid"));
        LibraryScan s = LibraryScanner.scan(lib);

        // A hidden file is listed through a link to it: the walk would not list it otherwise.
        assertEquals(paths("Drums/Fills/fill.MIDI", "Drums/kick.mid", "Pack/lead.mid", "bass.mid", "idea.mid"), s.midi());
        assertTrue(s.ignored().contains(new LibraryScan.Skipped(Path.of("Favourites"), "a link to Drums, listed there")), s.ignored().toString());
        assertTrue(s.ignored().contains(new LibraryScan.Skipped(Path.of("best.mid"), "a link to bass.mid, listed there")), s.ignored().toString());
    }

    @Test
    void theRootIsAbsoluteAndNormalizedSoRelativePathsResolveAgainstIt() throws IOException {
        LibraryScan s = LibraryScanner.scan(lib.resolve("Drums/.."));

        assertEquals(lib.toAbsolutePath().normalize(), s.root());
        for (Path p : s.midi()) assertTrue(Files.isRegularFile(s.root().resolve(p)), p.toString());
    }

    @Test
    void aMissingFolderOrAFileIsRefusedWithItsPath() {
        LoopsmithException missing = assertThrows(LoopsmithException.class, () -> LibraryScanner.scan(dir.resolve("nope")));
        assertEquals(dir.resolve("nope"), missing.file());
        assertEquals("folder not found", missing.reason());
        LoopsmithException file = assertThrows(LoopsmithException.class, () -> LibraryScanner.scan(lib.resolve("bass.mid")));
        assertEquals(lib.resolve("bass.mid"), file.file());
        assertEquals("not a folder", file.reason());
    }

    private static List<Path> paths(String... relative) {
        return Arrays.stream(relative).map(Path::of).toList();
    }
}
