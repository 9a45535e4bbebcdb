package loopsmith.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * On-the-fly variations of a training sequence that keep it grammatical: pitched parts transposed (drum hits are HIT
 * tokens and never move, and nothing leaves the MIDI range), the KEY tag moved with them, the TEMPO tag jittered by a
 * bin or two, velocities shifted a level, and optional tags (genre, style, mood, key) dropped so the model also works
 * from partial prompts. Swing and the part controls are never dropped: generation always states them.
 */
final class Augmenter {
    private final Vocabulary vocabulary;
    private final TrainConfig config;
    private final int[] tempoBins;
    private final int[] velocityLevels;
    private final int[] drumVelocityLevels;

    Augmenter(Vocabulary vocabulary, TrainConfig config) {
        this.vocabulary = vocabulary;
        this.config = config;
        this.tempoBins = vocabulary.grid().tempoBins();
        this.velocityLevels = vocabulary.grid().velocityLevels();
        this.drumVelocityLevels = vocabulary.grid().drumVelocityLevels();
    }

    List<Token> apply(List<Token> tokens, SplittableRandom rnd) {
        int shift = transposition(tokens, rnd);
        int tempoShift = config.tempoJitterBins() == 0 ? 0 : rnd.nextInt(-config.tempoJitterBins(), config.tempoJitterBins() + 1);
        int velocityShift = config.velocityJitter() ? rnd.nextInt(-1, 2) : 0;
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (isOptionalTag(t) && rnd.nextDouble() < config.tagDropout()) continue;
            if (t instanceof Token.Pitch p) t = new Token.Pitch(p.pitch() + shift);
            else if (t instanceof Token.KeyTag k) t = new Token.KeyTag(k.key().transposed(shift));
            else if (t instanceof Token.Tempo tempo) t = new Token.Tempo(moved(tempoBins, tempo.bpm(), tempoShift));
            else if (t instanceof Token.Velocity vel) t = new Token.Velocity(moved(velocityLevels, vel.velocity(), velocityShift));
            else if (t instanceof Token.DrumHit h) t = new Token.DrumHit(h.key(), moved(drumVelocityLevels, h.velocity(), velocityShift));
            out.add(t);
        }
        return out;
    }

    private static boolean isOptionalTag(Token t) {
        return t instanceof Token.Tag || t instanceof Token.KeyTag;
    }

    /** A random shift within ±transposeSemitones that keeps every pitched note inside 0..127. */
    private int transposition(List<Token> tokens, SplittableRandom rnd) {
        int range = config.transposeSemitones();
        if (range == 0) return 0;
        int low = 127;
        int high = 0;
        for (Token t : tokens) {
            if (t instanceof Token.Pitch p) {
                low = Math.min(low, p.pitch());
                high = Math.max(high, p.pitch());
            }
        }
        if (low > high) return 0;
        int down = Math.max(-range, -low);
        int up = Math.min(range, 127 - high);
        return down > up ? 0 : rnd.nextInt(down, up + 1);
    }

    /** The value {@code steps} entries away in a sorted table, clamped at its ends. */
    private static int moved(int[] table, int value, int steps) {
        int i = java.util.Arrays.binarySearch(table, value);
        if (i < 0) return value;
        return table[Math.max(0, Math.min(table.length - 1, i + steps))];
    }
}
