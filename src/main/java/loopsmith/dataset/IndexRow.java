package loopsmith.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopsmith.format.TypedJson;
import loopsmith.music.LoopsmithException;

/**
 * One row of {@code index.jsonl}: where a segment's tokens are and what it is. The index has no version of its own;
 * it is read as the version its dataset's manifest states. Tags a file did not have are null.
 *
 * @param shard    a shard file in the data folder ({@code train-000.bin})
 * @param offset   where the segment starts in the shard, in tokens
 * @param length   its length in tokens
 * @param source   the file it came from, relative to the library, with forward slashes
 * @param startBar its first bar in that file
 * @param roles    the parts playing in it
 * @param swing    the source file's swing ratio; null when it plays straight
 * @param hash     hex hash of its music (tags left out), which ingest deduplicated on
 * @param origin   {@link DatasetFormat#ORIGIN_MIDI}, or {@link DatasetFormat#ORIGIN_AUDIO} for a transcribed drum loop;
 *                 the first version-1 datasets had only MIDI and wrote no origin, so an absent one reads as MIDI
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IndexRow(@JsonProperty(required = true) String split,
                       @JsonProperty(required = true) String shard,
                       @JsonProperty(required = true) long offset,
                       @JsonProperty(required = true) int length,
                       @JsonProperty(required = true) String source,
                       @JsonProperty(required = true) long startBar,
                       @JsonProperty(required = true) int bars,
                       String genre,
                       String style,
                       String mood,
                       @JsonProperty(required = true) double bpm,
                       String key,
                       String timeSignature,
                       @JsonProperty(required = true) List<String> roles,
                       Double swing,
                       @JsonProperty(required = true) String hash,
                       String origin) {

    private static final ObjectWriter LINE = TypedJson.WRITER.forType(IndexRow.class);

    public IndexRow {
        TypedJson.required(split, "split");
        TypedJson.required(source, "source");
        TypedJson.required(hash, "hash");
        roles = List.copyOf(TypedJson.required(roles, "roles"));
        // Shard names are joined to the data folder, so only plain file names are taken.
        if (!TypedJson.required(shard, "shard").matches("[\\w.-]+\\.bin")) throw new IllegalArgumentException("not a shard name: " + shard);
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must be >= 0, were " + offset + " and " + length);
        if (origin == null) origin = DatasetFormat.ORIGIN_MIDI;
    }

    /** Every row of an index file, in order. */
    public static List<IndexRow> read(Path file) {
        List<IndexRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                try {
                    rows.add(TypedJson.READER.readValue(line, IndexRow.class));
                } catch (JsonProcessingException e) {
                    throw new LoopsmithException(file, "line " + lineNumber + ": " + TypedJson.reason(e), e);
                }
            }
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read dataset index: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Writes rows to an index file, one JSON object a line, in the order they are appended. */
    static final class Writer implements Closeable {
        private final BufferedWriter out;

        Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        void append(IndexRow row) throws IOException {
            out.write(LINE.writeValueAsString(row));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
