package loopsmith.tokens;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * obviously lacks (an empty part skipped over, a velocity or duration cut off, a missing FILL_END), skips the ones that
 * fit nowhere, and counts both. Notes of a fill land in the bar its FILL stood in.
 */
public final class RemiDecoder {
    private static final int DEFAULT_VELOCITY = 80;

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

    private static final class PartBuilder {
        int program;
        boolean drums;
        Role role = Role.OTHER;
        final List<Note> notes = new ArrayList<>();
    }

    private final class Walk {
        final Grammar.State state = grammar.start();
        final int maxInsertions = vocabulary.config().maxTracks() + 4;
        int dropped;
        int inserted;
        String genre;
        String style;
        String mood;
        String feel;
        double bpm = TempoChange.DEFAULT_BPM;
        TimeSignature timeSignature = TimeSignature.FOUR_FOUR;
        Key key;
        Token.Swing swing;
        Role pendingRole;
        final List<PartBuilder> parts = new ArrayList<>();
        final Deque<Integer> fillBars = new ArrayDeque<>(); // bar index of each FILL not yet written out
        int bar = -1;        // 0-based bar being written (or the filled bar, in a fill)
        long position;       // onset of the current group, in steps from the piece's start
        int velocity = DEFAULT_VELOCITY;
        int durationSteps;   // a pitched note's length when no DUR follows it: the part's last one

        void feed(Token t) {
            if (t.equals(Token.PAD) && (state.phase() == Grammar.Phase.END || state.phase() == Grammar.Phase.START)) return;
            for (int tries = 0; tries <= maxInsertions; tries++) {
                if (state.allows(t)) {
                    apply(t);
                    return;
                }
                Token assumed = assumedBefore(t);
                if (assumed == null) break;
                if (assumed == Token.UNK) continue; // the walk was moved back; try again
                inserted++;
                apply(assumed);
            }
            dropped++;
        }

        /** The token to assume before {@code t} so that it fits, UNK after moving the walk, or null when it fits nowhere near. */
        private Token assumedBefore(Token t) {
            boolean noteLevel = t instanceof Token.Position || t instanceof Token.Pitch || t instanceof Token.DrumHit
                    || t instanceof Token.Velocity || t instanceof Token.Duration;
            boolean structural = t.equals(Token.BAR_START) || t.equals(Token.PIECE_END) || t.equals(Token.FILL_START)
                    || t.equals(Token.FILL_END) || t instanceof Token.TrackRef;
            return switch (state.phase()) {
                case START -> Token.PIECE_START;
                case TAGS -> isHeaderTag(t) ? null : state.missingMandatoryTag();
                case DECL_INST -> new Token.Instrument(0, false);
                case DECL_OPTIONS, END -> null;
                case PART, FILLED -> partRepair(t, noteLevel, structural);
                case AFTER_POSITION -> {
                    if (t instanceof Token.Pitch && !state.inDrumPart()) yield new Token.Velocity(grid.velocityLevel(DEFAULT_VELOCITY));
                    if (structural || t instanceof Token.Position) {
                        state.phase = Grammar.Phase.PART; // an empty POS group: forget it
                        yield Token.UNK;
                    }
                    yield null;
                }
                case AFTER_VELOCITY -> {
                    state.phase = Grammar.Phase.PART; // a VEL with no note after it
                    yield Token.UNK;
                }
                case AFTER_PITCH -> new Token.Duration(grid.durationBin(vocabulary.config().positionsPerQuarter())); // the part's first note
                case FILLS -> t.equals(Token.PIECE_END) && state.pendingFills() > 0 ? Token.FILL_START : null;
            };
        }

        private Token partRepair(Token t, boolean noteLevel, boolean structural) {
            int part = state.currentPart();
            if (state.inFill()) return structural ? Token.FILL_END : null;
            if (part < 0) return noteLevel || t instanceof Token.TrackRef ? new Token.TrackRef(0) : null;
            if (part + 1 < state.tracks() && (structural || (t instanceof Token.TrackRef r && r.index() > part + 1)))
                return new Token.TrackRef(part + 1); // parts skipped over are empty
            if (t.equals(Token.PIECE_END) && state.pendingFills() > 0) return Token.FILL_START;
            return null;
        }

        private static boolean isHeaderTag(Token t) {
            return t instanceof Token.Tag || t instanceof Token.Tempo || t instanceof Token.TimeSig || t instanceof Token.KeyTag
                    || t instanceof Token.Swing;
        }

        void finish() {
            if (state.phase() == Grammar.Phase.START) return;
            for (int guard = 0; guard < 8 * maxInsertions && !state.isComplete(); guard++) {
                if (state.allows(Token.PIECE_END)) {
                    inserted++;
                    apply(Token.PIECE_END);
                    return;
                }
                Token assumed = assumedBefore(Token.PIECE_END);
                if (assumed == null) return; // a header without parts: nothing to close
                if (assumed == Token.UNK) continue;
                inserted++;
                apply(assumed);
            }
        }

        private void apply(Token t) {
            boolean wasFill = state.inFill();
            int part = state.currentPart();
            state.accept(t);
            if (t instanceof Token.Tag tag) {
                switch (tag.kind()) {
                    case GENRE -> genre = tag.value();
                    case STYLE -> style = tag.value();
                    case MOOD -> mood = tag.value();
                    case FEEL -> feel = tag.value();
                }
            } else if (t instanceof Token.Tempo tempo) {
                bpm = tempo.bpm();
            } else if (t instanceof Token.TimeSig ts) {
                timeSignature = ts.timeSignature();
            } else if (t instanceof Token.KeyTag k) {
                key = k.key();
            } else if (t instanceof Token.Swing s) {
                swing = s;
            } else if (t instanceof Token.RoleTag r) {
                pendingRole = r.role();
            } else if (t instanceof Token.Instrument inst) {
                PartBuilder b = new PartBuilder();
                b.role = pendingRole;
                b.program = inst.program();
                b.drums = inst.drums();
                parts.add(b);
            } else if (t.equals(Token.BAR_START)) {
                bar++;
            } else if (t instanceof Token.TrackRef) {
                velocity = DEFAULT_VELOCITY;
                durationSteps = vocabulary.config().positionsPerQuarter();
            } else if (t.equals(Token.FILL)) {
                fillBars.add(bar);
            } else if (t.equals(Token.FILL_START)) {
                velocity = DEFAULT_VELOCITY;
                durationSteps = vocabulary.config().positionsPerQuarter();
            } else if (t.equals(Token.FILL_END)) {
                fillBars.removeFirst();
            } else if (t instanceof Token.Position p) {
                int at = state.inFill() ? fillBars.peekFirst() : bar;
                position = (long) at * state.barSteps() + p.step();
            } else if (t instanceof Token.Velocity v) {
                velocity = v.velocity();
            } else if (t instanceof Token.DrumHit h) {
                parts.get(state.currentPart()).notes.add(new Note(h.key(), h.velocity(), grid.ticks(position),
                        grid.ticks(vocabulary.config().drumDurationSteps())));
            } else if (t instanceof Token.Pitch p) {
                parts.get(state.currentPart()).notes.add(new Note(p.pitch(), velocity, grid.ticks(position), grid.ticks(durationSteps)));
            } else if (t instanceof Token.Duration d) {
                List<Note> notes = parts.get(state.currentPart()).notes;
                durationSteps = d.steps();
                Note n = notes.remove(notes.size() - 1);
                notes.add(new Note(n.pitch(), n.velocity(), n.startTick(), grid.ticks(durationSteps)));
            } else if (!(t.equals(Token.PIECE_START) || t.equals(Token.PIECE_END) || t instanceof Token.Density
                    || t instanceof Token.Polyphony)) {
                throw new AssertionError("unhandled token " + t + " (fill " + wasFill + ", part " + part + ")");
            }
        }

        Decoded result() {
            int barSteps = grid.barSteps(timeSignature);
            List<String> names = TrackNames.canonical(parts.stream().map(b -> b.role).toList());
            List<Track> out = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                PartBuilder b = parts.get(i);
                List<Note> notes = new ArrayList<>(b.notes);
                notes.sort(java.util.Comparator.comparingLong(Note::startTick).thenComparingInt(Note::pitch));
                out.add(new Track(names.get(i), b.role == null ? Role.OTHER : b.role, b.program, b.drums, notes));
            }
            int bars = Math.max(0, bar + 1);
            Piece piece = new Piece(vocabulary.config().ticksPerQuarter(), List.of(new TempoChange(0, bpm)),
                    List.of(new TimeSignatureChange(0, timeSignature)), Optional.ofNullable(key), out,
                    grid.ticks((long) bars * barSteps));
            return new Decoded(piece, new Tags(Optional.ofNullable(genre), Optional.ofNullable(style), Optional.ofNullable(mood),
                    Optional.ofNullable(feel)), Optional.ofNullable(swing), dropped, inserted);
        }
    }
}
