package loopsmith.tokens;

import java.util.Locale;
import java.util.Optional;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * One event of the REMI/MMM-style vocabulary. Kinds are records so the compiler sees every case; the string form
 * ({@code NOTE_ON=60}, {@code TEMPO=124}, {@code KEY=Am}) is for token files, logs and the vocabulary JSON only.
 * {@link Grammar} says which token may follow which.
 */
public sealed interface Token {

    /** Structural and special tokens. */
    enum Kind { PAD, UNK, PIECE_START, PIECE_END, TRACK_START, TRACK_END, BAR_START, BAR_END }

    record Special(Kind kind) implements Token {
        @Override public String toString() { return kind.name(); }
    }

    /** Free-word tag categories; their values come from the vocabulary's tag lists. */
    enum TagKind { GENRE, STYLE, MOOD }

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
    Special TRACK_START = new Special(Kind.TRACK_START);
    Special TRACK_END = new Special(Kind.TRACK_END);
    Special BAR_START = new Special(Kind.BAR_START);
    Special BAR_END = new Special(Kind.BAR_END);

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
                case "TEMPO" -> Optional.of(new Tempo(Integer.parseInt(value)));
                case "TIMESIG" -> TimeSignature.parse(value).map(TimeSig::new);
                case "KEY" -> Key.parse(value).map(KeyTag::new);
                case "INST" -> Optional.of(value.equals("DRUMS") ? Instrument.DRUMS : new Instrument(Integer.parseInt(value), false));
                case "ROLE" -> Role.parse(value).map(RoleTag::new);
                case "POS" -> Optional.of(new Position(Integer.parseInt(value)));
                case "NOTE_ON" -> Optional.of(new Pitch(Integer.parseInt(value)));
                case "DUR" -> Optional.of(new Duration(Integer.parseInt(value)));
                case "VEL" -> Optional.of(new Velocity(Integer.parseInt(value)));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Optional.empty();
        }
    }
}
