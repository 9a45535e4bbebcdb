package loopsmith.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.midi.MidiWriter;
import loopsmith.model.Gpt;
import loopsmith.tokens.RemiDecoder;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/** A sample of what a model makes now, as a MIDI file: for listening to a run's progress epoch by epoch. */
public final class SampleWriter {
    private SampleWriter() {}

    /** Samples from PIECE_START (the model picks tags and parts) with generate's default sampling, and writes the MIDI. */
    public static void write(Gpt model, Vocabulary vocabulary, Path file, long seed) {
        List<Token> tokens = new Sampler(model, vocabulary).sample(List.of(Token.PIECE_START),
                SamplingConfig.defaults().withMaxTokens(model.config().contextTokens()), new SplittableRandom(seed));
        MidiWriter.write(new RemiDecoder(vocabulary).decode(tokens).piece(), file);
    }
}
