package loopsmith.export;

import java.util.List;
import java.util.Map;

/**
 * loopsmith.json: enough to know what a result is and to make it again. {@code request} holds the prompt, the tags
 * as parsed and every setting; {@code model} names the model file and its SHA-256.
 */
public record Sidecar(String loopsmithVersion, String created, Map<String, Object> request, Map<String, Object> model,
                      long seed, double bpm, String key, String timeSignature, int bars, List<TrackEntry> tracks,
                      List<String> files, Map<String, Object> generation, List<String> warnings) {
    public record TrackEntry(String name, String role, String instrument, int program, boolean drums, int notes, String file) { }
}
