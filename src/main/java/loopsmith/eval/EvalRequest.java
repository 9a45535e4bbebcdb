package loopsmith.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;

/**
 * What one evaluated piece was asked to be: the tag combination of a reference file (genre, style, mood, feel, tempo,
 * meter, key, parts) and a bar count. {@code tags} holds only those the model knows (and the evaluation asks); an
 * empty genre leaves the piece out of the genre judgement; {@code key} is empty for drums-only requests and when the
 * reference has no key; {@code programs} the GM program asked for a pitched part, where the evaluation asks the
 * reference's instruments (empty: the genre's usual ones).
 */
public record EvalRequest(Tags tags, double bpm, TimeSignature timeSignature, Optional<Key> key, int bars,
                          List<Role> roles, long seed, String referenceFile, Map<Role, Integer> programs) {
    /** How far the written tempo may be from the requested one (MIDI stores microseconds per quarter, so not exact). */
    public static final double TEMPO_TOLERANCE_BPM = 0.5;

    public EvalRequest {
        roles = List.copyOf(roles);
        programs = programs == null ? Map.of() : Map.copyOf(programs);
    }

    public EvalRequest(Tags tags, double bpm, TimeSignature timeSignature, Optional<Key> key, int bars, List<Role> roles,
                       long seed, String referenceFile) {
        this(tags, bpm, timeSignature, key, bars, roles, seed, referenceFile, Map.of());
    }

    public Optional<String> genre() {
        return tags.genre();
    }

    /** "GENRE=rock STYLE=fill FEEL=human", as the prompt carried them, or "no tags". */
    public String tagText() {
        List<String> out = tags.tokens().stream().map(Token::toString).toList();
        return out.isEmpty() ? "no tags" : String.join(" ", out);
    }

    /** Which of the checks a piece passes: the validity of one output. */
    public record Validity(boolean decodes, boolean bars, boolean tempo, boolean meter, boolean roles) {
        public boolean valid() {
            return decodes && bars && tempo && meter && roles;
        }
    }

    /** A piece that did not decode fails everything; otherwise each check is judged on its own. */
    public Validity check(Optional<Piece> piece) {
        if (piece.isEmpty()) return new Validity(false, false, false, false, false);
        Piece p = piece.get();
        return new Validity(true, p.lengthBars() == bars, tempoMatches(p), p.timeSignatures().size() == 1
                && p.initialTimeSignature().equals(timeSignature), rolesPresent(p));
    }

    public boolean tempoMatches(Piece p) {
        return p.tempos().size() == 1 && Math.abs(p.initialBpm() - bpm) <= TEMPO_TOLERANCE_BPM;
    }

    /** Every requested role has a track with at least one note. */
    public boolean rolesPresent(Piece p) {
        for (Role r : roles) {
            boolean found = false;
            for (Track t : p.tracks()) if (t.role() == r && !t.notes().isEmpty()) found = true;
            if (!found) return false;
        }
        return true;
    }
}
