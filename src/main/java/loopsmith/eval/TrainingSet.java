package loopsmith.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.IndexRow;
import loopsmith.library.LibraryScan;
import loopsmith.library.LibraryScanner;
import loopsmith.midi.MidiReader;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Decoded;
import loopsmith.tokens.RemiDecoder;

/**
 * Fills a {@link Memorization} index with what a model learned from: a Loopsmith dataset folder (its train split,
 * decoded from tokens, exactly what training saw) or a folder of MIDI files.
 */
public final class TrainingSet {
    private TrainingSet() {}

    /** Adds every training piece under {@code path}; returns a word on what was read, for the report. */
    public static String addTo(Memorization index, Path path) {
        if (Files.isRegularFile(path.resolve(DatasetFormat.MANIFEST))) {
            DatasetReader d = DatasetReader.open(path);
            RemiDecoder decoder = new RemiDecoder(d.vocabulary());
            int segments = 0;
            for (IndexRow e : d.entries(DatasetFormat.TRAIN)) {
                Decoded decoded = decoder.decodeIds(d.tokens(e));
                index.addTraining(decoded.piece(), e.source());
                segments++;
            }
            return "dataset " + path + " (train split, " + segments + " segments)";
        }
        LibraryScan scan = LibraryScanner.scan(path);
        if (scan.midi().isEmpty()) throw new LoopsmithException(path, "--train: neither a Loopsmith dataset nor a folder with MIDI files");
        int read = 0;
        for (Path rel : scan.midi()) {
            try {
                index.addTraining(MidiReader.read(scan.root().resolve(rel)).piece(), rel.toString());
                read++;
            } catch (LoopsmithException e) {
                // A file the reader rejects was not trained on either; it cannot have been copied.
            }
        }
        return "MIDI folder " + path + " (" + read + " of " + scan.midi().size() + " files read)";
    }
}
