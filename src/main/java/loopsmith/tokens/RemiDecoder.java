package loopsmith.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Tokens → piece. Never throws on any input: it walks the {@link Grammar} leniently, assumes the token a sequence
 * obviously lacks (a BAR_END before the next BAR_START, a default velocity for a note cut off), skips the ones that
 * fit nowhere, and pads tracks with empty bars so all have the same length. It counts both.
 */
public final class RemiDecoder {
    private static final int DEFAULT_VELOCITY = 80;
    private static final int MAX_INSERTIONS_PER_TOKEN = 4;

    private final Vocabulary vocabulary;
    private final Grammar grammar;
    private final TokenGrid grid;

    public RemiDecoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.grammar = new Grammar(vocabulary);
        this.grid = vocabulary.grid();
    }

    public Decoded decodeIds(int[] ids) {
        return decode(vocabulary.tokens(ids));
    }

    public Decoded decode(List<Token> tokens) {
        Walk w = new Walk();
        for (Token t : tokens) w.feed(t);
        w.finish();
        return w.result();
    }

    private static final class TrackBuilder {
        int program;
        boolean drums;
        Role role = Role.OTHER;
        int bars;
        final List<Note> notes = new ArrayList<>();
    }

    private final class Walk {
        final Grammar.State state = grammar.lenient();
        int dropped;
        int inserted;
        String genre;
        String style;
        String mood;
        double bpm = TempoChange.DEFAULT_BPM;
        TimeSignature timeSignature = TimeSignature.FOUR_FOUR;
        Key key;
        final List<TrackBuilder> tracks = new ArrayList<>();
        TrackBuilder current;
        long step;
        int pitch;
        int durationSteps;

        void feed(Token t) {
            if (t.equals(Token.PAD) && (state.phase == Grammar.Phase.END || state.phase == Grammar.Phase.START)) return;
            for (int tries = 0; tries <= MAX_INSERTIONS_PER_TOKEN; tries++) {
                if (state.allows(t)) {
                    apply(t);
                    return;
                }
                Token assumed = assumedBefore(t);
                if (assumed == null) break;
                if (assumed == Token.UNK) { // an empty POS group: forget the position and try again
                    state.phase = Grammar.Phase.BAR;
                    continue;
                }
                inserted++;
                apply(assumed);
            }
            dropped++;
        }

        /** The token to assume before {@code t} so that it fits, or null when {@code t} fits nowhere near here. */
        private Token assumedBefore(Token t) {
            boolean structural = t.equals(Token.BAR_START) || t.equals(Token.TRACK_END) || t.equals(Token.TRACK_START)
                    || t.equals(Token.PIECE_END);
            boolean noteLevel = t instanceof Token.Position || t instanceof Token.Pitch;
            return switch (state.phase) {
                case START -> Token.PIECE_START;
                case TAGS -> isTag(t) ? null : state.missingMandatoryTag();
                case TRACKS, END -> null;
                case INSTRUMENT -> new Token.Instrument(0, false);
                case ROLE -> new Token.RoleTag(Role.OTHER);
                case BODY -> noteLevel ? Token.BAR_START
                        : t.equals(Token.TRACK_START) || t.equals(Token.PIECE_END) ? Token.TRACK_END : null;
                case BAR, AFTER_VELOCITY -> structural ? Token.BAR_END : null;
                case AFTER_POSITION -> structural || t instanceof Token.Position || t.equals(Token.BAR_END) ? Token.UNK : null;
                case AFTER_PITCH -> state.inDrumTrack() ? new Token.Velocity(grid.velocityLevel(DEFAULT_VELOCITY))
                        : new Token.Duration(grid.durationBin(vocabulary.config().positionsPerQuarter()));
                case AFTER_DURATION -> new Token.Velocity(grid.velocityLevel(DEFAULT_VELOCITY));
            };
        }

        private static boolean isTag(Token t) {
            return t instanceof Token.Tag || t instanceof Token.Tempo || t instanceof Token.TimeSig || t instanceof Token.KeyTag;
        }

        void finish() {
            for (int guard = 0; guard < 8 && state.phase != Grammar.Phase.END && state.phase != Grammar.Phase.START; guard++) {
                Token assumed = assumedBefore(Token.PIECE_END);
                if (assumed == null) assumed = Token.PIECE_END;
                if (assumed == Token.UNK) {
                    state.phase = Grammar.Phase.BAR;
                    continue;
                }
                inserted++;
                apply(assumed);
            }
        }

        private void apply(Token t) {
            int barSteps = state.barSteps;
            state.accept(t);
            if (t instanceof Token.Tag tag) {
                switch (tag.kind()) {
                    case GENRE -> genre = tag.value();
                    case STYLE -> style = tag.value();
                    case MOOD -> mood = tag.value();
                    default -> throw new AssertionError("unhandled tag " + tag);
                }
            } else if (t instanceof Token.Tempo tempo) {
                bpm = tempo.bpm();
            } else if (t instanceof Token.TimeSig ts) {
                timeSignature = ts.timeSignature();
            } else if (t instanceof Token.KeyTag k) {
                key = k.key();
            } else if (t.equals(Token.TRACK_START)) {
                current = new TrackBuilder();
            } else if (t instanceof Token.Instrument inst) {
                current.program = inst.program();
                current.drums = inst.drums();
            } else if (t instanceof Token.RoleTag r) {
                current.role = r.role();
            } else if (t.equals(Token.BAR_START)) {
                step = (long) current.bars * barSteps;
            } else if (t instanceof Token.Position p) {
                step = (long) current.bars * barSteps + p.step();
            } else if (t instanceof Token.Pitch p) {
                pitch = p.pitch();
                durationSteps = vocabulary.config().drumDurationSteps();
            } else if (t instanceof Token.Duration d) {
                durationSteps = d.steps();
            } else if (t instanceof Token.Velocity v) {
                current.notes.add(new Note(pitch, v.velocity(), grid.ticks(step), grid.ticks(durationSteps)));
            } else if (t.equals(Token.BAR_END)) {
                current.bars++;
            } else if (t.equals(Token.TRACK_END)) {
                tracks.add(current);
                current = null;
            } else if (!(t.equals(Token.PIECE_START) || t.equals(Token.PIECE_END))) {
                throw new AssertionError("unhandled token " + t);
            }
        }

        Decoded result() {
            int barSteps = grid.barSteps(timeSignature);
            int bars = 0;
            for (TrackBuilder b : tracks) bars = Math.max(bars, b.bars);
            List<String> names = TrackNames.canonical(tracks.stream().map(b -> b.role).toList());
            List<Track> out = new ArrayList<>(tracks.size());
            for (int i = 0; i < tracks.size(); i++) {
                TrackBuilder b = tracks.get(i);
                out.add(new Track(names.get(i), b.role, b.program, b.drums, b.notes));
            }
            Piece piece = new Piece(vocabulary.config().ticksPerQuarter(), List.of(new TempoChange(0, bpm)),
                    List.of(new TimeSignatureChange(0, timeSignature)), Optional.ofNullable(key), out,
                    grid.ticks((long) bars * barSteps));
            return new Decoded(piece, Tags.of(genre, style, mood), dropped, inserted);
        }
    }
}
