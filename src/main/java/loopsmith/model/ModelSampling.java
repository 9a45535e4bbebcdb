package loopsmith.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a model asks to be sampled where a request does not say: the header state's {@link ModelFile#SAMPLING}. A field
 * left out is generate's own default; a model without the entry (the bundled one among them) is sampled with those.
 *
 * <p>{@code learn} writes {@link #LEARNED}: its model is fitted to one producer's library, and the min-p cut that keeps
 * the bundled model's starter idioms tidy drops the rare notes that are that library's style (a folk tune's accidentals),
 * more the surer the model is: a fine-tuned model loses more of its tail under it than one trained from nothing.
 *
 * @param minP    min-p threshold, 0 = off; null: generate's
 * @param harmony bonus for bass and melody notes on the chord part's tones, 0 = off; null: generate's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSampling(@JsonProperty("min_p") Double minP, @JsonProperty("harmony") Double harmony) {
    /** A model learned from a library: its own distribution, no tail cut; the harmony bonus stays generate's. */
    public static final ModelSampling LEARNED = new ModelSampling(0.0, null);

    public ModelSampling {
        if (minP != null && !(minP >= 0 && minP < 1)) throw new IllegalArgumentException("min_p must be 0 to less than 1, was " + minP);
        if (harmony != null && !(harmony >= 0 && harmony <= 10)) throw new IllegalArgumentException("harmony must be 0 to 10, was " + harmony);
    }
}
