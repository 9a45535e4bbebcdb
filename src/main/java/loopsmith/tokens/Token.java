package loopsmith.tokens;

import java.util.Locale;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * One event of the bar-interleaved multitrack vocabulary (token format {@value TokenizerConfig#TOKEN_FORMAT}). Kinds
 * are records so the compiler sees every case; the string form ({@code NOTE_ON=60}, {@code HIT=36:96}, {@code KEY=Am})
 * is for token files, logs and the vocabulary JSON only. {@link Grammar} says which token may follow which.
 */
public sealed interface Token {

    /** Structural and special tokens. */
    /**
     * PAD and UNK never appear in a valid piece. FILL stands for a part's bar that is left out (infill); its notes
     * follow after the last bar, between FILL_START and FILL_END, in the order the FILLs came.
     */
    enum Kind { PAD, UNK, PIECE_START, PIECE_END, BAR_START, FILL, FILL_START, FILL_END }

    record Special(Kind kind) implements Token {
        @Override public String toString() { return kind.name(); }
    }

    /** Free-word tag categories; their values come from the vocabulary's tag lists. */
    enum TagKind { GENRE, STYLE, MOOD, FEEL }

    /** {@code GENRE=house}: value is lower-case with '-' for spaces (see {@link #normalize}). */
    record Tag(TagKind kind, String value) implements Token {
        public Tag {
            value = normalize(value);
            if (value.isEmpty()) throw new IllegalArgumentException("empty " + kind + " tag");
        }
        /** {@code "Hip Hop"} → {@code "hip-hop"}. */
        public static String normalize(String raw) {
            return raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        }
        @Override public String toString() { return kind.name() + "=" + value; }
    }

    /** Tempo tag: a tempo bin's value in BPM. */
    record Tempo(int bpm) implements Token {
        @Override public String toString() { return "TEMPO=" + bpm; }
    }

    record TimeSig(TimeSignature timeSignature) implements Token {
        @Override public String toString() { return "TIMESIG=" + timeSignature; }
    }

    record KeyTag(Key key) implements Token {
        @Override public String toString() { return "KEY=" + key.shortName(); }
    }

    /** The instrument of a track: a GM program (0-based) or the drum kit. */
    record Instrument(int program, boolean drums) implements Token {
        public static final Instrument DRUMS = new Instrument(0, true);
        public Instrument {
            if (drums) program = 0;
            if (program < 0 || program > 127) throw new IllegalArgumentException("program must be 0..127, was " + program);
        }
        @Override public String toString() { return "INST=" + (drums ? "DRUMS" : Integer.toString(program)); }
    }

    record RoleTag(Role role) implements Token {
        @Override public String toString() { return "ROLE=" + role.label(); }
    }

    /**
     * The piece's swing: off-beats of every pair of {@code unit}ths (8 or 16) played at {@code percent} of the pair.
     * Notes are stored straight; the tag says how to play them back (the groove survives as a control, not as jitter).
     */
    record Swing(int unit, int percent) implements Token {
        public Swing {
            if (unit != 8 && unit != 16) throw new IllegalArgumentException("swing unit must be 8 or 16, was " + unit);
            if (percent <= 50 || percent >= 100) throw new IllegalArgumentException("swing percent must be 51..99, was " + percent);
        }
        /** The off-beat's place in its pair, 0.5..1. */
        public double phase() { return percent / 100.0; }
        @Override public String toString() { return "SWING=" + unit + ":" + percent; }
    }

    /** A part's note density, 0 = sparse, 1 = medium, 2 = busy, from its notes per bar (see {@link Controls}). */
    record Density(int level) implements Token {
        public Density { if (level < 0 || level >= Controls.LEVELS) throw new IllegalArgumentException("density level 0.." + (Controls.LEVELS - 1)); }
        @Override public String toString() { return "DENS=" + level; }
    }

    /** A pitched part's polyphony, 0 = one note at a time, 1 = two or three, 2 = four or more (see {@link Controls}). */
    record Polyphony(int level) implements Token {
        public Polyphony { if (level < 0 || level >= Controls.LEVELS) throw new IllegalArgumentException("polyphony level 0.." + (Controls.LEVELS - 1)); }
        @Override public String toString() { return "POLY=" + level; }
    }

    /** Inside a bar: the notes that follow belong to the track declared {@code index}-th in the header. */
    record TrackRef(int index) implements Token {
        @Override public String toString() { return "TRK=" + index; }
    }

    /** A drum hit: GM percussion key and velocity level in one token (a Drum Rack pad plays a one-shot). */
    record DrumHit(int key, int velocity) implements Token {
        @Override public String toString() { return "HIT=" + key + ":" + velocity; }
    }

    /** Onset position inside the bar, in grid steps. */
    record Position(int step) implements Token {
        @Override public String toString() { return "POS=" + step; }
    }

    record Pitch(int pitch) implements Token {
        @Override public String toString() { return "NOTE_ON=" + pitch; }
    }

    /** Duration in grid steps (one of the duration bins). */
    record Duration(int steps) implements Token {
        @Override public String toString() { return "DUR=" + steps; }
    }

    /** Velocity: the representative value of a velocity bin. */
    record Velocity(int velocity) implements Token {
        @Override public String toString() { return "VEL=" + velocity; }
    }

    Special PAD = new Special(Kind.PAD);
    Special UNK = new Special(Kind.UNK);
    Special PIECE_START = new Special(Kind.PIECE_START);
    Special PIECE_END = new Special(Kind.PIECE_END);
    Special BAR_START = new Special(Kind.BAR_START);
    Special FILL = new Special(Kind.FILL);
    Special FILL_START = new Special(Kind.FILL_START);
    Special FILL_END = new Special(Kind.FILL_END);

    /** Parses the string form; empty when the text is no token (the caller maps it to UNK or reports it). */
    static Optional<Token> parse(String text) {
        String s = text.trim();
        int eq = s.indexOf('=');
        try {
            if (eq < 0) {
                for (Kind k : Kind.values()) if (k.name().equals(s)) return Optional.of(new Special(k));
                return Optional.empty();
            }
            String name = s.substring(0, eq);
            String value = s.substring(eq + 1);
            return switch (name) {
                case "GENRE" -> Optional.of(new Tag(TagKind.GENRE, value));
                case "STYLE" -> Optional.of(new Tag(TagKind.STYLE, value));
                case "MOOD" -> Optional.of(new Tag(TagKind.MOOD, value));
                case "FEEL" -> Optional.of(new Tag(TagKind.FEEL, value));
                case "TEMPO" -> Optional.of(new Tempo(Integer.parseInt(value)));
                case "TIMESIG" -> TimeSignature.parse(value).map(TimeSig::new);
                case "KEY" -> Key.parse(value).map(KeyTag::new);
                case "INST" -> Optional.of(value.equals("DRUMS") ? Instrument.DRUMS : new Instrument(Integer.parseInt(value), false));
                case "ROLE" -> Role.parse(value).map(RoleTag::new);
                case "POS" -> Optional.of(new Position(Integer.parseInt(value)));
                case "NOTE_ON" -> Optional.of(new Pitch(Integer.parseInt(value)));
                case "DUR" -> Optional.of(new Duration(Integer.parseInt(value)));
                case "VEL" -> Optional.of(new Velocity(Integer.parseInt(value)));
                case "SWING" -> Optional.of(new Swing(Integer.parseInt(before(value)), Integer.parseInt(after(value))));
                case "DENS" -> Optional.of(new Density(Integer.parseInt(value)));
                case "POLY" -> Optional.of(new Polyphony(Integer.parseInt(value)));
                case "TRK" -> Optional.of(new TrackRef(Integer.parseInt(value)));
                case "HIT" -> Optional.of(new DrumHit(Integer.parseInt(before(value)), Integer.parseInt(after(value))));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Optional.empty();
        }
    }

    private static String before(String pair) {
        int colon = pair.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("expected A:B, was " + pair);
        return pair.substring(0, colon);
    }

    private static String after(String pair) {
        return pair.substring(pair.indexOf(':') + 1);
    }
}
