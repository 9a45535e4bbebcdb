package loopsmith.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import loopsmith.format.TypedJson;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Mode;
import loopsmith.music.Role;

/**
 * The only mapping between {@link Token}s and integer ids. Built from a {@link TokenizerConfig}, saved as JSON with a
 * format version, and checked on load (a file whose token list does not match its own config is rejected).
 * Tokens not in the vocabulary (an unknown genre, say) map to {@code UNK}; nothing here throws on unknown input.
 */
public final class Vocabulary {
    public static final String FORMAT = "loopsmith-vocabulary";
    public static final int VERSION = 2;
    // Strict, unlike the other typed files (format.TypedJson): a tokenizer field this build does not know would mean
    // other token ids, so it is refused rather than ignored.
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypedJson.Format STORED = new TypedJson.Format(FORMAT, "vocabulary", VERSION, 0, "update Loopsmith");

    private final TokenizerConfig config;
    private final TokenGrid grid;
    private final List<Token> tokens;
    private final Map<Token, Integer> ids;
    private final int unkId;

    private Vocabulary(TokenizerConfig config) {
        this.config = config;
        this.grid = new TokenGrid(config);
        List<Token> list = new ArrayList<>();
        for (Token.Kind k : Token.Kind.values()) list.add(new Token.Special(k)); // PAD is id 0, UNK id 1
        for (String g : config.genres()) list.add(new Token.Tag(Token.TagKind.GENRE, g));
        for (String s : config.styles()) list.add(new Token.Tag(Token.TagKind.STYLE, s));
        for (String m : config.moods()) list.add(new Token.Tag(Token.TagKind.MOOD, m));
        for (int bpm : grid.tempoBins()) list.add(new Token.Tempo(bpm));
        grid.timeSignatures().forEach(ts -> list.add(new Token.TimeSig(ts)));
        for (Mode mode : Mode.values())
            for (int pc = 0; pc < 12; pc++) list.add(new Token.KeyTag(new Key(pc, mode)));
        for (int unit : new int[] {8, 16})
            for (int percent : TokenGrid.SWING_PERCENTS) list.add(new Token.Swing(unit, percent));
        for (Role r : Role.values()) list.add(new Token.RoleTag(r));
        list.add(Token.Instrument.DRUMS);
        for (int p = 0; p < 128; p++) list.add(new Token.Instrument(p, false));
        for (int level = 0; level < Controls.LEVELS; level++) list.add(new Token.Density(level));
        for (int level = 0; level < Controls.LEVELS; level++) list.add(new Token.Polyphony(level));
        for (int i = 0; i < config.maxTracks(); i++) list.add(new Token.TrackRef(i));
        int maxSteps = config.maxBarQuarters() * config.positionsPerQuarter();
        for (int s = 0; s < maxSteps; s++) list.add(new Token.Position(s));
        for (int p = 0; p < 128; p++) list.add(new Token.Pitch(p));
        for (int d : grid.durationBins()) list.add(new Token.Duration(d));
        for (int v : grid.velocityLevels()) list.add(new Token.Velocity(v));
        for (int key = GeneralMidi.MIN_DRUM_PITCH; key <= GeneralMidi.MAX_DRUM_PITCH; key++)
            for (int v : grid.drumVelocityLevels()) list.add(new Token.DrumHit(key, v));
        // Last, so vocabularies of configs stored before FEEL existed keep their ids.
        for (String f : config.feels()) list.add(new Token.Tag(Token.TagKind.FEEL, f));
        this.tokens = List.copyOf(list);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) ids.put(tokens.get(i), i);
        this.unkId = ids.get(Token.UNK);
    }

    public static Vocabulary of(TokenizerConfig config) {
        return new Vocabulary(config);
    }

    public static Vocabulary defaults() {
        return of(TokenizerConfig.defaults());
    }

    public TokenizerConfig config() {
        return config;
    }

    public TokenGrid grid() {
        return grid;
    }

    public int size() {
        return tokens.size();
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The id of a token; {@code UNK}'s id when the vocabulary does not hold it. */
    public int id(Token token) {
        return ids.getOrDefault(token, unkId);
    }

    public boolean contains(Token token) {
        return ids.containsKey(token);
    }

    /** The token of an id; {@code UNK} for ids outside the vocabulary. */
    public Token token(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : Token.UNK;
    }

    public int[] ids(List<Token> sequence) {
        int[] out = new int[sequence.size()];
        for (int i = 0; i < out.length; i++) out[i] = id(sequence.get(i));
        return out;
    }

    public List<Token> tokens(int[] sequence) {
        List<Token> out = new ArrayList<>(sequence.length);
        for (int id : sequence) out.add(token(id));
        return out;
    }

    /** Parses a token's string form; unknown text becomes {@code UNK}. */
    public Token parse(String text) {
        Token t = Token.parse(text).orElse(Token.UNK);
        return contains(t) ? t : Token.UNK;
    }

    record Stored(String format, int version, JsonNode config, List<String> tokens) { }

    /**
     * The vocabulary of a stored tokenizer config (a model file's or a dataset's), refused with the token format's
     * version when it is not the one this build reads: ids of another format mean other things.
     */
    public static Vocabulary fromStoredConfig(Path file, JsonNode config) {
        int format = config.path("tokenFormat").asInt(0);
        int version = format == 0 ? 1 : format;
        if (version != TokenizerConfig.TOKEN_FORMAT)
            throw new LoopsmithException(file, "made for token format version " + version + "; this build reads version "
                    + TokenizerConfig.TOKEN_FORMAT + " (bar-interleaved parts): retrain the model or re-ingest the dataset with this version");
        try {
            return new Vocabulary(JSON.treeToValue(config, TokenizerConfig.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new LoopsmithException(file, "invalid vocabulary config: " + e.getMessage(), e);
        }
    }

    /** Writes the vocabulary as JSON, atomically. */
    public void save(Path file) {
        List<String> names = tokens.stream().map(Token::toString).toList();
        loopsmith.music.AtomicFiles.write(file, "vocabulary", out -> JSON.writeValue(out, new Stored(FORMAT, VERSION, JSON.valueToTree(config), names)));
    }

    /**
     * The format and a newer version are checked before the fields, so a newer file is named as such, not as a bad
     * field; an older one is read far enough to name the token format it was made for.
     */
    public static Vocabulary load(Path file) {
        Stored stored;
        int version;
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            version = STORED.versionOf(file, tree);
            stored = JSON.treeToValue(tree, Stored.class);
        } catch (IOException e) {
            throw new LoopsmithException(file, "not a vocabulary file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LoopsmithException(file, "invalid vocabulary config: " + e.getMessage(), e);
        }
        if (stored.config() == null || stored.tokens() == null)
            throw new LoopsmithException(file, "vocabulary file lacks its config or token list");
        Vocabulary v = fromStoredConfig(file, stored.config());
        if (version != VERSION)
            throw new LoopsmithException(file, "vocabulary version " + version + " is not supported (this build reads " + VERSION + ")");
        List<String> expected = v.tokens.stream().map(Token::toString).toList();
        if (!expected.equals(stored.tokens()))
            throw new LoopsmithException(file, "vocabulary token list does not match its config (edited by hand?)");
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }
}
