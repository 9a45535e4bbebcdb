package loopsmith.tokens;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import loopsmith.music.TimeSignature;

/**
 * What may follow what: the one definition of a valid token sequence (token format {@value TokenizerConfig#TOKEN_FORMAT}).
 * Validation, the repairing decoder and constrained generation all walk this state machine.
 *
 * <pre>
 * piece  := PIECE_START header (decl+ bar* fills)? PIECE_END
 * header := [GENRE=] [STYLE=] [MOOD=] [FEEL=] TEMPO= TIMESIG= [KEY=] [SWING=]   in this order; tempo and meter are required,
 *                                                                      the rest may be left out (tag dropout)
 * decl   := ROLE=&lt;role&gt; INST=&lt;program|DRUMS&gt; [DENS=&lt;level&gt;] [POLY=&lt;level&gt;]   one per part; POLY on pitched parts only
 * bar    := BAR_START part(0) part(1) … part(n-1)           every part in every bar, in declaration order
 * part(i):= TRK=i (FILL | group*)
 * group  := POS=&lt;step&gt; ([VEL=&lt;level&gt;] note)+            steps strictly increase within a part and stay below the bar's
 *                                                       length; a pitched part's first note has a VEL before it, and a
 *                                                       VEL holds for the part's later notes until the next one
 * note   := HIT=&lt;key&gt;:&lt;level&gt;                             in a drum part (keys strictly increase within a group)
 *         | NOTE_ON=&lt;pitch&gt; [DUR=&lt;bin&gt;]                   in a pitched part (pitches strictly increase within a group);
 *                                                       the part's first note has a DUR, later ones only when it changes
 * fills  := (FILL_START group* FILL_END)*                one per FILL, in the order the FILLs came: the notes of the
 *                                                       part's bar that was left out, written after seeing everything
 * </pre>
 * A piece has at most {@link TokenizerConfig#maxTracks()} parts and {@link TokenizerConfig#maxBars()} bars. Because
 * parts are interleaved bar by bar, a part writing bar k has bar k of every part declared before it, and every earlier
 * bar of all parts, in view; nothing ends a bar or a part but the next structural token.
 */
public final class Grammar {
    private static final int TEMPO_ORDER = Token.TagKind.values().length;
    private static final int TIMESIG_ORDER = TEMPO_ORDER + 1;
    private static final int KEY_ORDER = TEMPO_ORDER + 2;
    private static final int SWING_ORDER = TEMPO_ORDER + 3;

    private final Vocabulary vocabulary;

    public Grammar(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A fresh walk from the start; {@code requiredBars} fixes the bar count, or -1 to leave it open. */
    public State start(int requiredBars) {
        return new State(requiredBars);
    }

    public State start() {
        return start(-1);
    }

    /** Empty when the sequence is a complete valid piece, otherwise what is wrong and where. */
    public Optional<String> validate(List<Token> sequence) {
        State s = start();
        for (int i = 0; i < sequence.size(); i++) {
            Token t = sequence.get(i);
            if (!s.allows(t)) return Optional.of("token " + i + " (" + t + ") not allowed " + s.describe());
            s.accept(t);
        }
        return s.isComplete() ? Optional.empty() : Optional.of("sequence ends " + s.describe());
    }

    public boolean isValid(List<Token> sequence) {
        return validate(sequence).isEmpty();
    }

    /** Where a walk stands. PART covers "after TRK" and "after a whole note", the points where a part may end. */
    public enum Phase { START, TAGS, DECL_INST, DECL_OPTIONS, PART, AFTER_POSITION, AFTER_VELOCITY, AFTER_PITCH, FILLED, FILLS, END }

    /** Where a walk through the grammar stands. Mutable; one per sequence. */
    public final class State {
        Phase phase = Phase.START;
        private int lastTagOrder = -1;
        int barSteps;
        private final List<Boolean> drumParts = new ArrayList<>();
        private int declOptionsSeen; // 0 none, 1 DENS, 2 POLY
        private int bars;
        private final int requiredBars;
        private int part = -1;       // index of the part being written, -1 before the first TRK of a bar
        private boolean inFill;       // writing a fill after the bars
        private boolean partHasVelocity;
        private boolean partHasDuration;
        private boolean groupHasNote;
        int lastPosition;
        int lastPitch;
        private final Deque<Integer> pendingFills = new ArrayDeque<>();
        private int fillsWritten;

        private State(int requiredBars) {
            this.requiredBars = requiredBars;
            this.barSteps = vocabulary.grid().barSteps(TimeSignature.FOUR_FOUR);
        }

        public Phase phase() {
            return phase;
        }

        public boolean isComplete() {
            return phase == Phase.END;
        }

        /** Bars begun so far. */
        public int bars() {
            return bars;
        }

        /** Parts declared. */
        public int tracks() {
            return drumParts.size();
        }

        /** The part being written (its declaration index), or -1 between bars; in a fill, the filled part. */
        public int currentPart() {
            return part;
        }

        public boolean inFill() {
            return inFill;
        }

        /** FILLs not yet written out after the bars. */
        public int pendingFills() {
            return pendingFills.size();
        }

        public boolean inDrumPart() {
            return part >= 0 && part < drumParts.size() && drumParts.get(part);
        }

        public boolean isDrumPart(int index) {
            return drumParts.get(index);
        }

        public int barSteps() {
            return barSteps;
        }

        /** The last pitch (or drum key) of the current group, -1 before its first note. */
        public int lastPitch() {
            return lastPitch;
        }

        String describe() {
            String where = part >= 0 ? " (bar " + bars + ", part " + part + (inFill ? ", fill" : "") + ")" : bars > 0 ? " (after bar " + bars + ")" : "";
            return "in phase " + phase.name().toLowerCase(java.util.Locale.ROOT) + where;
        }

        private int tagOrder(Token t) {
            if (t instanceof Token.Tag tag) return tag.kind().ordinal();
            if (t instanceof Token.Tempo) return TEMPO_ORDER;
            if (t instanceof Token.TimeSig) return TIMESIG_ORDER;
            if (t instanceof Token.KeyTag) return KEY_ORDER;
            if (t instanceof Token.Swing) return SWING_ORDER;
            return -1;
        }

        /** The required tag the walk still lacks before parts are declared (a repairing decoder assumes it), or null. */
        Token missingMandatoryTag() {
            if (phase != Phase.TAGS) return null;
            if (lastTagOrder < TEMPO_ORDER) return new Token.Tempo(vocabulary.grid().tempoBin(loopsmith.music.TempoChange.DEFAULT_BPM));
            if (lastTagOrder < TIMESIG_ORDER) return new Token.TimeSig(TimeSignature.FOUR_FOUR);
            return null;
        }

        private boolean isNextTag(Token t) {
            int order = tagOrder(t);
            if (order <= lastTagOrder) return false;
            for (int skipped = lastTagOrder + 1; skipped < order; skipped++)
                if (skipped == TEMPO_ORDER || skipped == TIMESIG_ORDER) return false;
            return true;
        }

        private boolean mayStartBar() {
            return bars < vocabulary.config().maxBars() && (requiredBars < 0 || bars < requiredBars);
        }

        private boolean barsDone() {
            return requiredBars < 0 || bars == requiredBars;
        }

        /** Tokens that may end the current part (bar part or fill). */
        private boolean endsPart(Token t) {
            if (inFill) return t.equals(Token.FILL_END);
            if (part + 1 < drumParts.size()) return t instanceof Token.TrackRef r && r.index() == part + 1;
            return endsLastPart(t);
        }

        /** After the last part of a bar: the next bar, the fills, or the end. */
        private boolean endsLastPart(Token t) {
            if (t.equals(Token.BAR_START)) return mayStartBar();
            if (t.equals(Token.FILL_START)) return barsDone() && !pendingFills.isEmpty();
            if (t.equals(Token.PIECE_END)) return barsDone() && pendingFills.isEmpty();
            return false;
        }

        private boolean isNextPosition(Token t) {
            return t instanceof Token.Position p && p.step() > lastPosition && p.step() < barSteps;
        }

        private boolean isNote(Token t, boolean afterNote) {
            if (inDrumPart()) return t instanceof Token.DrumHit h && (!afterNote || h.key() > lastPitch);
            return t instanceof Token.Pitch p && (!afterNote || p.pitch() > lastPitch);
        }

        public boolean allows(Token t) {
            if (!vocabulary.contains(t)) return false;
            return switch (phase) {
                case START -> t.equals(Token.PIECE_START);
                case TAGS -> isNextTag(t) || (lastTagOrder >= TIMESIG_ORDER && (t instanceof Token.RoleTag || (t.equals(Token.PIECE_END) && barsDone())));
                case DECL_INST -> t instanceof Token.Instrument;
                case DECL_OPTIONS -> (t instanceof Token.Density && declOptionsSeen < 1)
                        || (t instanceof Token.Polyphony && declOptionsSeen < 2 && !drumParts.get(drumParts.size() - 1))
                        || (t instanceof Token.RoleTag && drumParts.size() < vocabulary.config().maxTracks())
                        || (t.equals(Token.BAR_START) && mayStartBar())
                        || (t.equals(Token.PIECE_END) && barsDone());
                case PART -> allowsInPart(t);
                case AFTER_POSITION -> (t instanceof Token.Velocity && !inDrumPart()) || ((partHasVelocity || inDrumPart()) && isNote(t, false));
                case AFTER_VELOCITY -> isNote(t, groupHasNote);
                case AFTER_PITCH -> t instanceof Token.Duration || (partHasDuration && allowsInPart(t));
                case FILLED -> endsPart(t);
                case FILLS -> (t.equals(Token.FILL_START) && !pendingFills.isEmpty()) || (t.equals(Token.PIECE_END) && pendingFills.isEmpty());
                case END -> false;
            };
        }

        private boolean justOpened; // a TRK was just accepted: FILL may stand for the whole part

        /** In a part, after its TRK or after a whole note. */
        private boolean allowsInPart(Token t) {
            if (part < 0) return t instanceof Token.TrackRef r && r.index() == 0; // right after BAR_START
            if (t.equals(Token.FILL)) return !inFill && lastPosition < 0 && !groupHasNote && justOpened;
            return isNextPosition(t) || (groupHasNote && (isNote(t, true) || (t instanceof Token.Velocity && !inDrumPart() && lastPitch < 127)))
                    || endsPart(t);
        }

        /** {@link #allows} for an id; ids outside the vocabulary are never allowed. */
        public boolean allows(int id) {
            return id >= 0 && id < vocabulary.size() && allows(vocabulary.token(id));
        }

        /** Advances past {@code t}, which must be allowed. */
        public void accept(Token t) {
            if (!allows(t)) throw new IllegalStateException(t + " not allowed " + describe());
            opened = false;
            switch (phase) {
                case START -> phase = Phase.TAGS;
                case TAGS -> {
                    if (t.equals(Token.PIECE_END)) {
                        phase = Phase.END; // a piece without parts
                    } else if (t instanceof Token.RoleTag) {
                        phase = Phase.DECL_INST;
                    } else {
                        lastTagOrder = tagOrder(t);
                        if (t instanceof Token.TimeSig ts) barSteps = vocabulary.grid().barSteps(ts.timeSignature());
                    }
                }
                case DECL_INST -> {
                    drumParts.add(((Token.Instrument) t).drums());
                    declOptionsSeen = 0;
                    phase = Phase.DECL_OPTIONS;
                }
                case DECL_OPTIONS -> {
                    if (t instanceof Token.Density) declOptionsSeen = 1;
                    else if (t instanceof Token.Polyphony) declOptionsSeen = 2;
                    else if (t instanceof Token.RoleTag) phase = Phase.DECL_INST;
                    else structural(t);
                }
                case AFTER_PITCH -> {
                    phase = Phase.PART;
                    if (t instanceof Token.Duration) partHasDuration = true;
                    else inPart(t); // the note keeps the part's last duration
                }
                case PART, FILLED -> inPart(t);
                case AFTER_POSITION -> {
                    if (t instanceof Token.Velocity) {
                        partHasVelocity = true;
                        phase = Phase.AFTER_VELOCITY;
                    } else {
                        note(t);
                    }
                }
                case AFTER_VELOCITY -> note(t);
                case FILLS -> structural(t);
                case END -> throw new AssertionError("nothing follows PIECE_END");
            }
            justOpened = opened;
        }

        private boolean opened;

        private void inPart(Token t) {
            if (t instanceof Token.TrackRef r) {
                openPart(r.index());
                opened = true;
            } else if (t.equals(Token.FILL)) {
                pendingFills.add(part);
                phase = Phase.FILLED;
            } else if (t instanceof Token.Position p) {
                lastPosition = p.step();
                lastPitch = -1;
                groupHasNote = false;
                phase = Phase.AFTER_POSITION;
            } else if (t instanceof Token.Velocity) {
                phase = Phase.AFTER_VELOCITY;
            } else if (isNote(t, true)) {
                note(t);
            } else {
                structural(t);
                    }
        }

        private void openPart(int index) {
            part = index;
            lastPosition = -1;
            lastPitch = -1;
            partHasVelocity = false;
            partHasDuration = false;
            groupHasNote = false;
            phase = Phase.PART;
        }

        private void note(Token t) {
            groupHasNote = true;
            if (t instanceof Token.DrumHit h) {
                lastPitch = h.key();
                phase = Phase.PART;
            } else {
                lastPitch = ((Token.Pitch) t).pitch();
                phase = Phase.AFTER_PITCH;
            }
        }

        /** BAR_START, FILL_START, FILL_END or PIECE_END. */
        private void structural(Token t) {
            if (t.equals(Token.BAR_START)) {
                bars++;
                part = -1;
                inFill = false;
                phase = Phase.PART;
            } else if (t.equals(Token.FILL_START)) {
                inFill = true;
                openPart(pendingFills.peekFirst());
            } else if (t.equals(Token.FILL_END)) {
                pendingFills.removeFirst();
                fillsWritten++;
                inFill = false;
                part = -1;
                phase = Phase.FILLS;
            } else if (t.equals(Token.PIECE_END)) {
                part = -1;
                phase = Phase.END;
            } else {
                throw new AssertionError("unhandled token " + t + " " + describe());
            }
        }
    }
}
