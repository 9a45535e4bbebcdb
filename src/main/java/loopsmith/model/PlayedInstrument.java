package loopsmith.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How often a model's training data played one role on one General MIDI program in one genre: a row of the training
 * state's {@link ModelFile#PLAYED_INSTRUMENTS}. Generation reads it so that a model fine-tuned on a library is asked
 * for the sounds that library plays where it never plays the genre's usual one (a folk library on piano is not asked
 * for a fiddle, whose instrument token the model never heard in that genre and which steers it away from the library).
 *
 * @param genre   the segments' genre tag, as {@code folk}; null for segments without one
 * @param role    the part's role, as {@code melody}
 * @param program the 0-based GM program it was played on
 * @param parts   how many training segments had such a part
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayedInstrument(@JsonProperty("genre") String genre,
                               @JsonProperty(value = "role", required = true) String role,
                               @JsonProperty(value = "program", required = true) int program,
                               @JsonProperty(value = "parts", required = true) int parts) {
    public PlayedInstrument {
        if (role == null || role.isBlank()) throw new IllegalArgumentException("role is missing");
        if (program < 0 || program > 127) throw new IllegalArgumentException("program must be 0..127, was " + program);
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, was " + parts);
    }
}
