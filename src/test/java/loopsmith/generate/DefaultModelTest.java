package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.model.JavaGpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.Tags;
import org.junit.jupiter.api.Test;

/** The bundled model loads and makes valid, bar-exact ideas for the genres it knows and for ones it does not. */
class DefaultModelTest {
    @Test
    void bundledModelGeneratesValidIdeasAcrossGenres() {
        ModelFile m = ModelFile.load(Path.of("models/default.ckpt"));
        Generator g = new Generator(new JavaLanguageModel(new JavaGpt(m.config(), m.contents().tensors())), m.vocabulary());
        Grammar grammar = new Grammar(m.vocabulary());
        for (String genre : List.of("funk", "rock", "jazz", "latin", "pop", "hip-hop", "house", "trap")) {
            GenerationRequest r = GenerationRequest.fresh(Tags.of(genre, null, null), 100, TimeSignature.FOUR_FOUR, Key.parse("Em"), 2,
                    List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.CHORDS), TrackSpec.of(Role.MELODY)), SamplingConfig.defaults(), 3);
            Generator.Result res = g.generate(r).get(0);
            assertEquals(Optional.empty(), grammar.validate(res.tokens()), genre);
            GeneratorTest.check(res.piece(), r);
        }
    }
}
