package loopsmith.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import loopsmith.format.TypedJson;

/**
 * One line of a run's {@code metrics.jsonl}: a training step (train loss, learning rate, throughput) or an evaluation
 * (validation loss, resident memory). What a line does not have is null and left out of it. The keys come in the
 * order of the components, the order runs have always written them in.
 *
 * @param trainLoss       rounded to 4 decimals
 * @param validationLoss  rounded to 4 decimals
 * @param tokensPerSecond real (non-padding) tokens of the step over its wall time
 * @param residentMb      {@link ProcessMemory#residentMb()}, rounded; -1 where it cannot be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricLine(@JsonProperty(value = "step", required = true) int step,
                         @JsonProperty(value = "epoch", required = true) int epoch,
                         @JsonProperty("train_loss") Double trainLoss,
                         @JsonProperty("validation_loss") Double validationLoss,
                         @JsonProperty("lr") Double learningRate,
                         @JsonProperty("tokens_per_s") Long tokensPerSecond,
                         @JsonProperty("rss_mb") Long residentMb) {

    public static MetricLine training(int step, int epoch, double trainLoss, double learningRate, long tokensPerSecond) {
        return new MetricLine(step, epoch, trainLoss, null, learningRate, tokensPerSecond, null);
    }

    public static MetricLine evaluation(int step, int epoch, double validationLoss, long residentMb) {
        return new MetricLine(step, epoch, null, validationLoss, null, null, residentMb);
    }

    /**
     * Reads one line. A line that is not one throws: a {@link com.fasterxml.jackson.core.exc.StreamReadException}
     * when the JSON itself is cut short (a killed run's last append), a
     * {@link com.fasterxml.jackson.databind.DatabindException} when it is JSON but not a metrics record.
     */
    public static MetricLine parse(String line) throws JacksonException {
        MetricLine m = TypedJson.READER.forType(MetricLine.class).readValue(line);
        if (m == null) throw MismatchedInputException.from(null, MetricLine.class, "a metrics line is a JSON object, not null");
        return m;
    }

    /** The line as written, without its newline. */
    public String toJson() {
        try {
            return TypedJson.WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render metrics line for step " + step, e);
        }
    }

    /** Appends the line to a metrics file, creating it if needed. */
    public void appendTo(Path metrics) throws IOException {
        Files.writeString(metrics, toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
