package loopsmith.library;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loopsmith.music.LoopsmithException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A corpus's own split of its files into training and held-out sets, read from a CSV with a file column
 * ({@code path} or {@code midi_filename}, relative to the CSV's folder) and a {@code split} column: the Groove MIDI
 * Dataset's {@code info.csv} is one ({@code train}, {@code validation}, {@code test}). Keeping to the corpus's split
 * means a figure measured on its held-out files is comparable with others measured on them.
 *
 * @param splits split name per file, keyed by the path relative to the CSV's folder with forward slashes
 */
public record FileSplit(Path csv, Map<String, String> splits) {
    public static final String TRAIN = "train";
    private static final String[] FILE_COLUMNS = {"path", "midi_filename"};
    private static final String SPLIT_COLUMN = "split";

    public FileSplit {
        splits = Map.copyOf(splits);
    }

    /** The split of a file (path relative to the CSV's folder), or empty when the CSV does not list it. */
    public Optional<String> of(String relativePath) {
        return Optional.ofNullable(splits.get(relativePath.replace('\\', '/')));
    }

    /** Whether the CSV lists the file in the training split. */
    public boolean isTraining(String relativePath) {
        return of(relativePath).filter(TRAIN::equals).isPresent();
    }

    public static FileSplit read(Path csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        Map<String, String> splits = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            String fileColumn = null;
            for (String c : FILE_COLUMNS) if (parser.getHeaderNames().contains(c)) fileColumn = c;
            if (fileColumn == null || !parser.getHeaderNames().contains(SPLIT_COLUMN))
                throw new LoopsmithException(csv, "a split CSV needs a 'path' (or 'midi_filename') and a 'split' column; "
                        + "the header is " + parser.getHeaderNames());
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) continue;
                splits.put(r.get(fileColumn).replace('\\', '/'), r.get(SPLIT_COLUMN).toLowerCase(Locale.ROOT));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new LoopsmithException(csv, "cannot read split CSV: " + e.getMessage(), e);
        }
        return new FileSplit(csv, splits);
    }
}
