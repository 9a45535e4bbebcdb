package loopsmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizeException;
import loopsmith.tokens.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tokenize", description = "Turn a MIDI file into tokens, one per line.",
        footerHeading = "%nExamples:%n", footer = {"  ./loopsmith tokenize song.mid --out song.tokens",
            "  ./loopsmith tokenize beat.mid --genre house --mood dark"})
final class TokenizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A MIDI file.")
    Path file;

    @Option(names = "--out", paramLabel = "F", description = "Write the tokens here instead of stdout.")
    Path out;

    @Option(names = "--vocab", paramLabel = "JSON", description = "A saved vocabulary (default: the built-in one).")
    Path vocab;

    @Option(names = "--genre", description = "GENRE tag to put in front.") String genre;
    @Option(names = "--style", description = "STYLE tag to put in front.") String style;
    @Option(names = "--mood", description = "MOOD tag to put in front.") String mood;

    @Override
    public Integer call() {
        Vocabulary vocabulary = vocab == null ? Vocabulary.defaults() : Vocabulary.load(vocab);
        MidiReadResult read = MidiReader.read(file);
        read.warnings().forEach(w -> System.err.println("warning: " + file + ": " + w));
        Piece piece = read.piece();
        if (piece.tempos().size() > 1)
            System.err.println("warning: " + file + ": " + piece.tempos().size() + " tempos; tokens keep the dominant one");
        if (piece.timeSignatures().size() > 1)
            System.err.println("warning: " + file + ": time signature changes; tokens keep the first ("
                    + piece.initialTimeSignature() + ")");
        RemiEncoder encoder = new RemiEncoder(vocabulary);
        Tags tags = Tags.of(genre, style, mood);
        encoder.unknownTags(tags).forEach(t -> System.err.println("warning: tag " + t + " is not in the vocabulary; left out"));
        List<Token> tokens;
        try {
            tokens = encoder.encode(piece, tags);
        } catch (TokenizeException e) {
            throw new LoopsmithException(file, e.reason(), e);
        }
        StringBuilder text = new StringBuilder(tokens.size() * 10);
        for (Token t : tokens) text.append(t).append('\n');
        if (out == null) {
            System.out.print(text);
        } else {
            writeAtomically(out, text.toString());
            System.err.println(tokens.size() + " tokens written to " + out);
        }
        return 0;
    }

    static void writeAtomically(Path target, String text) {
        loopsmith.music.AtomicFiles.write(target, "token file", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
