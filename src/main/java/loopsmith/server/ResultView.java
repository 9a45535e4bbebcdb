package loopsmith.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A result folder as the API describes it: its name, its files with URLs, and the sidecar's main facts (absent when
 * the sidecar is missing or unreadable, which {@code warning} then says).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResultView(String folder, String zipUrl, List<FileLink> files, Long seed, Double bpm, String key, String timeSignature,
                         Integer bars, String created, String genre, String text, String warning) {
    /** One file of the folder: {@code kind} is midi, audio, image, json or other. */
    public record FileLink(String name, String kind, String url) { }
}
