package loopsmith.tokens;

import java.util.List;
import java.util.Optional;
import loopsmith.music.TimeSignature;

/**
 * What may follow what: the one definition of a valid token sequence. Validation, the repairing decoder and (later)
 * constrained generation all walk this state machine.
 *
 * <pre>
 * piece  := PIECE_START tags track* PIECE_END
 * tags   := [GENRE=] [STYLE=] [MOOD=] TEMPO= TIMESIG= [KEY=]     in this order; genre, style, mood and key may be
 *                                                                 left out (tag dropout), tempo and meter may not
 * track  := TRACK_START INST=&lt;program|DRUMS&gt; ROLE=&lt;role&gt; bar* TRACK_END
 * bar    := BAR_START group* BAR_END
 * group  := POS=&lt;step&gt; note+                   steps strictly increase within a bar and stay below the bar's
 *                                                 length (TIMESIG, 4/4 when absent)
 * note   := NOTE_ON=&lt;pitch&gt; DUR=&lt;bin&gt; VEL=&lt;level&gt;   pitched tracks
 *         | NOTE_ON=&lt;pitch&gt; VEL=&lt;level&gt;             drum tracks (hits have no length)
 *                                                 pitches strictly increase within a group
 * </pre>
 * Every track has the same number of bars: the first track sets it (or the caller does, for generation), and the
 * count is at most {@link TokenizerConfig#maxBars()}. PAD and UNK never appear in a valid piece: the encoder leaves
 * out tags the vocabulary lacks, and the decoder skips UNK.
 */
public final class Grammar {
    private static final int TEMPO_ORDER = 3;
    private static final int TIMESIG_ORDER = 4;

    private final Vocabulary vocabulary;

    public Grammar(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A fresh walk from the start; {@code requiredBars} fixes every track's bar count, or -1 to let the first track set it. */
    public State start(int requiredBars) {
        return new State(requiredBars, true);
    }

    public State start() {
        return start(-1);
    }

    /** A walk that does not hold tracks to one bar count: the repairing decoder pads short tracks afterwards. */
    State lenient() {
        return new State(-1, false);
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

    enum Phase { START, TAGS, TRACKS, INSTRUMENT, ROLE, BODY, BAR, AFTER_POSITION, AFTER_PITCH, AFTER_DURATION, AFTER_VELOCITY, END }

    /** Where a walk through the grammar stands. Mutable; one per sequence. */
    public final class State {
        Phase phase = Phase.START;
        private int lastTagOrder = -1;
        int barSteps;
        boolean drumTrack;
        private int barsInTrack;
        int requiredBars;
        private final boolean holdBarCount;
        int lastPosition;
        int lastPitch;
        private int tracks;

        private State(int requiredBars, boolean holdBarCount) {
            this.requiredBars = requiredBars;
            this.holdBarCount = holdBarCount;
            this.barSteps = vocabulary.grid().barSteps(TimeSignature.FOUR_FOUR);
        }

        public boolean isComplete() {
            return phase == Phase.END;
        }

        /** Bars finished in the current (or last) track. */
        public int barsInTrack() {
            return barsInTrack;
        }

        public int tracks() {
            return tracks;
        }

        public boolean inDrumTrack() {
            return drumTrack;
        }

        String describe() {
            return "in phase " + phase.name().toLowerCase(java.util.Locale.ROOT) + (phase == Phase.BAR || phase == Phase.AFTER_VELOCITY
                    ? " (bar " + (barsInTrack + 1) + ", last position " + lastPosition + ")" : "");
        }

        private int tagOrder(Token t) {
            if (t instanceof Token.Tag tag) return tag.kind().ordinal();
            if (t instanceof Token.Tempo) return TEMPO_ORDER;
            if (t instanceof Token.TimeSig) return TIMESIG_ORDER;
            if (t instanceof Token.KeyTag) return 5;
            return -1;
        }

        /** The mandatory tag the walk still lacks before tracks may begin (a repairing decoder assumes it), or null. */
        Token missingMandatoryTag() {
            if (phase != Phase.TAGS) return null;
            if (lastTagOrder < TEMPO_ORDER) return new Token.Tempo(vocabulary.grid().tempoBin(loopsmith.music.TempoChange.DEFAULT_BPM));
            if (lastTagOrder < TIMESIG_ORDER) return new Token.TimeSig(TimeSignature.FOUR_FOUR);
            return null;
        }

        /** Tags come in order; the optional ones (genre, style, mood, key) may be skipped, tempo and meter not. */
        private boolean isNextTag(Token t) {
            int order = tagOrder(t);
            if (order <= lastTagOrder) return false;
            for (int skipped = lastTagOrder + 1; skipped < order; skipped++)
                if (skipped == TEMPO_ORDER || skipped == TIMESIG_ORDER) return false;
            return true;
        }

        private boolean maySkipBarCount() {
            return !holdBarCount || requiredBars < 0;
        }

        public boolean allows(Token t) {
            if (!vocabulary.contains(t)) return false;
            return switch (phase) {
                case START -> t.equals(Token.PIECE_START);
                case TAGS -> isNextTag(t) || (lastTagOrder >= TIMESIG_ORDER && (t.equals(Token.TRACK_START) || t.equals(Token.PIECE_END)));
                case TRACKS -> t.equals(Token.TRACK_START) || t.equals(Token.PIECE_END);
                case INSTRUMENT -> t instanceof Token.Instrument;
                case ROLE -> t instanceof Token.RoleTag;
                case BODY -> (t.equals(Token.BAR_START) && barsInTrack < vocabulary.config().maxBars()
                                && (maySkipBarCount() || barsInTrack < requiredBars))
                        || (t.equals(Token.TRACK_END) && (maySkipBarCount() || barsInTrack == requiredBars));
                case BAR -> t.equals(Token.BAR_END) || isNextPosition(t);
                case AFTER_POSITION -> t instanceof Token.Pitch;
                case AFTER_PITCH -> drumTrack ? t instanceof Token.Velocity : t instanceof Token.Duration;
                case AFTER_DURATION -> t instanceof Token.Velocity;
                case AFTER_VELOCITY -> t.equals(Token.BAR_END) || isNextPosition(t)
                        || (t instanceof Token.Pitch p && p.pitch() > lastPitch);
                case END -> false;
            };
        }

        /** {@link #allows} for an id; ids outside the vocabulary are never allowed. */
        public boolean allows(int id) {
            return id >= 0 && id < vocabulary.size() && allows(vocabulary.token(id));
        }

        private boolean isNextPosition(Token t) {
            return t instanceof Token.Position p && p.step() > lastPosition && p.step() < barSteps;
        }

        /** Advances past {@code t}, which must be allowed. */
        public void accept(Token t) {
            if (!allows(t)) throw new IllegalStateException(t + " not allowed " + describe());
            switch (phase) {
                case START -> phase = Phase.TAGS;
                case TAGS, TRACKS -> {
                    if (t.equals(Token.TRACK_START)) phase = Phase.INSTRUMENT;
                    else if (t.equals(Token.PIECE_END)) phase = Phase.END;
                    else {
                        lastTagOrder = tagOrder(t);
                        if (t instanceof Token.TimeSig ts) barSteps = vocabulary.grid().barSteps(ts.timeSignature());
                    }
                }
                case INSTRUMENT -> {
                    drumTrack = ((Token.Instrument) t).drums();
                    phase = Phase.ROLE;
                }
                case ROLE -> {
                    barsInTrack = 0;
                    phase = Phase.BODY;
                }
                case BODY -> {
                    if (t.equals(Token.BAR_START)) {
                        lastPosition = -1;
                        phase = Phase.BAR;
                    } else {
                        if (requiredBars < 0 && holdBarCount) requiredBars = barsInTrack;
                        tracks++;
                        phase = Phase.TRACKS;
                    }
                }
                case BAR, AFTER_VELOCITY -> {
                    if (t.equals(Token.BAR_END)) {
                        barsInTrack++;
                        phase = Phase.BODY;
                    } else if (t instanceof Token.Position p) {
                        lastPosition = p.step();
                        lastPitch = -1;
                        phase = Phase.AFTER_POSITION;
                    } else {
                        lastPitch = ((Token.Pitch) t).pitch();
                        phase = Phase.AFTER_PITCH;
                    }
                }
                case AFTER_POSITION -> {
                    lastPitch = ((Token.Pitch) t).pitch();
                    phase = Phase.AFTER_PITCH;
                }
                case AFTER_PITCH -> phase = drumTrack ? Phase.AFTER_VELOCITY : Phase.AFTER_DURATION;
                case AFTER_DURATION -> phase = Phase.AFTER_VELOCITY;
                case END -> throw new AssertionError("nothing follows PIECE_END");
            }
        }
    }
}
