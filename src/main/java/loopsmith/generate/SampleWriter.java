package loopsmith.generate;

import java.nio.file.Path;
import java.util.Optional;
import loopsmith.midi.MidiWriter;
import loopsmith.model.Checkpoint;
import loopsmith.model.Gpt;
import loopsmith.model.JavaGpt;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Vocabulary;

/**
 * A sample of what a model makes now, as a MIDI file: for listening to a run's progress epoch by epoch. It comes from
 * the {@link Generator} on the plain-Java model, as {@code generate} would make it from a checkpoint saved now, so what
 * a run's samples sound like is what its users will get.
 */
public final class SampleWriter {
    /** Short enough to cost little after every epoch, long enough to hear a part repeat. */
    static final int BARS = 4;

    private SampleWriter() {}

    /** The training model's current weights, copied into the plain-Java model that generation runs on. */
    public static void write(Gpt model, Vocabulary vocabulary, Path file, long seed) {
        write(new JavaLanguageModel(new JavaGpt(model.config(), Checkpoint.weightsOf(model))), vocabulary, file, seed);
    }

    public static void write(LanguageModel model, Vocabulary vocabulary, Path file, long seed) {
        Generator.Result r = new Generator(model, vocabulary).generate(request(seed)).get(0);
        MidiWriter.write(r.piece(), file);
    }

    /**
     * No tags (the model learned to write without them through tag dropout), so a sample shows what the run learned
     * overall; the tempo, meter, key and parts a prompt with no genre gets, with generate's default sampling.
     */
    static GenerationRequest request(long seed) {
        GenreDefaults d = GenreDefaults.NO_GENRE;
        GenreInstruments instruments = GenreInstruments.forGenre(Optional.empty());
        return GenerationRequest.fresh(Tags.NONE, d.bpm(), d.timeSignature(), Optional.of(d.key()), BARS,
                d.roles().stream().map(instruments::track).toList(), SamplingConfig.defaults(), seed);
    }
}
