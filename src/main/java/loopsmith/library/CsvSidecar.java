package loopsmith.library;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code metadata.csv} or {@code labels.csv}: a header row, then one row per file, with {@code path} relative to the
 * CSV's folder (forward slashes) and the fields {@link LabelFields} knows. The shared corpus schema
 * ({@code path,source,genre,style,mood,bpm,key,time_signature,bars,roles,licence}) is the default; columns we do not
 * know become free tags.
 *
 * <p>Origins name the line as a text editor or spreadsheet counts it (the header is line 1), assuming no cell holds a
 * line break. A problem with one row stays with that row's file; a problem with the whole CSV (unreadable, no
 * {@code path} column, broken quoting) is in {@link #warnings()} and is reported for every file under its folder,
 * as any of them might have been listed. Rows read before broken quoting still count.
 *
 * @param rows labels per listed file, keyed by absolute normalized path
 */
record CsvSidecar(Path file, Map<Path, Findings> rows, List<String> warnings) {
    private static final String PATH_COLUMN = "path";
    private static final int HEADER_LINES = 1;

    CsvSidecar {
        rows = Map.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** @param displayName how origins and warnings name this file, e.g. {@code "House/metadata.csv"} */
    static CsvSidecar read(Path csv, String displayName) {
        Map<Path, Findings> rows = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        Path folder = csv.toAbsolutePath().normalize().getParent();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .get();
        int line = HEADER_LINES;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = open(in, format)) {
            List<String> header = parser.getHeaderNames().stream().map(LabelFields::fieldName).toList();
            if (!header.contains(PATH_COLUMN)) {
                warnings.add(displayName + ": no 'path' column in the header " + parser.getHeaderNames() + "; file ignored");
                return new CsvSidecar(csv, rows, warnings);
            }
            for (CSVRecord record : parser) {
                line = HEADER_LINES + (int) record.getRecordNumber();
                row(record, header, folder, displayName + " line " + line, rows, warnings);
            }
        } catch (IOException | UncheckedIOException e) {
            warnings.add(displayName + ": malformed CSV after line " + line + ": " + message(e) + "; later rows ignored");
        }
        return new CsvSidecar(csv, rows, warnings);
    }

    /** Opens the parser; commons-csv rejects a header it cannot map (duplicate or empty names) with an IllegalArgumentException. */
    private static CSVParser open(Reader in, CSVFormat format) throws IOException {
        try {
            return CSVParser.parse(in, format);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad header: " + e.getMessage(), e);
        }
    }

    private static void row(CSVRecord record, List<String> header, Path folder, String origin,
                            Map<Path, Findings> rows, List<String> warnings) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(header.size(), record.size()); i++) cells.put(header.get(i), record.get(i));
        String path = cells.getOrDefault(PATH_COLUMN, "").replace('\\', '/');
        if (path.isEmpty()) {
            warnings.add(origin + ": no path; row ignored");
            return;
        }
        Path file = folder.resolve(path).normalize();
        if (record.size() > header.size()) {
            // With more cells than columns we cannot tell which value belongs to which column.
            rows.merge(file, Findings.warning(origin + ": " + record.size() + " cells but " + header.size()
                    + " columns; row ignored"), Findings::plus);
            return;
        }
        Findings found = LabelFields.parse(cells, LabelSource.CSV, origin);
        if (rows.containsKey(file))
            found = Findings.warning(origin + ": '" + path + "' listed again; this row wins").plus(found);
        rows.merge(file, found, Findings::plus);
    }

    /** The labels of one file, with this CSV's own warnings first; empty when the CSV neither lists nor warns. */
    Findings labelsFor(Path absoluteFile) {
        Findings own = warnings.isEmpty() ? Findings.EMPTY : new Findings(List.of(), warnings);
        return own.plus(rows.getOrDefault(absoluteFile, Findings.EMPTY));
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
