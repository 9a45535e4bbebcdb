package loopsmith.generate;

import java.util.ArrayList;
import java.util.List;
import loopsmith.tokens.Token;

/**
 * A seed piece's tokens cut into what generation reuses: the header (PIECE_START and tags), and per track its
 * instrument and role tokens and the tokens of each bar (BAR_START … BAR_END).
 */
record SeedParts(List<Token> header, List<Track> tracks) {
    record Track(Token.Instrument instrument, Token.RoleTag role, List<List<Token>> bars) { }

    static SeedParts of(List<Token> tokens) {
        List<Token> header = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).equals(Token.TRACK_START) && !tokens.get(i).equals(Token.PIECE_END))
            header.add(tokens.get(i++));
        while (i < tokens.size() && tokens.get(i).equals(Token.TRACK_START)) {
            Token.Instrument inst = (Token.Instrument) tokens.get(i + 1);
            Token.RoleTag role = (Token.RoleTag) tokens.get(i + 2);
            i += 3;
            List<List<Token>> bars = new ArrayList<>();
            while (tokens.get(i).equals(Token.BAR_START)) {
                List<Token> bar = new ArrayList<>();
                do bar.add(tokens.get(i)); while (!tokens.get(i++).equals(Token.BAR_END));
                bars.add(bar);
            }
            i++; // TRACK_END
            tracks.add(new Track(inst, role, bars));
        }
        return new SeedParts(header, tracks);
    }
}
