package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import loopsmith.NativeTest;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.model.Gpt;
import loopsmith.music.Piece;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training run's sample is what generate makes: the same engine, the same request, the same bytes. */
@NativeTest
class SampleWriterTest {
    private static final Vocabulary V = Vocabulary.defaults();

    @TempDir
    Path dir;

    @Test
    void theSampleIsTheGeneratorsPiece() throws IOException {
        Path file = dir.resolve("epoch-001.mid");
        SampleWriter.write(new RandomLogitsModel(V.size(), 256, 3), V, file, 7);
        Piece expected = new Generator(new RandomLogitsModel(V.size(), 256, 3), V).generate(SampleWriter.request(7)).get(0).piece();
        assertArrayEquals(MidiWriter.toBytes(expected), Files.readAllBytes(file));
        Piece read = MidiReader.read(file).piece();
        assertEquals(SampleWriter.BARS, read.lengthBars());
        assertEquals(TimeSignature.FOUR_FOUR, read.initialTimeSignature());
    }

    /** The training model's weights go into the plain-Java model; an untrained one still gives a valid, bar-exact piece. */
    @Test
    void aTrainingModelWritesAValidSample() {
        Path file = dir.resolve("final-step-1.mid");
        try (Gpt model = Gpt.create(Gpt.Config.tiny(V.size()), 5, Device.cpu())) {
            SampleWriter.write(model, V, file, 11);
        }
        Piece read = MidiReader.read(file).piece();
        assertEquals(SampleWriter.BARS, read.lengthBars());
        assertEquals(GenreDefaults.NO_GENRE.bpm(), read.initialBpm(), 0.01);
    }
}
