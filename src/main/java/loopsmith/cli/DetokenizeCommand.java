package loopsmith.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.tokens.Decoded;
import loopsmith.tokens.RemiDecoder;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detokenize", description = "Turn tokens (one per line, names or ids) back into a MIDI file.",
        footerHeading = "%nExamples:%n", footer = {"  ./loopsmith detokenize song.tokens --out song.mid"})
final class DetokenizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "F", description = "A token file: one token per line, as `tokenize` writes, or integer ids.")
    Path file;

    @Option(names = "--out", paramLabel = "OUT.mid", required = true, description = "The MIDI file to write.")
    Path out;

    @Option(names = "--vocab", paramLabel = "JSON", description = "A saved vocabulary (default: the built-in one).")
    Path vocab;

    @Override
    public Integer call() {
        Vocabulary vocabulary = vocab == null ? Vocabulary.defaults() : Vocabulary.load(vocab);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (MalformedInputException e) {
            throw new LoopsmithException(file, "not a token file (not UTF-8 text)", e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read: " + e.getMessage(), e);
        }
        List<Token> tokens = new ArrayList<>(lines.size());
        int unknown = 0;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            for (String word : s.split("\\s+")) {
                Token t = word.chars().allMatch(Character::isDigit) && word.length() < 9
                        ? vocabulary.token(Integer.parseInt(word)) : vocabulary.parse(word);
                if (t.equals(Token.UNK) && !word.equals("UNK")) unknown++;
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) throw new LoopsmithException(file, "no tokens in file");
        Decoded decoded = new RemiDecoder(vocabulary).decode(tokens);
        MidiWriter.write(decoded.piece(), out);
        System.err.printf("%s: %d tokens -> %d tracks, %d bars, %d notes%s%n", out, tokens.size(),
                decoded.piece().tracks().size(), decoded.piece().lengthBars(), decoded.piece().noteCount(),
                decoded.repaired() || unknown > 0 ? "; repaired: " + decoded.droppedTokens() + " dropped ("
                        + unknown + " unknown), " + decoded.insertedTokens() + " assumed" : "");
        return 0;
    }
}
