package loopsmith.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * loopsmith.json: enough to know what a result is and to make it again. {@code request} holds the prompt, the tags
 * as parsed and every setting; {@code model} names the model file and its SHA-256. {@code drumParts} is present when
 * the drums were split ({@link ExportConfig#splitDrums()}).
 */
public record Sidecar(String loopsmithVersion, String created, Map<String, Object> request, Map<String, Object> model,
                      long seed, double bpm, String key, String timeSignature, int bars, List<TrackEntry> tracks,
                      List<String> files, Map<String, Object> generation, List<String> warnings,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<DrumPartEntry> drumParts) {
    public record TrackEntry(String name, String role, String instrument, int program, boolean drums, int notes, String file) { }

    /**
     * One pad group of a split drum part. Every group is listed; one without notes has no files ({@code midi} and
     * {@code wav} null), so Live gets no empty clip.
     *
     * @param group lower case: kick, snare, hats, toms, cymbals, percussion
     * @param from  the drum track it was cut from
     * @param wav   null also when no stems were rendered
     */
    public record DrumPartEntry(String name, String group, String from, int notes, String midi, String wav) { }
}
